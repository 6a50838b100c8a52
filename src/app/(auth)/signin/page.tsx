import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { getActor } from '@/server/auth/session';
import { LOCALES } from '@/server/i18n/locales';
import { LOCALE_NAMES } from '@/lib/locale';
import { ActionForm } from '@/components/forms/action-form';
import { TextField } from '@/components/forms/fields';
import { chooseLanguage, signInAction } from './actions';

export async function generateMetadata() {
  return { title: (await getTranslations('signIn'))('title') };
}

export default async function SignInPage() {
  if (await getActor()) redirect('/');
  const t = await getTranslations('signIn');
  const app = await getTranslations('app');
  const current = await getLocale();
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-6 px-4 py-10">
      <div>
        <p className="text-sm font-semibold uppercase tracking-wide text-indigo-700">{app('name')}</p>
        <h1 className="h1 mt-1">{t('title')}</h1>
      </div>
      <div className="card">
        <ActionForm action={signInAction} submitLabel={t('submit')} testId="signin-form">
          <TextField name="email" label={t('email')} type="email" autoComplete="username" inputMode="email" required />
          <TextField name="password" label={t('password')} type="password" autoComplete="current-password" required />
        </ActionForm>
      </div>
      <nav aria-label={t('language')} className="flex flex-wrap gap-2 text-sm">
        {LOCALES.map((l) => (
          <form key={l} action={chooseLanguage}>
            <input type="hidden" name="locale" value={l} />
            <button type="submit" lang={l} aria-current={l === current ? 'true' : undefined} className={l === current ? 'font-semibold text-indigo-700' : 'text-slate-600 hover:underline'}>
              {LOCALE_NAMES[l]}
            </button>
          </form>
        ))}
      </nav>
    </main>
  );
}
