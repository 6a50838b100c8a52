import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/forms/action-form';
import { Hidden, TextField } from '@/components/forms/fields';
import type { FormState } from '@/lib/form-state';

/** New password twice, for a reset link or an invitation; the token rides along hidden. */
export async function SetPasswordForm({ action, token, email, submitLabel }: {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  token: string;
  email: string;
  submitLabel: string;
}) {
  const t = await getTranslations('passwordReset');
  return (
    <ActionForm action={action} submitLabel={submitLabel} testId="set-password-form">
      <Hidden name="token" value={token} />
      {/* Lets a password manager file the new password under the right account. */}
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <TextField name="password" label={t('newPassword')} type="password" autoComplete="new-password" hint={t('passwordHint')} required />
      <TextField name="confirm" label={t('confirmPassword')} type="password" autoComplete="new-password" required />
    </ActionForm>
  );
}

/** The frame of the signed-out pages: narrow, centred, fits a 375 px phone. */
export async function AuthFrame({ title, children }: { title: string; children: React.ReactNode }) {
  const app = await getTranslations('app');
  return (
    <main className="mx-auto flex min-h-screen w-full max-w-sm flex-col justify-center gap-6 px-4 py-10">
      <div>
        <p className="text-sm font-semibold uppercase tracking-wide text-indigo-700">{app('name')}</p>
        <h1 className="h1 mt-1">{title}</h1>
      </div>
      {children}
    </main>
  );
}
