import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { users } from '../db/schema';
import { conflict, invalid } from '../errors';
import { writeAudit } from '../audit/write';
import { queueMail } from '../mail';
import { email } from '../validation';
import { limits } from '../net/rate-limit';
import { hashPassword } from './password';
import { newPassword, passwordProblem } from './password-policy';
import { consumeToken, issueToken, revokeTokens, type TokenPurpose } from './tokens';
import { appUrl, authMail, passwordChangedMail } from './mails';

export const forgotInput = z.object({ email });

/**
 * "Forgot password": mails a 30-minute single-use link to an active account with this email. The
 * caller answers the same thing whatever happens here (sent, unknown email, inactive account,
 * more than 3 requests for this email in an hour), and runs it after the answer has gone, so
 * neither the words nor the time taken tell whether an account exists. The per-address limit is
 * the caller's, before it answers.
 */
export async function requestPasswordReset(db: Db, rawEmail: string, now = new Date()): Promise<void> {
  const normalized = rawEmail.trim().toLowerCase();
  if (!(await limits.resetByEmail.take(db, normalized, now)).allowed) return;
  const [u] = await db
    .select({ id: users.id, orgId: users.orgId, email: users.email, locale: users.locale })
    .from(users)
    .where(and(sql`lower(${users.email}) = ${normalized}`, eq(users.active, true)));
  if (!u) return;
  await db.transaction(async (tx) => {
    const token = await issueToken(tx, u.id, 'reset', now);
    await queueMail(tx, await authMail(u, 'reset', { link: `${appUrl()}/reset-password/${token}`, minutes: '30' }));
    await writeAudit(tx, null, u.orgId, 'user', u.id, 'passwordResetRequested');
  });
}

export const setPasswordInput = z
  .object({
    token: z.string().max(100),
    password: newPassword,
    confirm: z.string().max(200, 'tooLong'),
  })
  .refine((v) => v.password === v.confirm, { message: 'passwordMismatch', path: ['confirm'] });
export type SetPasswordInput = z.infer<typeof setPasswordInput>;

/**
 * Sets a password from a mailed link (a reset or an invitation). The link is used up in the same
 * transaction, along with every other link of the user; all the user's sessions end; the user then
 * signs in with the new password (never signed in automatically: the mailbox alone is not a sign-in).
 * A password refused for the user's own name or email leaves the link usable (the transaction rolls back).
 */
export async function setPasswordWithToken(db: Db, purpose: TokenPurpose, input: SetPasswordInput, now = new Date()): Promise<{ email: string }> {
  return db.transaction(async (tx) => {
    const userId = await consumeToken(tx, input.token, purpose, now);
    if (!userId) throw conflict('passwordLinkInvalid');
    const [u] = await tx.select().from(users).where(and(eq(users.id, userId), eq(users.active, true)));
    if (!u) throw conflict('passwordLinkInvalid');
    const problem = passwordProblem(input.password, [u.email, u.name]);
    if (problem) throw invalid({ password: problem });
    // Hashed only once the link proved good, so junk links cost no bcrypt work.
    const hash = await hashPassword(input.password);
    await tx
      .update(users)
      .set({ passwordHash: hash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
      .where(eq(users.id, u.id));
    await revokeTokens(tx, u.id, now);
    // A reset is news to the owner (an invitation is their own first password; an admin's reset was mailed already).
    if (purpose === 'reset') await queueMail(tx, await passwordChangedMail(u, now));
    await writeAudit(tx, null, u.orgId, 'user', u.id, purpose === 'invite' ? 'invitationAccepted' : 'passwordReset');
    return { email: u.email };
  });
}
