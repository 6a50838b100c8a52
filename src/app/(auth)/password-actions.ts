'use server';

import { after } from 'next/server';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/server/db/client';
import { dispatchOutbox } from '@/server/mail';
import { errorState, echo, formObject, zodFieldErrors } from '@/server/action-core';
import { forgotInput, requestPasswordReset, setPasswordInput, setPasswordWithToken } from '@/server/auth/password-reset';
import type { TokenPurpose } from '@/server/auth/tokens';
import { limits } from '@/server/net/rate-limit';
import { addressKey, clientAddress } from '@/server/net/client-address';
import type { FormState } from '@/lib/form-state';

const addressOf = async () => addressKey(clientAddress(await headers())) ?? 'unknown';

/**
 * "Forgot password". Public: limited per client address (10 in 15 minutes, said openly); past that,
 * the answer is the same whether or not the email has an account, and the work (the per-email
 * limit, the token, the mail) runs after the answer has been sent, so its time tells nothing either.
 */
export async function forgotPasswordAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const t = await getTranslations('passwordReset');
  const te = await getTranslations('errors');
  const values = echo(fd);
  const parsed = forgotInput.safeParse(formObject(fd));
  if (!parsed.success) return { status: 'error', message: te('form'), fieldErrors: zodFieldErrors(parsed.error, te), values };
  const db = await getDb();
  if (!(await limits.resetByAddress.take(db, await addressOf())).allowed) return { status: 'error', message: t('tooMany'), values };
  after(async () => {
    try {
      await requestPasswordReset(db, parsed.data.email);
      await dispatchOutbox(db);
    } catch (e) {
      console.error('Password reset request failed', e);
    }
  });
  return { status: 'ok', message: t('sent') };
}

/** Sets a password from a mailed link, then sends the user to sign in with it. */
async function setPassword(purpose: TokenPurpose, fd: FormData): Promise<FormState> {
  const te = await getTranslations('errors');
  const values = echo(fd);
  const db = await getDb();
  if (!(await limits.publicLink.take(db, await addressOf())).allowed) return { status: 'error', message: te('tooManyRequests'), values };
  const parsed = setPasswordInput.safeParse(formObject(fd));
  if (!parsed.success) return { status: 'error', message: te('form'), fieldErrors: zodFieldErrors(parsed.error, te), values };
  try {
    await setPasswordWithToken(db, purpose, parsed.data);
  } catch (e) {
    return errorState(e, te, values);
  }
  redirect('/signin?password=set');
}

export async function resetPasswordAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return setPassword('reset', fd);
}

export async function acceptInvitationAction(_prev: FormState, fd: FormData): Promise<FormState> {
  return setPassword('invite', fd);
}
