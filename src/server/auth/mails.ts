import 'server-only';
import { loadMessages } from '@/messages';
import { isLocale } from '../i18n/locales';
import { cleanSubject } from '../mail/subject';
import type { Mail } from '../mail';

export type AuthMailKind = 'reset' | 'invite' | 'adminReset' | 'guessing' | 'passwordChanged';

/** The app's public address for links in mails (APP_URL, else AUTH_URL, else the local default). */
export function appUrl(): string {
  return (process.env.APP_URL || process.env.AUTH_URL || 'http://localhost:3000').replace(/\/+$/, '');
}

/** When something happened, for a mail: UTC, to the minute (the recipient's zone is their organization's, not known here). */
export const mailTime = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/**
 * Tells a user, in the transaction that changed it, that their password changed (OWASP ASVS 2.2.3),
 * with the way back should it not have been them.
 */
export async function passwordChangedMail(to: { orgId: string; email: string; locale: string }, now = new Date()): Promise<Mail> {
  return authMail(to, 'passwordChanged', { email: to.email, time: mailTime(now), link: `${appUrl()}/forgot-password` });
}

/** An account mail (reset link, invitation, "someone is guessing") in the recipient's language. */
export async function authMail(
  to: { orgId: string; email: string; locale: string },
  kind: AuthMailKind,
  params: Record<string, string>,
): Promise<Mail> {
  const { createTranslator } = await import('use-intl/core');
  const locale = isLocale(to.locale) ? to.locale : 'en';
  const messages = await loadMessages(locale);
  // Messages are loaded at run time, so the translator is untyped here.
  const t = createTranslator({ locale, messages, namespace: 'authMail' } as never) as unknown as (key: string, values?: Record<string, string>) => string;
  return { orgId: to.orgId, to: to.email, subject: cleanSubject(t(`${kind}.subject`, params)), text: t(`${kind}.body`, params) };
}
