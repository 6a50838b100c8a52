// `npm run demo`: embedded database, demo data on first run, a production build, then the app.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { closeDb, dbKind, getDb } from '../src/server/db/client';
import { DEMO_PASSWORD, hasData, seedDemo } from '../src/server/db/seed';
import { printAccounts } from './accounts';

const root = process.cwd();
const port = process.env.PORT || '3000';

function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  // A secret of this machine's own, kept beside the embedded database and never committed.
  const file = path.join(root, '.data', 'auth-secret');
  mkdirSync(path.dirname(file), { recursive: true });
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

async function main() {
  const db = await getDb();
  const kind = await dbKind();
  if (await hasData(db)) {
    console.log(`Database (${kind}) already has data; demo accounts use the password ${DEMO_PASSWORD}.`);
  } else {
    printAccounts(await seedDemo(db), DEMO_PASSWORD);
  }
  // PGlite allows one process per data folder: release it before the server opens it.
  await closeDb();

  // Links in mails (a quotation's customer link) point at this demo unless APP_URL says otherwise.
  // The demo is one process, so its server runs the background jobs (src/instrumentation.ts); on
  // PGlite nothing else could, as no other process may open the data folder. On PostgreSQL set
  // JOBS_IN_PROCESS=false to leave them to `npm run worker`.
  const jobs = { JOBS_IN_PROCESS: kind === 'pglite' ? 'true' : process.env.JOBS_IN_PROCESS || 'true' };
  // DEMO_MODE: `next start` runs with NODE_ENV=production, where the published demo password is
  // otherwise refused at sign-in.
  const env = { ...process.env, ...jobs, AUTH_SECRET: authSecret(), AUTH_TRUST_HOST: 'true', DEMO_MODE: 'true', APP_URL: process.env.APP_URL || `http://localhost:${port}` };
  const next = path.join(root, 'node_modules', '.bin', 'next');
  if (!existsSync(path.join(root, '.next', 'BUILD_ID')) || process.argv.includes('--rebuild')) {
    console.log('Building the app (first run only; takes a minute or two)...');
    const built = spawnSync(next, ['build'], { stdio: 'inherit', env });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
  console.log(`\nStarting on http://localhost:${port}  (sign in with an account above)\n`);
  const server = spawn(next, ['start', '-p', port], { stdio: 'inherit', env });
  const stop = () => server.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
