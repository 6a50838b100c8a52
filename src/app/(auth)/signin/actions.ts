'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { cookies } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { signIn, ThrottledSignin } from '@/server/auth/config';
import { isLocale } from '@/server/i18n/locales';
import { LOCALE_COOKIE } from '@/lib/locale';
import type { FormState } from '@/lib/form-state';

export async function signInAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const t = await getTranslations('signIn');
  const email = String(fd.get('email') ?? '').trim();
  const password = String(fd.get('password') ?? '');
  const values = { email };
  if (!email || !password) {
    return {
      status: 'error',
      message: t('missing'),
      values,
      fieldErrors: { ...(email ? {} : { email: t('required') }), ...(password ? {} : { password: t('required') }) },
    };
  }
  try {
    await signIn('credentials', { email, password, redirectTo: '/' });
  } catch (e) {
    if (e instanceof AuthError) {
      if (e instanceof ThrottledSignin || (e instanceof CredentialsSignin && e.code === 'throttled')) {
        const at = e instanceof ThrottledSignin ? e.retryAt.getTime() : Date.now() + 60_000;
        const seconds = Math.max(1, Math.ceil((at - Date.now()) / 1000));
        return { status: 'error', message: t('throttled', { seconds }), values };
      }
      return { status: 'error', message: t('invalid'), values };
    }
    throw e; // the redirect after a successful sign-in
  }
  return { status: 'ok' };
}

/** Language before sign-in: kept in a cookie. */
export async function chooseLanguage(fd: FormData): Promise<void> {
  const locale = fd.get('locale');
  if (isLocale(locale)) (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax' });
}
