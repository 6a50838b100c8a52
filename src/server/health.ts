import 'server-only';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { getDb, migrationsFolder, type Db } from './db/client';
import { rowsOf } from './access/load-actor';
import { lastBeat } from './jobs/heartbeat';
import { logger } from './log';

export type Health = {
  status: 'ok' | 'fail';
  db: 'ok' | 'unreachable';
  /** current: the database has exactly the migrations this build ships; behind / ahead otherwise. */
  migrations: 'current' | 'behind' | 'ahead' | 'unknown';
  /** alive: the job runner's heartbeat is fresh; stale: too old; missing: no runner ever beat. */
  jobs: 'alive' | 'stale' | 'missing' | 'unknown';
  /** What failed, by name; absent when all is well. */
  failed?: string[];
};

/** Seconds after which the runner counts as dead (JOBS_HEALTH_MAX_AGE_SECONDS, default 180). */
export function heartbeatMaxAge(): number {
  const n = Number(process.env.JOBS_HEALTH_MAX_AGE_SECONDS || 180);
  return Number.isFinite(n) && n > 0 ? n : 180;
}

/** The last migration this build ships (drizzle's journal; the migrator records its `when`). */
export async function shippedMigration(folder = migrationsFolder): Promise<number | null> {
  const journal = JSON.parse(await readFile(path.join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
  return journal.entries.at(-1)?.when ?? null;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref())]);
}

/**
 * What a load balancer or monitor polls: the database answers, its migrations are the ones this
 * build expects, and the job runner has beaten recently. Says nothing secret: three words.
 * `scope: 'app'` leaves the runner out of the verdict (it is still reported), for a load balancer
 * that should keep sending traffic to app instances while the worker is down.
 */
export async function checkHealth(opts: { db?: Db; now?: Date; scope?: 'all' | 'app'; shipped?: number | null } = {}): Promise<Health> {
  const now = opts.now ?? new Date();
  const h: Health = { status: 'ok', db: 'ok', migrations: 'unknown', jobs: 'unknown' };
  let db: Db;
  try {
    db = opts.db ?? (await withTimeout(getDb(), 5000));
    await withTimeout(db.execute(sql`select 1`), 3000);
  } catch (e) {
    logger.error('health: database unreachable', { error: e });
    return { status: 'fail', db: 'unreachable', migrations: 'unknown', jobs: 'unknown', failed: ['db'] };
  }
  try {
    const shipped = opts.shipped !== undefined ? opts.shipped : await shippedMigration();
    const rows = rowsOf<{ at: string | number }>(await db.execute(sql`select created_at as at from drizzle.__drizzle_migrations order by created_at desc limit 1`));
    const applied = rows[0] ? Number(rows[0].at) : null;
    h.migrations = applied === shipped ? 'current' : applied === null || (shipped !== null && applied < shipped) ? 'behind' : 'ahead';
  } catch (e) {
    logger.error('health: migrations unknown', { error: e });
  }
  try {
    const at = await lastBeat(db);
    h.jobs = !at ? 'missing' : now.getTime() - at.getTime() <= heartbeatMaxAge() * 1000 ? 'alive' : 'stale';
  } catch (e) {
    logger.error('health: job heartbeat unknown', { error: e });
  }
  const failed = [h.migrations !== 'current' && 'migrations', opts.scope !== 'app' && h.jobs !== 'alive' && 'jobs'].filter(Boolean) as string[];
  if (failed.length) {
    h.status = 'fail';
    h.failed = failed;
  }
  return h;
}
