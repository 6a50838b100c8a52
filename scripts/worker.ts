// `npm run worker`: the background jobs (src/server/jobs) beside the app, on PostgreSQL.
// Run one or more; pg-boss hands each job to exactly one of them.
import { closeDb, dbKind, getDb } from '../src/server/db/client';
import { startJobs, stopJobs } from '../src/server/jobs/runner';
import { logger } from '../src/server/log';

async function main() {
  if (!process.env.DATABASE_URL) {
    console.error(
      'The worker needs PostgreSQL (DATABASE_URL). On the embedded PGlite database only one process may open the data folder, so the app runs the jobs itself (`npm run demo`, or JOBS_IN_PROCESS=true).',
    );
    process.exit(1);
  }
  await getDb(); // applies pending migrations unless DB_AUTO_MIGRATE=false
  await startJobs();
  logger.info('worker ready', { database: await dbKind(), pid: process.pid });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('worker stopping', { signal });
    // Running jobs get up to 15 s to finish; one cut short is picked up again after it expires.
    await stopJobs().catch((e) => logger.error('worker stop failed', { error: e }));
    await closeDb();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e) => {
  logger.error('worker failed to start', { error: e });
  process.exit(1);
});
