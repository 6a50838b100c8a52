import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { users } from '../db/schema';
import type { Actor } from '../access/actor';
import { invalid } from '../errors';
import { writeAudit } from '../audit/write';
import { hashPassword, verifyPassword } from '../auth/password';
import { newPassword, passwordProblem } from '../auth/password-policy';
import { releaseOnSuccess, reserveAttempt, type ThrottleKey } from '../auth/throttle';
import { revokeTokens } from '../auth/tokens';
import { passwordChangedMail } from '../auth/mails';
import { queueMail } from '../mail';
import { LOCALES, type Locale } from '../i18n/locales';

export const passwordChange = z
  .object({
    current: z.string().min(1, 'required').max(1000, 'tooLong'),
    next: newPassword,
    confirm: z.string().max(200, 'tooLong'),
  })
  .refine((v) => v.next === v.confirm, { message: 'passwordMismatch', path: ['confirm'] });

export const localeChange = z.object({ locale: z.enum(LOCALES, { message: 'invalidChoice' }) });

/**
 * Changes the actor's own password. The current password is checked like a sign-in (the attempt
 * counts for the account's email, so a stolen session cannot be used to guess it quickly). Every
 * session of the user ends (the session version moves on); the action then signs the current
 * browser in again with the new password, so only the other sessions are lost.
 */
export async function changeOwnPassword(db: Db, actor: Actor, input: z.infer<typeof passwordChange>): Promise<void> {
  const key: ThrottleKey = { kind: 'email', value: actor.email.toLowerCase() };
  const attempt = await reserveAttempt(db, key);
  if (!attempt.allowed) throw invalid({ current: 'passwordThrottled' });
  const [u] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, actor.id));
  if (!u || !(await verifyPassword(input.current, u.hash))) throw invalid({ current: 'wrongPassword' });
  await releaseOnSuccess(db, [key]);
  const problem = passwordProblem(input.next, [actor.email, actor.name]);
  if (problem) throw invalid({ next: problem });
  const hash = await hashPassword(input.next);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash: hash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, actor.id));
    await revokeTokens(tx, actor.id);
    await queueMail(tx, await passwordChangedMail(actor));
    await writeAudit(tx, actor, actor.orgId, 'user', actor.id, 'password');
  });
}

export async function changeOwnLocale(db: Db, actor: Actor, locale: Locale): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ locale, updatedAt: new Date() }).where(eq(users.id, actor.id));
    await writeAudit(tx, actor, actor.orgId, 'user', actor.id, 'locale', { locale });
  });
}

export const emailOptIn = z.object({ emailNotifications: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()) });

export async function setEmailNotifications(db: Db, actor: Actor, on: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ emailNotifications: on, updatedAt: new Date() }).where(eq(users.id, actor.id));
    await writeAudit(tx, actor, actor.orgId, 'user', actor.id, 'emailNotifications', { on });
  });
}
