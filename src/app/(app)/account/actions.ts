'use server';

import { revalidatePath } from 'next/cache';
import { unstable_rethrow } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { formAction } from '@/server/action';
import { signIn } from '@/server/auth/config';
import { changeOwnLocale, changeOwnPassword, emailOptIn, localeChange, passwordChange, setEmailNotifications } from '@/server/account';

/**
 * Changing the password ends every session of the user; this browser is then signed in afresh with
 * the new password (a new session token with the new session version), so the user stays in here
 * and only the other sessions are gone. Should that fail, the next page asks to sign in.
 */
export const changePasswordAction = formAction(
  passwordChange,
  ({ db, actor, input }) => changeOwnPassword(db, actor, input),
  async (_r, { actor, input }) => {
    const t = await getTranslations('account');
    try {
      // Signing in sets the new session cookie and navigates; the account page then says it is done.
      await signIn('credentials', { email: actor.email, password: input.next, redirectTo: '/account?password=changed' });
    } catch (e) {
      unstable_rethrow(e);
      console.error('Could not renew the session after a password change', e);
    }
    return { status: 'ok', message: t('passwordChangedSignIn') };
  },
);

export const changeLocaleAction = formAction(
  localeChange,
  ({ db, actor, input }) => changeOwnLocale(db, actor, input.locale),
  () => revalidatePath('/', 'layout'),
);

export const emailOptInAction = formAction(emailOptIn, ({ db, actor, input }) => setEmailNotifications(db, actor, input.emailNotifications), () => revalidatePath('/account'));
