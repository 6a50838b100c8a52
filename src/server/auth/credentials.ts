import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { users } from '../db/schema';
import { dispatchOutbox, queueMail } from '../mail';
import { addressKey } from '../net/client-address';
import { hashPassword, needsRehash, verifyPassword } from './password';
import { demoPasswordRefused } from './password-policy';
import { POLICY, pruneThrottle, releaseOnSuccess, reserveAttempt, type ThrottleKey } from './throttle';
import { appUrl, authMail, mailTime } from './mails';

export type SignInUser = { id: string; email: string; name: string; role: string; locale: string; teamId: string | null; sessionVersion: number };
export type SignInResult =
  | { ok: true; user: SignInUser }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAt: Date };

/**
 * Checks an email and password. The attempt is counted for the email and for the client's address
 * before anything else (auth/throttle.ts), so parallel guesses count one by one and only those that
 * find no delay pending get a password check. A wrong email and a wrong password give the same
 * answer and cost the same bcrypt work; a delayed attempt costs none (and says when to try again,
 * which tells nothing about the account: unknown emails are delayed alike).
 */
export async function verifyCredentials(
  db: Db,
  email: string,
  password: string,
  ip: string | null,
  now = new Date(),
): Promise<SignInResult> {
  const normalized = email.trim().toLowerCase();
  const keys: ThrottleKey[] = [{ kind: 'email', value: normalized }];
  const address = addressKey(ip);
  if (address) keys.push({ kind: 'ip', value: address });

  const reservations = [];
  for (const k of keys) reservations.push(await reserveAttempt(db, k, now));
  if (Math.random() < 0.01) await pruneThrottle(db, now).catch(() => undefined);
  const attempts = reservations[0].attempts;
  if (attempts === POLICY.email.free || attempts % 100 === 0) await warnOwner(db, normalized, attempts, ip, now);

  const refused = reservations.filter((r) => !r.allowed);
  if (refused.length) {
    const retryAt = new Date(Math.max(...refused.map((r) => (r.retryAt ?? now).getTime())));
    return { ok: false, reason: 'throttled', retryAt };
  }

  const [user] = await db
    .select()
    .from(users)
    .where(and(sql`lower(${users.email}) = ${normalized}`, eq(users.active, true)));
  let good = await verifyPassword(password, user?.passwordHash);
  if (good && demoPasswordRefused(password)) {
    console.warn(`Sign-in with the published demo password refused for ${normalized}: NODE_ENV=production without DEMO_MODE=true.`);
    good = false;
  }
  if (!user || !good) return { ok: false, reason: 'invalid' };

  await releaseOnSuccess(db, keys);
  if (user.passwordHash && needsRehash(user.passwordHash)) {
    // An older hash (bcrypt of the raw password, or a lower cost) is replaced now that the password is known.
    const upgraded = await hashPassword(password);
    await db.update(users).set({ passwordHash: upgraded }).where(and(eq(users.id, user.id), eq(users.passwordHash, user.passwordHash)));
  }
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale, teamId: user.teamId, sessionVersion: user.sessionVersion },
  };
}

/**
 * Tells the owner of an account, by mail, that someone is guessing its password: once when the
 * delays start, then every hundred attempts. Nothing is mailed for an email without an account.
 */
async function warnOwner(db: Db, normalized: string, attempts: number, ip: string | null, now: Date): Promise<void> {
  try {
    const [u] = await db
      .select({ orgId: users.orgId, email: users.email, locale: users.locale })
      .from(users)
      .where(and(sql`lower(${users.email}) = ${normalized}`, eq(users.active, true)));
    if (!u) return;
    await queueMail(
      db,
      await authMail(u, 'guessing', {
        count: String(attempts),
        address: ip ?? '?',
        time: mailTime(now),
        link: `${appUrl()}/forgot-password`,
      }),
    );
    // Only this organization's mail: a sign-in must not send (or steal from a test) anyone else's.
    await dispatchOutbox(db, { orgId: u.orgId }).catch(() => 0);
  } catch (e) {
    console.error('Could not queue the sign-in warning mail', e);
  }
}
