import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { users } from '../db/schema';
import { loadActor } from '../access/load-actor';

/**
 * How long a session lives, whatever happens. Auth.js re-signs the session token on every read with
 * a fresh expiry (a sliding window: SESSION_IDLE_HOURS, default 12), so the token also carries the
 * time of the sign-in and is refused SESSION_MAX_HOURS (default 12, OWASP ASVS 3.3.2 level 2) after
 * it: then the user signs in again, however active they were.
 */
const hours = (v: string | undefined, dflt: number) => {
  const n = Number(v);
  return Number.isFinite(n) && n > 0 && n <= 24 * 30 ? n : dflt;
};
export const SESSION_MAX_SECONDS = Math.round(hours(process.env.SESSION_MAX_HOURS, 12) * 3600);
export const SESSION_IDLE_SECONDS = Math.min(Math.round(hours(process.env.SESSION_IDLE_HOURS, 12) * 3600), SESSION_MAX_SECONDS);

/** What the session token carries besides the user's id. */
export type SessionClaims = { uid?: unknown; sv?: unknown; authTime?: unknown };

/** True when the token is past its absolute lifetime (or carries no sign-in time at all). */
export function sessionTooOld(claims: SessionClaims, now = new Date()): boolean {
  const at = Number(claims.authTime);
  return !Number.isFinite(at) || at <= 0 || now.getTime() / 1000 - at >= SESSION_MAX_SECONDS || at > now.getTime() / 1000 + 60;
}

/**
 * Whether a session token still stands: young enough, its user active and its session version the
 * user's current one. A password changed or reset, a deactivation or a role change bumps the
 * version, which ends every session issued before.
 */
export async function sessionStands(db: Db, claims: SessionClaims, now = new Date()): Promise<boolean> {
  if (typeof claims.uid !== 'string' || sessionTooOld(claims, now)) return false;
  const [u] = await db
    .select({ sv: users.sessionVersion })
    .from(users)
    .where(and(eq(users.id, claims.uid), eq(users.active, true)));
  return Boolean(u) && u.sv === Number(claims.sv);
}

/** The actor of a session, rebuilt from the database: null when the session no longer stands. */
export async function actorForSession(db: Db, claims: SessionClaims, now = new Date()) {
  if (typeof claims.uid !== 'string' || sessionTooOld(claims, now)) return null;
  return loadActor(db, claims.uid, { sessionVersion: Number(claims.sv) });
}
