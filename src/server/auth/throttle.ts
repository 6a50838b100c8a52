import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { loginThrottle } from '../db/schema';

/** Failures allowed per key inside the window before the key is locked for LOCK_MINUTES. */
export const LIMITS = { email: 5, ip: 30 } as const;
export const WINDOW_MINUTES = 15;
export const LOCK_MINUTES = 15;

export type ThrottleKey = { kind: 'email' | 'ip'; value: string };
const keyOf = (k: ThrottleKey) => `${k.kind}:${k.value.toLowerCase()}`;

export async function lockedUntil(db: Db, keys: ThrottleKey[], now = new Date()): Promise<Date | null> {
  let latest: Date | null = null;
  for (const k of keys) {
    const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, keyOf(k)));
    if (row?.lockedUntil && row.lockedUntil > now && (!latest || row.lockedUntil > latest)) latest = row.lockedUntil;
  }
  return latest;
}

/** Counts one failure per key in a single upsert, locking the key when it reaches its limit. */
export async function recordFailure(db: Db, keys: ThrottleKey[], now = new Date()): Promise<void> {
  for (const k of keys) {
    const limit = LIMITS[k.kind];
    const windowStart = new Date(now.getTime() - WINDOW_MINUTES * 60_000);
    const lockUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
    await db
      .insert(loginThrottle)
      .values({ key: keyOf(k), failures: 1, windowStartedAt: now, lockedUntil: limit <= 1 ? lockUntil : null })
      .onConflictDoUpdate({
        target: loginThrottle.key,
        set: {
          failures: sql`case when ${loginThrottle.windowStartedAt} < ${windowStart.toISOString()}::timestamptz then 1 else ${loginThrottle.failures} + 1 end`,
          windowStartedAt: sql`case when ${loginThrottle.windowStartedAt} < ${windowStart.toISOString()}::timestamptz then ${now.toISOString()}::timestamptz else ${loginThrottle.windowStartedAt} end`,
          lockedUntil: sql`case when (case when ${loginThrottle.windowStartedAt} < ${windowStart.toISOString()}::timestamptz then 1 else ${loginThrottle.failures} + 1 end) >= ${limit} then ${lockUntil.toISOString()}::timestamptz else ${loginThrottle.lockedUntil} end`,
        },
      });
  }
}

export async function clearFailures(db: Db, keys: ThrottleKey[]): Promise<void> {
  for (const k of keys) await db.delete(loginThrottle).where(eq(loginThrottle.key, keyOf(k)));
}
