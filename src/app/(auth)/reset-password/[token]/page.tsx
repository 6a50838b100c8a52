import Link from 'next/link';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/server/db/client';
import { peekToken } from '@/server/auth/tokens';
import { resetPasswordAction } from '../../password-actions';
import { AuthFrame, SetPasswordForm } from '../../password-form';
import { LanguageNav } from '../../language-nav';

// The token is in the address: never sent on as a referrer, never indexed.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('passwordReset'))('resetTitle'), referrer: 'no-referrer', robots: { index: false, follow: false } };
}
export const dynamic = 'force-dynamic';

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations('passwordReset');
  const who = await peekToken(await getDb(), token, 'reset');
  return (
    <AuthFrame title={t('resetTitle')}>
      {who ? (
        <div className="card space-y-4">
          <p className="text-sm text-slate-600 break-all">{t('resetIntro', { email: who.email })}</p>
          <SetPasswordForm action={resetPasswordAction} token={token} email={who.email} submitLabel={t('save')} />
        </div>
      ) : (
        <div className="card space-y-4" data-testid="link-invalid">
          <p role="alert" className="text-sm text-red-800">{t('linkInvalid')}</p>
          <p className="text-sm">
            <Link href="/forgot-password" className="link">{t('askAgain')}</Link>
          </p>
        </div>
      )}
      <LanguageNav />
    </AuthFrame>
  );
}
