import 'server-only';
import { lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { rateLimits } from '../db/schema';

export type RateLimitAnswer = { allowed: boolean; retryAfterSeconds: number };

/**
 * A fixed-window counter per key, kept in the database so that every app instance counts the same
 * requests. One upsert counts and answers, so parallel requests are counted exactly. The count
 * stops at limit + 1 (it only has to say "over"), and rows whose window ended are pruned as the
 * limiter goes, so the table holds at most the keys seen in the last window or so.
 */
export function createRateLimiter(opts: { name: string; limit: number; windowMs: number }) {
  const { name, limit, windowMs } = opts;
  return {
    name,
    limit,
    async take(db: Db, key: string, now = new Date()): Promise<RateLimitAnswer> {
      const nowTs = sql`${now.toISOString()}::timestamptz`;
      const resetAt = new Date(now.getTime() + windowMs);
      const ended = sql`${rateLimits.resetAt} <= ${nowTs}`;
      const [row] = await db
        .insert(rateLimits)
        .values({ key: `${name}:${key}`, count: 1, resetAt })
        .onConflictDoUpdate({
          target: rateLimits.key,
          set: {
            count: sql`case when ${ended} then 1 else least(${rateLimits.count} + 1, ${limit + 1}) end`,
            resetAt: sql`case when ${ended} then ${resetAt.toISOString()}::timestamptz else ${rateLimits.resetAt} end`,
          },
        })
        .returning({ count: rateLimits.count, resetAt: rateLimits.resetAt });
      if (Math.random() < 0.01) await pruneRateLimits(db, now).catch(() => undefined);
      const allowed = row.count <= limit;
      return { allowed, retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((row.resetAt.getTime() - now.getTime()) / 1000)) };
    },
  };
}
export type RateLimiter = ReturnType<typeof createRateLimiter>;

/** Deletes counters whose window ended, a bounded batch at a time. */
export async function pruneRateLimits(db: Db, now = new Date()): Promise<number> {
  const stale = db.select({ key: rateLimits.key }).from(rateLimits).where(lt(rateLimits.resetAt, now)).limit(1000);
  const gone = await db.delete(rateLimits).where(sql`${rateLimits.key} in (${stale})`).returning({ key: rateLimits.key });
  return gone.length;
}

const perMinute = (v: string | undefined, dflt: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : dflt;
};

/** The app's limits. Keys: a client address (addressKey), a user id or a normalized email. */
export const limits = {
  /** The customer's quotation pages, PDFs and answers, per address (PUBLIC_LINK_RATE_LIMIT a minute, default 60). */
  publicLink: createRateLimiter({ name: 'public-link', limit: perMinute(process.env.PUBLIC_LINK_RATE_LIMIT, 60), windowMs: 60_000 }),
  /** A quotation's PDF for a signed-in user, per user (USER_PDF_RATE_LIMIT a minute, default 30): rendering is costly. */
  quotationPdf: createRateLimiter({ name: 'quotation-pdf', limit: perMinute(process.env.USER_PDF_RATE_LIMIT, 30), windowMs: 60_000 }),
  /** Attachment downloads, per user (USER_FILE_RATE_LIMIT a minute, default 120). */
  fileDownload: createRateLimiter({ name: 'file-download', limit: perMinute(process.env.USER_FILE_RATE_LIMIT, 120), windowMs: 60_000 }),
  /** "Forgot password" requests per address: 10 in 15 minutes (the form says so). */
  resetByAddress: createRateLimiter({ name: 'reset-address', limit: 10, windowMs: 15 * 60_000 }),
  /** Reset mails per email: 3 an hour (silently; the answer never tells whether an account exists). */
  resetByEmail: createRateLimiter({ name: 'reset-email', limit: 3, windowMs: 60 * 60_000 }),
};
