import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { users } from '../db/schema';
import { DUMMY_HASH, verifyPassword } from './password';
import { clearFailures, lockedUntil, recordFailure, type ThrottleKey } from './throttle';

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string; role: string; locale: string; teamId: string | null } }
  | { ok: false; reason: 'invalid' | 'locked'; until?: Date };

/**
 * Checks an email and password. A wrong email and a wrong password give the same answer and cost
 * the same bcrypt work; repeated failures lock the email (and the address) for a while.
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
  if (ip) keys.push({ kind: 'ip', value: ip });

  const until = await lockedUntil(db, keys, now);
  if (until) {
    await verifyPassword(password, DUMMY_HASH);
    return { ok: false, reason: 'locked', until };
  }

  const [user] = await db
    .select()
    .from(users)
    .where(and(sql`lower(${users.email}) = ${normalized}`, eq(users.active, true)));
  const good = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !good) {
    await recordFailure(db, keys, now);
    return { ok: false, reason: 'invalid' };
  }
  await clearFailures(db, [keys[0]]);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale, teamId: user.teamId } };
}
