import 'server-only';
import type { z } from 'zod';
import type { Db } from './db/client';
import type { Actor } from './access/actor';
import { DomainError } from './errors';
import type { FormState } from '@/lib/form-state';
import enCommon from '@/messages/en/common.json';

/** Field values sent back with an error so the form shows exactly what the user typed. */
export function echo(fd: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(fd.keys())) {
    if (key.startsWith('$ACTION') || /password|^current$|^next$|^confirm$/i.test(key)) continue;
    const all = fd.getAll(key).filter((v): v is string => typeof v === 'string');
    out[key] = all.length > 1 ? all : (all[0] ?? '');
  }
  return out;
}

/** FormData as a plain object; repeated keys (checkbox groups, multi-selects) become arrays. */
export function formObject(fd: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(fd.keys())) {
    if (key.startsWith('$ACTION')) continue;
    const all = fd.getAll(key);
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}

/** A translator for the `errors` namespace (next-intl's, or one from use-intl/core in tests). */
type T = (key: string) => string;

/**
 * A field message or conflict key is any key of the `errors` namespace: the English file is the
 * reference (a unit test keeps the other languages in step), so a command's new key needs only its
 * four translations. Anything else shows as the generic 'invalid'.
 */
const ERROR_KEYS = new Set(Object.keys(enCommon.errors));
const ISSUE_KEYS = ERROR_KEYS;
/** Conflicts whose key says exactly what is wrong with the record's state (else the generic 'conflict'). */
const CONFLICT_KEYS = ERROR_KEYS;
/** Field errors about the whole document, shown as the form's message when they come alone. */
const DOCUMENT_KEYS = new Set(['noLines', 'noRecipient', 'validUntilPast', 'noRateOnDate']);
const fieldMessage = (t: T, key: string) => t(ISSUE_KEYS.has(key) ? key : 'invalid');

/**
 * Every issue, keyed by its full path ("title", "lines.2.quantity"), so a form shows all its errors
 * at once and a line editor marks the exact cell. The first message per field wins.
 */
export function zodFieldErrors(error: z.ZodError, t: (key: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? issue.path.map(String).join('.') : '_';
    out[field] ??= fieldMessage(t as T, issue.message);
  }
  return out;
}

export function errorState(e: unknown, t: T, values: FormState['values']): FormState {
  if (e instanceof DomainError) {
    const fieldErrors = Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k, fieldMessage(t, v)]));
    const only = Object.values(e.fields);
    const message =
      e.code === 'invalid'
        ? only.length === 1 && DOCUMENT_KEYS.has(only[0]) ? fieldMessage(t, only[0]) : t('form')
        : e.code === 'conflict' && CONFLICT_KEYS.has(e.message) ? t(e.message) : t(e.code);
    return { status: 'error', message, fieldErrors, values, ...(e.duplicates ? { duplicates: e.duplicates } : {}) };
  }
  console.error('Unexpected error in action', e);
  return { status: 'error', message: t('unexpected'), values };
}

export type ActionContext<I> = { actor: Actor; db: Db; input: I; formData: FormData };

/**
 * The core of every action without the session and Next's request scope, so tests (and the fuzz
 * suite) run exactly what a form submission runs: parse -> command -> translated errors.
 */
export async function runAction<S extends z.ZodType, R>(
  schema: S,
  run: (ctx: ActionContext<z.infer<S>>) => Promise<R>,
  env: { actor: Actor; db: Db; t: (key: string) => string; formData: FormData },
): Promise<{ state: FormState; result?: R; ctx?: ActionContext<z.infer<S>> }> {
  const t = env.t as T;
  const values = echo(env.formData);
  const parsed = schema.safeParse(formObject(env.formData));
  if (!parsed.success) return { state: { status: 'error', message: t('form'), fieldErrors: zodFieldErrors(parsed.error, t), values } };
  const ctx = { actor: env.actor, db: env.db, input: parsed.data, formData: env.formData };
  try {
    return { state: { status: 'ok' }, result: await run(ctx), ctx };
  } catch (e) {
    return { state: errorState(e, t, values) };
  }
}

