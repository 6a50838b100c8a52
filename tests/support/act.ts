import type { z } from 'zod';
import { runAction, type ActionContext } from '../../src/server/action-core';
import type { Actor } from '../../src/server/access/actor';
import type { Db } from '../../src/server/db/client';
import type { FormState } from '../../src/lib/form-state';

/** Field values as a browser sends them: strings, repeated keys as arrays. */
export type FormValues = Record<string, string | string[] | undefined>;

export function formDataOf(values: FormValues): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) fd.append(k, one);
  }
  return fd;
}

/** Translates to the key itself, so tests read `fieldErrors` as message keys. */
export const keyT = (key: string) => key;

/**
 * Runs an action the way a form submission does (FormData -> schema -> command -> mapped errors),
 * without Next's request scope. `unexpected` is true when the user would see the generic
 * "something went wrong" (a raw database or programming error): that must never happen.
 */
export async function act<S extends z.ZodType, R>(
  db: Db,
  actor: Actor,
  schema: S,
  run: (ctx: ActionContext<z.infer<S>>) => Promise<R>,
  values: FormValues,
): Promise<{ state: FormState; result?: R; unexpected: boolean }> {
  const { state, result } = await runAction(schema, run, { actor, db, t: keyT, formData: formDataOf(values) });
  return { state, result, unexpected: state.status === 'error' && state.message === 'unexpected' };
}
