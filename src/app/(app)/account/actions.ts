'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { formAction } from '@/server/action';
import { changeOwnLocale, changeOwnPassword, emailOptIn, localeChange, passwordChange, setEmailNotifications } from '@/server/account';

export const changePasswordAction = formAction(passwordChange, ({ db, actor, input }) => changeOwnPassword(db, actor, input), async () => ({
  status: 'ok',
  message: (await getTranslations('account'))('passwordChanged'),
}));

export const changeLocaleAction = formAction(
  localeChange,
  ({ db, actor, input }) => changeOwnLocale(db, actor, input.locale),
  () => revalidatePath('/', 'layout'),
);

export const emailOptInAction = formAction(emailOptIn, ({ db, actor, input }) => setEmailNotifications(db, actor, input.emailNotifications), () => revalidatePath('/account'));
