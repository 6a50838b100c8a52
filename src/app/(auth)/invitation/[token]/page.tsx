import Link from 'next/link';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/server/db/client';
import { peekToken } from '@/server/auth/tokens';
import { acceptInvitationAction } from '../../password-actions';
import { AuthFrame, SetPasswordForm } from '../../password-form';
import { LanguageNav } from '../../language-nav';

// The token is in the address: never sent on as a referrer, never indexed.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('invitation'))('pageTitle'), referrer: 'no-referrer', robots: { index: false, follow: false } };
}
export const dynamic = 'force-dynamic';

/** A new user (or one whose password an admin reset) chooses their own password. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations('invitation');
  const who = await peekToken(await getDb(), token, 'invite');
  return (
    <AuthFrame title={who ? t('title', { org: who.org }) : t('pageTitle')}>
      {who ? (
        <div className="card space-y-4">
          <p className="text-sm text-slate-600 break-words">{t('intro', { name: who.name, email: who.email })}</p>
          <SetPasswordForm action={acceptInvitationAction} token={token} email={who.email} submitLabel={t('save')} />
        </div>
      ) : (
        <div className="card space-y-4" data-testid="link-invalid">
          <p role="alert" className="text-sm text-red-800">{t('linkInvalid')}</p>
          <p className="text-sm">
            <Link href="/signin" className="link">{t('toSignIn')}</Link>
          </p>
        </div>
      )}
      <LanguageNav />
    </AuthFrame>
  );
}
