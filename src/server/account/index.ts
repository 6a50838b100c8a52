import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { users } from '../db/schema';
import type { Actor } from '../access/actor';
import { invalid } from '../errors';
import { writeAudit } from '../audit/write';
import { hashPassword, MIN_PASSWORD, verifyPassword } from '../auth/password';
import { LOCALES, type Locale } from '../i18n/locales';

export const passwordChange = z
  .object({
    current: z.string().min(1, 'required').max(200, 'tooLong'),
    next: z.string().min(MIN_PASSWORD, 'passwordTooShort').max(200, 'tooLong'),
    confirm: z.string().max(200, 'tooLong'),
  })
  .refine((v) => v.next === v.confirm, { message: 'passwordMismatch', path: ['confirm'] });

export const localeChange = z.object({ locale: z.enum(LOCALES, { message: 'invalidChoice' }) });

export async function changeOwnPassword(db: Db, actor: Actor, input: z.infer<typeof passwordChange>): Promise<void> {
  const [u] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, actor.id));
  if (!u || !(await verifyPassword(input.current, u.hash))) throw invalid({ current: 'wrongPassword' });
  const hash = await hashPassword(input.next);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash: hash, updatedAt: new Date() }).where(eq(users.id, actor.id));
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
