'use server';

import { headers } from 'next/headers';
import { getDb } from '@/server/db/client';
import { DomainError } from '@/server/errors';
import { acceptByToken, acceptInput, declineByToken, declineInput } from '@/server/quotations';
import { publicLinkLimiter } from '@/server/quotations/rate-limit';
import { clientIp } from '@/server/auth/config';
import { dispatchOutbox } from '@/server/mail';
import { quoteTranslator } from './i18n';

export type AnswerState = { status: 'idle' | 'ok' | 'error'; message?: string; fieldErrors?: Record<string, string>; values?: Record<string, string> };

/**
 * The customer's answers. These are public endpoints: no session, so the token is the only key,
 * checked again here (inside the locked transaction), and the caller's address is rate-limited.
 */
async function answer(fd: FormData, run: (ip: string) => Promise<void>, schema: typeof acceptInput | typeof declineInput, done: string): Promise<AnswerState> {
  const { t } = await quoteTranslator(String(fd.get('language') ?? 'en'));
  const values = { name: String(fd.get('name') ?? ''), reason: String(fd.get('reason') ?? '') };
  const ip = clientIp(await headers()) ?? 'unknown';
  if (!publicLinkLimiter.take(ip)) return { status: 'error', message: t('tooMany'), values };
  const parsed = schema.safeParse(Object.fromEntries(fd));
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const i of parsed.error.issues) fieldErrors[String(i.path[0])] ??= t(`errors.${['required', 'mustAgree', 'tooLong'].includes(i.message) ? i.message : 'form'}`);
    return { status: 'error', message: t('errors.form'), fieldErrors, values };
  }
  try {
    await run(ip);
  } catch (e) {
    if (e instanceof DomainError) {
      const key = e.code === 'notFound' ? 'notFound' : ['alreadyAccepted', 'alreadyDeclined', 'quoteExpired', 'linkWithdrawn'].includes(e.message) ? e.message : 'unexpected';
      return { status: 'error', message: t(`errors.${key}`), values };
    }
    console.error('Unexpected error answering a quotation', e);
    return { status: 'error', message: t('errors.unexpected'), values };
  }
  await dispatchOutbox(await getDb()).catch(() => 0);
  return { status: 'ok', message: t(done, { name: values.name }) };
}

export async function acceptAction(_prev: AnswerState, fd: FormData): Promise<AnswerState> {
  return answer(fd, async (ip) => acceptByToken(await getDb(), String(fd.get('token')), { name: String(fd.get('name') ?? '').trim(), ip }), acceptInput, 'acceptedDone');
}

export async function declineAction(_prev: AnswerState, fd: FormData): Promise<AnswerState> {
  return answer(fd, async () => declineByToken(await getDb(), String(fd.get('token')), String(fd.get('reason') ?? '').trim().slice(0, 1000)), declineInput, 'declinedDone');
}
