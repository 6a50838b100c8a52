import 'server-only';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import type { z } from 'zod';
import { getDb, type Db } from './db/client';
import { getActor } from './auth/session';
import type { Actor } from './access/actor';
import { DomainError } from './errors';
import { dispatchOutbox } from './mail';
import type { FormState } from '@/lib/form-state';

/** Field values sent back with an error so the form shows exactly what the user typed. */
function echo(fd: FormData): Record<string, string | string[]> {
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

type T = Awaited<ReturnType<typeof getTranslations>>;

const ISSUE_KEYS = new Set([
  'required', 'tooLong', 'invalidEmail', 'invalidPhone', 'invalidChoice', 'invalid', 'invalidTaxId', 'passwordTooShort',
  'passwordMismatch', 'invalidRate', 'invalidTimeZone', 'emailTaken', 'nameTaken', 'notAllowedOwner',
  'notAllowedTerritory', 'territoryCycle', 'territoryHasChildren', 'managerRoleRequired', 'cannotDemoteSelf',
  'wrongPassword', 'logoType', 'logoTooBig', 'invalidAmount', 'negativeAmount', 'tooManyDecimals', 'noDecimalsForCurrency',
  'unknownStage', 'lostReasonRequired', 'invalidDate', 'invalidProbability', 'customerRequired', 'dateMustBeFuture',
  'onlyOpenDeals', 'lastOpenStage', 'lastStage', 'chooseStageForDeals', 'fileTooBig', 'fileType',
  'negativeQuantity', 'invalidQuantity', 'negativePrice', 'negativeDiscount', 'discountOver100', 'discountTooBig',
  'unknownProduct', 'unknownTaxRate', 'unknownCustomer', 'validUntilPast', 'noLines', 'noRecipient', 'codeTaken',
  'invalidCode', 'currencyHasPrices', 'defaultRateActive', 'mustAgree', 'invalidDays',
]);
/** Conflicts that say exactly what is wrong with the record's state. */
const CONFLICT_KEYS = new Set(['notDraft', 'cannotSend', 'cannotRevise', 'nothingToRevoke']);
/** Field errors about the whole document, shown as the form's message when they come alone. */
const DOCUMENT_KEYS = new Set(['noLines', 'noRecipient', 'validUntilPast']);
const fieldMessage = (t: T, key: string) => t(ISSUE_KEYS.has(key) ? key : 'invalid');

function zodFieldErrors(error: z.ZodError, t: T): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '_');
    out[field] ??= fieldMessage(t, issue.message);
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
    return { status: 'error', message, fieldErrors, values };
  }
  console.error('Unexpected error in action', e);
  return { status: 'error', message: t('unexpected'), values };
}

export type ActionContext<I> = { actor: Actor; db: Db; input: I; formData: FormData };

/**
 * The one authenticated action client: parse with zod -> authenticate -> run the command (which
 * checks permission and writes in one transaction) -> map domain errors to translated messages.
 * `after` runs outside the try so that redirect() and revalidatePath() behave.
 */
export function formAction<S extends z.ZodType, R>(
  schema: S,
  run: (ctx: ActionContext<z.infer<S>>) => Promise<R>,
  after?: (result: R, ctx: ActionContext<z.infer<S>>) => void | FormState | Promise<void | FormState>,
) {
  return async (_prev: FormState, formData: FormData): Promise<FormState> => {
    const actor = await getActor();
    if (!actor) redirect('/signin');
    const t = await getTranslations('errors');
    const values = echo(formData);
    const parsed = schema.safeParse(formObject(formData));
    if (!parsed.success) return { status: 'error', message: t('form'), fieldErrors: zodFieldErrors(parsed.error, t), values };
    const ctx = { actor, db: await getDb(), input: parsed.data, formData };
    let result: R;
    try {
      result = await run(ctx);
    } catch (e) {
      return errorState(e, t, values);
    }
    // Mail queued by the command goes out now that its transaction has committed.
    await dispatchOutbox(ctx.db).catch((e) => console.error('Mail dispatch failed', e));
    const next = after ? await after(result, ctx) : undefined;
    return next ?? { status: 'ok', message: (await getTranslations('common'))('saved') };
  };
}
