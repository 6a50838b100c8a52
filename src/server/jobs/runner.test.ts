import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { makeWorld, type World } from '../../../tests/support/world';
import { createBoss, jobsInProcess, startJobs, stopJobs } from './runner';
import { JOBS } from './definitions';
import { lastBeat } from './heartbeat';
import { setEmailNotifications } from '../account';
import { notifications, outbox, tasks } from '../db/schema';

let w: World;
const onPostgres = Boolean(process.env.DATABASE_URL);

beforeAll(async () => {
  w = await makeWorld();
});

const until = async <T>(probe: () => Promise<T | undefined | null | false>, ms = 20_000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe('where jobs run', () => {
  it('in the app process on PGlite, in the worker on PostgreSQL, unless JOBS_IN_PROCESS says otherwise', () => {
    expect(jobsInProcess({})).toBe(true);
    expect(jobsInProcess({ DATABASE_URL: 'postgres://x/y' })).toBe(false);
    expect(jobsInProcess({ DATABASE_URL: 'postgres://x/y', JOBS_IN_PROCESS: 'true' })).toBe(true);
    expect(jobsInProcess({ JOBS_IN_PROCESS: 'false' })).toBe(false);
  });

  it('one list of jobs, each on a cron schedule', () => {
    expect(JOBS.map((j) => [j.name, j.cron])).toEqual([
      ['reminders', '* * * * *'], ['mail', '* * * * *'], ['files', '*/5 * * * *'], ['renders', '*/10 * * * *'], ['heartbeat', '* * * * *'],
    ]);
  });
});

// The full runner works every organization in its database; on the shared PostgreSQL test database
// it would act on other test files' rows, so it runs against this file's own PGlite.
if (onPostgres) console.log('[jobs runner] in-process runner test skipped on PostgreSQL (it would work other test files\' data); the two-worker test covers PostgreSQL');

describe.skipIf(onPostgres)('the runner in the app process (PGlite, pg-boss over the one connection)', () => {
  afterAll(() => stopJobs());

  it('starts pg-boss on PGlite, schedules the jobs, and raises a due reminder with nobody loading a page', async () => {
    process.env.JOBS_POLL_SECONDS = '0.5';
    await setEmailNotifications(w.db, w.actors.repA2, true);
    const [t] = await w.db
      .insert(tasks)
      .values({ orgId: w.org.id, title: 'Overdue call', dueAt: new Date(Date.now() - 60_000), assigneeId: w.people.repA2.id, createdById: w.people.repA2.id })
      .returning();
    const runner = await startJobs();
    expect(await startJobs()).toBe(runner);
    expect((await runner.boss.getSchedules()).map((s) => s.name).sort()).toEqual(['files', 'heartbeat', 'mail', 'reminders', 'renders']);
    const note = await until(async () => (await w.db.select().from(notifications).where(eq(notifications.dedupeKey, `task:${t.id}:due`)))[0]);
    expect(note).toMatchObject({ userId: w.people.repA2.id, kind: 'taskDue' });
    const mail = await until(async () => (await w.db.select().from(outbox).where(and(eq(outbox.to, w.people.repA2.email))))[0]);
    expect(mail.subject).toContain('Overdue call');
    expect(await lastBeat(w.db)).toBeInstanceOf(Date);
    // The app's own queries keep working beside pg-boss on the single connection.
    expect((await w.db.select().from(tasks).where(eq(tasks.id, t.id)))[0].remindedAt).toBeInstanceOf(Date);
  });
});

if (!onPostgres) console.log('[jobs runner] two-worker test skipped: it needs DATABASE_URL (real PostgreSQL, parallel connections)');

describe.runIf(onPostgres)('two workers on PostgreSQL', () => {
  it('process 300 jobs between them, each exactly once', async () => {
    // One queue for every run (pg-boss 10 cannot delete a queue that holds jobs); this run's jobs carry its tag.
    const queue = 'test-exactly-once';
    const [a, b] = [await createBoss(w.db), await createBoss(w.db)];
    const seen: { n: number; by: string }[] = [];
    try {
      await a.start();
      await b.start();
      await a.createQueue(queue);
      const work = (by: string) => async (jobs: { data: { n: number; tag: string } }[]) => {
        for (const j of jobs) {
          if (j.data.tag === w.tag) seen.push({ n: j.data.n, by });
          await new Promise((r) => setTimeout(r, 2));
        }
      };
      await a.work(queue, { pollingIntervalSeconds: 0.5, batchSize: 20 }, work('a'));
      await b.work(queue, { pollingIntervalSeconds: 0.5, batchSize: 20 }, work('b'));
      await a.insert(Array.from({ length: 300 }, (_, n) => ({ name: queue, data: { n, tag: w.tag } })));
      await until(async () => seen.length >= 300, 30_000);
      await new Promise((r) => setTimeout(r, 1500));
      expect(seen).toHaveLength(300);
      expect(new Set(seen.map((s) => s.n)).size).toBe(300);
      console.log(`[jobs runner] worker a took ${seen.filter((s) => s.by === 'a').length}, worker b ${seen.filter((s) => s.by === 'b').length}`);
    } finally {
      await a.stop({ graceful: false, wait: true });
      await b.stop({ graceful: false, wait: true });
    }
  });
});
