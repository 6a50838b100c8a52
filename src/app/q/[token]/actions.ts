'use server';

import { headers } from 'next/headers';
import { getDb } from '@/server/db/client';
import { DomainError } from '@/server/errors';
import { acceptByToken, acceptInput, declineByToken, declineInput } from '@/server/quotations';
import { takePublicLink } from '@/server/quotations/rate-limit';
import { clientAddress } from '@/server/net/client-address';
import { dispatchOutbox } from '@/server/mail';
import { quoteTranslator } from './i18n';

export type AnswerState = { status: 'idle' | 'ok' | 'error'; message?: string; fieldErrors?: Record<string, string>; values?: Record<string, string> };

/**
 * The customer's answers. These are public endpoints: no session, so the token is the only key,
 * checked again here (inside the locked transaction), and the caller's address is rate-limited.
 * Only what the schema parsed goes on (trimmed, no control characters or line breaks), never the
 * raw form: the name ends up in the salesperson's mail subject.
 */
async function answer<S extends typeof acceptInput | typeof declineInput>(
  fd: FormData,
  schema: S,
  run: (input: ReturnType<S['parse']>, ip: string) => Promise<void>,
  done: string,
): Promise<AnswerState> {
  const { t } = await quoteTranslator(String(fd.get('language') ?? 'en'));
  const values = { name: String(fd.get('name') ?? ''), reason: String(fd.get('reason') ?? '') };
  const h = await headers();
  if (!(await takePublicLink(h)).allowed) return { status: 'error', message: t('tooMany'), values };
  const parsed = schema.safeParse(Object.fromEntries(fd));
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const i of parsed.error.issues) fieldErrors[String(i.path[0])] ??= t(`errors.${['required', 'mustAgree', 'tooLong'].includes(i.message) ? i.message : 'form'}`);
    return { status: 'error', message: t('errors.form'), fieldErrors, values };
  }
  try {
    await run(parsed.data as ReturnType<S['parse']>, clientAddress(h) ?? 'unknown');
  } catch (e) {
    if (e instanceof DomainError) {
      const key = e.code === 'notFound' ? 'notFound' : ['alreadyAccepted', 'alreadyDeclined', 'quoteExpired', 'linkWithdrawn'].includes(e.message) ? e.message : 'unexpected';
      return { status: 'error', message: t(`errors.${key}`), values };
    }
    console.error('Unexpected error answering a quotation', e);
    return { status: 'error', message: t('errors.unexpected'), values };
  }
  await dispatchOutbox(await getDb()).catch(() => 0);
  return { status: 'ok', message: t(done, { name: 'name' in parsed.data ? parsed.data.name : '' }) };
}

export async function acceptAction(_prev: AnswerState, fd: FormData): Promise<AnswerState> {
  return answer(fd, acceptInput, async (input, ip) => acceptByToken(await getDb(), input.token, { name: input.name, ip }), 'acceptedDone');
}

export async function declineAction(_prev: AnswerState, fd: FormData): Promise<AnswerState> {
  return answer(fd, declineInput, async (input) => declineByToken(await getDb(), input.token, input.reason), 'declinedDone');
}
