import 'server-only';
import type PgBoss from 'pg-boss';
import type { PGlite } from '@electric-sql/pglite';
import { dbKind, getDb, type Db } from '../db/client';
import { logger } from '../log';
import { JOBS, type JobDef } from './definitions';
import { beat } from './heartbeat';
import { pgliteBossDb } from './pglite-db';

/**
 * Where jobs run. JOBS_IN_PROCESS=true runs them inside the app's process, false leaves them to
 * `npm run worker`. Unset: in-process on PGlite (no other process may open its folder), not on
 * PostgreSQL (run the worker beside the app instances).
 */
export function jobsInProcess(env: Record<string, string | undefined> = process.env): boolean {
  const v = (env.JOBS_IN_PROCESS ?? '').trim().toLowerCase();
  if (['true', '1', 'yes'].includes(v)) return true;
  if (['false', '0', 'no'].includes(v)) return false;
  return !env.DATABASE_URL;
}

function pollSeconds(): number {
  const n = Number(process.env.JOBS_POLL_SECONDS || 5);
  return Number.isFinite(n) && n >= 0.5 ? n : 5;
}

/**
 * A pg-boss for this process's database: on PGlite over the app's one connection (pg-boss then
 * creates its `pgboss` schema there), on PostgreSQL with its own small `pg` pool (JOBS_POOL_MAX,
 * default 4). pg-boss creates and migrates its own schema on start; the app's migrations never
 * touch it.
 */
export async function createBoss(db?: Db): Promise<PgBoss> {
  const { default: Boss } = await import('pg-boss');
  const common = { application_name: 'sfa-jobs', archiveCompletedAfterSeconds: 6 * 3600, deleteAfterDays: 7 };
  const handle = db ?? (await getDb());
  if ((await dbKind()) === 'pglite') {
    const pg = (handle as unknown as { $client: PGlite }).$client;
    return new Boss({ ...common, db: pgliteBossDb(pg) as PgBoss.Db });
  }
  return new Boss({ ...common, connectionString: process.env.DATABASE_URL, max: Number(process.env.JOBS_POOL_MAX || 4) });
}

export type Runner = { boss: PgBoss; stop: () => Promise<void> };

const g = globalThis as unknown as { __sfaJobs?: Promise<Runner> };

/** One line per job run: name, id, duration, outcome and what it did. */
function handler(db: Db, def: JobDef) {
  return async (jobs: PgBoss.Job<object>[]) => {
    for (const job of jobs) {
      const started = performance.now();
      try {
        const result = await def.run(db);
        logger.info('job', { job: def.name, jobId: job.id, durationMs: Math.round(performance.now() - started), outcome: 'ok', ...result });
      } catch (e) {
        logger.error('job', { job: def.name, jobId: job.id, durationMs: Math.round(performance.now() - started), outcome: 'error', error: e });
        throw e;
      }
    }
  };
}

async function start(defs: JobDef[]): Promise<Runner> {
  const db = await getDb();
  const kind = await dbKind();
  const boss = await createBoss(db);
  boss.on('error', (e) => logger.error('job queue error', { error: e }));
  await boss.start();
  const poll = pollSeconds();
  for (const def of defs) {
    const queue = { name: def.name, policy: 'stately' as const, expireInSeconds: def.expireInSeconds, retryLimit: def.retryLimit, retryDelay: 30, retryBackoff: true };
    await boss.createQueue(def.name, queue);
    await boss.updateQueue(def.name, queue);
    await boss.work(def.name, { pollingIntervalSeconds: poll, batchSize: 1 }, handler(db, def));
    await boss.schedule(def.name, def.cron, {}, { tz: 'UTC' });
  }
  // A job renamed or removed from the list stops being scheduled.
  const names = new Set(defs.map((d) => d.name));
  for (const s of await boss.getSchedules()) if (!names.has(s.name)) await boss.unschedule(s.name);
  for (const def of defs) if (def.atStart) await boss.send(def.name, {});
  await beat(db);
  logger.info('job runner started', { database: kind, jobs: defs.map((d) => `${d.name} (${d.cron})`), pollSeconds: poll });
  return {
    boss,
    stop: async () => {
      await boss.stop({ graceful: true, timeout: 15_000, wait: true });
      logger.info('job runner stopped');
    },
  };
}

/** Starts this process's job runner once; later calls return the same runner. */
export function startJobs(defs: JobDef[] = JOBS): Promise<Runner> {
  g.__sfaJobs ??= start(defs).catch((e) => {
    g.__sfaJobs = undefined;
    throw e;
  });
  return g.__sfaJobs;
}

export async function stopJobs(): Promise<void> {
  const r = g.__sfaJobs;
  g.__sfaJobs = undefined;
  if (r) await (await r).stop();
}
