import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getActor } from '@/server/auth/session';
import { ActionForm } from '@/components/forms/action-form';
import { TextField } from '@/components/forms/fields';
import { signInAction } from './actions';
import { LanguageNav } from '../language-nav';

export async function generateMetadata() {
  return { title: (await getTranslations('signIn'))('title') };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ password?: string }> }) {
  if (await getActor()) redirect('/');
  const t = await getTranslations('signIn');
  // After a reset or an invitation the new password is used here, like any other sign-in.
  const passwordSet = (await searchParams).password === 'set';
  const app = await getTranslations('app');
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-6 px-4 py-10">
      <div>
        <p className="text-sm font-semibold uppercase tracking-wide text-indigo-700">{app('name')}</p>
        <h1 className="h1 mt-1">{t('title')}</h1>
      </div>
      {passwordSet ? (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-800" data-testid="password-set">
          {t('passwordSet')}
        </p>
      ) : null}
      <div className="card space-y-4">
        <ActionForm action={signInAction} submitLabel={t('submit')} testId="signin-form">
          <TextField name="email" label={t('email')} type="email" autoComplete="username" inputMode="email" required />
          <TextField name="password" label={t('password')} type="password" autoComplete="current-password" required />
        </ActionForm>
        <p className="text-sm">
          <Link href="/forgot-password" className="link">{t('forgot')}</Link>
        </p>
      </div>
      <LanguageNav />
    </main>
  );
}
