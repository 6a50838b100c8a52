import Link from 'next/link';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/forms/action-form';
import { TextField } from '@/components/forms/fields';
import { forgotPasswordAction } from '../password-actions';
import { AuthFrame } from '../password-form';
import { LanguageNav } from '../language-nav';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('passwordReset'))('forgotTitle'), robots: { index: false, follow: false } };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations('passwordReset');
  return (
    <AuthFrame title={t('forgotTitle')}>
      <div className="card space-y-4">
        <p className="text-sm text-slate-600">{t('forgotIntro')}</p>
        <ActionForm action={forgotPasswordAction} submitLabel={t('send')} testId="forgot-form">
          <TextField name="email" label={t('email')} type="email" autoComplete="username" inputMode="email" required />
        </ActionForm>
        <p className="text-sm">
          <Link href="/signin" className="link">{t('backToSignIn')}</Link>
        </p>
      </div>
      <LanguageNav />
    </AuthFrame>
  );
}
