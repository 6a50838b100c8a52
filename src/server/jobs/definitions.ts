import 'server-only';
import type { Db } from '../db/client';
import { raiseDueReminders } from './reminders';
import { sendOutbox } from './mail';
import { removeDeletedFiles } from './files';
import { redoInterruptedRenders } from './renders';
import { beat } from './heartbeat';

/**
 * The one list of background jobs, run by pg-boss in the demo process (PGlite) and by
 * `npm run worker` (PostgreSQL) alike. Each is a pg-boss queue with a cron schedule (UTC); the
 * "stately" policy keeps at most one waiting and one running per queue, so a slow run never piles
 * up copies and two workers never run the same job. Jobs are sweeps over durable state (tasks,
 * outbox, file removals), so a run that dies is simply done again by the next.
 * New jobs (overdue invoices, renewals, forecast snapshots) are added here.
 */
export type JobDef = {
  name: string;
  cron: string;
  /** Also queued when a runner starts (catching up after a restart). */
  atStart: boolean;
  expireInSeconds: number;
  retryLimit: number;
  run: (db: Db) => Promise<Record<string, unknown>>;
};

export const JOBS: JobDef[] = [
  {
    name: 'reminders',
    cron: '* * * * *',
    atStart: true,
    expireInSeconds: 300,
    retryLimit: 2,
    // The reminders' mails go out in the same run, not a minute later.
    run: async (db) => {
      const raised = await raiseDueReminders(db);
      const mail = raised.tasks + raised.standbys > 0 ? await sendOutbox(db) : null;
      return { ...raised, mailSent: mail?.sent ?? 0 };
    },
  },
  { name: 'mail', cron: '* * * * *', atStart: true, expireInSeconds: 600, retryLimit: 1, run: (db) => sendOutbox(db) },
  { name: 'files', cron: '*/5 * * * *', atStart: true, expireInSeconds: 600, retryLimit: 1, run: (db) => removeDeletedFiles(db) },
  { name: 'renders', cron: '*/10 * * * *', atStart: true, expireInSeconds: 900, retryLimit: 1, run: (db) => redoInterruptedRenders(db) },
  {
    name: 'heartbeat',
    cron: '* * * * *',
    atStart: false,
    expireInSeconds: 60,
    retryLimit: 0,
    run: async (db) => {
      await beat(db);
      return {};
    },
  },
];
