import 'server-only';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import type { z } from 'zod';
import { getDb } from './db/client';
import { getActor } from './auth/session';
import { dispatchOutbox } from './mail';
import { logger } from './log';
import { runAction, type ActionContext } from './action-core';
import type { FormState } from '@/lib/form-state';

export { errorState, formObject, runAction, zodFieldErrors, type ActionContext } from './action-core';

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
    const { state, result, ctx } = await runAction(schema, run, { actor, db: await getDb(), t, formData });
    if (state.status === 'error' || !ctx) return state;
    // Mail queued by the command goes out now that its transaction has committed; what fails is
    // retried by the mail job.
    await dispatchOutbox(ctx.db, { fresh: true }).catch((e) => logger.error('mail dispatch failed', { error: e }));
    const next = after ? await after(result as R, ctx) : undefined;
    return next ?? { status: 'ok', message: (await getTranslations('common'))('saved') };
  };
}
