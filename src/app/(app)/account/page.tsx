import { getLocale, getTranslations } from 'next-intl/server';
import { requireActor } from '@/server/auth/session';
import { LOCALES } from '@/server/i18n/locales';
import { LOCALE_NAMES } from '@/lib/locale';
import { ActionForm } from '@/components/forms/action-form';
import { SelectField, TextField } from '@/components/forms/fields';
import { changeLocaleAction, changePasswordAction, emailOptInAction } from './actions';
import { CheckboxField } from '@/components/forms/fields';
import { getDb } from '@/server/db/client';
import { users } from '@/server/db/schema';
import { eq } from 'drizzle-orm';

export async function generateMetadata() {
  return { title: (await getTranslations('account'))('title') };
}

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ password?: string | string[] }> }) {
  const actor = await requireActor();
  const changed = (await searchParams).password === 'changed';
  const t = await getTranslations('account');
  const locale = await getLocale();
  const [me] = await (await getDb()).select({ optIn: users.emailNotifications }).from(users).where(eq(users.id, actor.id));
  const optIn = Boolean(me?.optIn);
  return (
    <div className="max-w-xl space-y-6">
      <h1 className="h1">{t('title')}</h1>
      <p className="text-sm text-slate-600">{actor.name} · {actor.email}</p>
      <section className="card space-y-3">
        <h2 className="font-semibold">{t('language')}</h2>
        <ActionForm action={changeLocaleAction} submitLabel={t('saveLanguage')} testId="language-form">
          <SelectField name="locale" label={t('language')} defaultValue={locale} options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))} />
        </ActionForm>
      </section>
      <section className="card space-y-3">
        <h2 className="font-semibold">{t('emailTitle')}</h2>
        <ActionForm action={emailOptInAction} submitLabel={t('emailSave')} testId="email-form">
          <CheckboxField name="emailNotifications" label={t('emailOptIn')} defaultChecked={optIn} />
        </ActionForm>
      </section>
      <section className="card space-y-3">
        <h2 className="font-semibold">{t('password')}</h2>
        {changed ? (
          <p role="status" data-testid="password-changed" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-800">
            {t('passwordChanged')}
          </p>
        ) : null}
        <ActionForm action={changePasswordAction} submitLabel={t('changePassword')} testId="password-form">
          <TextField name="current" label={t('currentPassword')} type="password" autoComplete="current-password" />
          <TextField name="next" label={t('newPassword')} type="password" autoComplete="new-password" hint={t('passwordHint')} />
          <TextField name="confirm" label={t('confirmPassword')} type="password" autoComplete="new-password" />
        </ActionForm>
      </section>
    </div>
  );
}
