import 'server-only';
import { logger } from '../log';

// The runner started in this process (runner.ts keeps it here); read without importing the runner,
// so commands can nudge it without pulling the job definitions into their import graph.
const g = globalThis as unknown as { __sfaJobs?: Promise<{ boss: { send: (name: string, data: object) => Promise<unknown> } }> };

/**
 * Asks this process's runner to run a job now rather than at its next scheduled minute (e.g. the
 * reminders of a task created already due). Without a runner in this process (a separate
 * `npm run worker`), the schedule picks it up within the minute. Never throws: it is a nudge.
 */
export async function requestJob(name: string): Promise<void> {
  const r = g.__sfaJobs;
  if (!r) return;
  try {
    await (await r).boss.send(name, {});
  } catch (e) {
    logger.warn('job request failed', { job: name, error: e });
  }
}
