import 'server-only';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { loginThrottle } from '../db/schema';

/**
 * Growing delays instead of a lock. Each key (an email, a client address) lets `free` attempts
 * through; from then on every checked attempt makes the next one wait twice as long, from one
 * second up to `maxSeconds`. Nobody can lock an account for long by guessing at it: at worst its
 * owner waits `maxSeconds` (a minute) between tries, and gets a mail saying what is happening.
 * A minute between tries also keeps a guesser under ~70 tries an hour per account (ASVS 2.2.1
 * asks for at most 100). An address gets more free attempts (an office shares one) and a longer
 * ceiling. A run is forgotten after `quietMinutes` without attempts.
 */
export const POLICY = {
  email: { free: 5, maxSeconds: 60, quietMinutes: 60 },
  ip: { free: 30, maxSeconds: 600, quietMinutes: 60 },
} as const;

export type ThrottleKind = keyof typeof POLICY;
export type ThrottleKey = { kind: ThrottleKind; value: string };
export const keyOf = (k: ThrottleKey) => `${k.kind}:${k.value.toLowerCase()}`;

/** Seconds to wait after the n-th counted attempt of a run. */
export function delaySeconds(kind: ThrottleKind, n: number): number {
  const p = POLICY[kind];
  if (n < p.free) return 0;
  return Math.min(2 ** Math.min(n - p.free, 30), p.maxSeconds);
}

export type Reservation = { key: ThrottleKey; allowed: boolean; attempts: number; retryAt: Date | null };

/**
 * Counts one attempt for a key before its password is checked, in one upsert that also decides
 * whether the attempt may go on: PostgreSQL runs the upserts of one key one after another on the
 * latest row, so N parallel attempts count as N and only those that find no delay pending go on.
 * A refused attempt is counted (it raises the next delay) but does not push the pending delay
 * further, so hammering cannot keep the owner out indefinitely.
 */
export async function reserveAttempt(db: Db, key: ThrottleKey, now = new Date()): Promise<Reservation> {
  const t = loginThrottle;
  const p = POLICY[key.kind];
  const nowTs = sql`${now.toISOString()}::timestamptz`;
  const quiet = sql`${t.lastAttemptAt} < ${new Date(now.getTime() - p.quietMinutes * 60_000).toISOString()}::timestamptz`;
  const pending = sql`coalesce(${t.nextAttemptAt} > ${nowTs}, false)`;
  // When the attempt after the n-th may come (same rule as delaySeconds). No delay is null, never
  // "now": parallel attempts carry their own clocks, and one a millisecond behind another must not
  // find a delay pending where none was meant.
  const nextAfter = (n: ReturnType<typeof sql>) =>
    sql`case when ${n} < ${p.free} then null else ${nowTs} + least(power(2, least(${n} - ${p.free}, 30)), ${p.maxSeconds}) * interval '1 second' end`;
  const [row] = await db
    .insert(t)
    .values({ key: keyOf(key), failures: 1, windowStartedAt: now, lastAttemptAt: now, lastAllowed: true, nextAttemptAt: delaySeconds(key.kind, 1) ? new Date(now.getTime() + delaySeconds(key.kind, 1) * 1000) : null })
    .onConflictDoUpdate({
      target: t.key,
      set: {
        failures: sql`case when ${quiet} then 1 else ${t.failures} + 1 end`,
        windowStartedAt: sql`case when ${quiet} then ${nowTs} else ${t.windowStartedAt} end`,
        lastAllowed: sql`${quiet} or not ${pending}`,
        nextAttemptAt: sql`case when ${quiet} then ${nextAfter(sql`1`)} when ${pending} then ${t.nextAttemptAt} else ${nextAfter(sql`${t.failures} + 1`)} end`,
        lastAttemptAt: nowTs,
      },
    })
    .returning({ failures: t.failures, allowed: t.lastAllowed, next: t.nextAttemptAt });
  const next = row.next && row.next > now ? row.next : null;
  return { key, allowed: row.allowed, attempts: row.failures, retryAt: row.allowed ? null : next };
}

/** After a right password: the email's run is over; the address gets back the attempt it lent. */
export async function releaseOnSuccess(db: Db, keys: ThrottleKey[]): Promise<void> {
  for (const k of keys) {
    if (k.kind === 'email') {
      await db.delete(loginThrottle).where(eq(loginThrottle.key, keyOf(k)));
    } else {
      const free = POLICY[k.kind].free;
      await db
        .update(loginThrottle)
        .set({
          failures: sql`greatest(${loginThrottle.failures} - 1, 0)`,
          // Below the free allowance again: no delay is owed.
          nextAttemptAt: sql`case when ${loginThrottle.failures} - 1 < ${free} then null else ${loginThrottle.nextAttemptAt} end`,
        })
        .where(eq(loginThrottle.key, keyOf(k)));
    }
  }
}

/** The current run of a key, for tests and the admin's eyes. */
export async function attemptsOf(db: Db, key: ThrottleKey) {
  const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, keyOf(key)));
  return row ?? null;
}

/** Forgets runs that have been quiet for a day, a bounded batch at a time. */
export async function pruneThrottle(db: Db, now = new Date()): Promise<void> {
  const before = new Date(now.getTime() - 24 * 3600_000);
  const stale = db.select({ key: loginThrottle.key }).from(loginThrottle).where(and(lt(loginThrottle.lastAttemptAt, before))).limit(1000);
  await db.delete(loginThrottle).where(sql`${loginThrottle.key} in (${stale})`);
}
