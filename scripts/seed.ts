// Seeds the demo company. Refuses a database that already has data unless --force is given.
import { closeDb, getDb } from '../src/server/db/client';
import { DEMO_PASSWORD, hasData, seedDemo } from '../src/server/db/seed';
import { printAccounts } from './accounts';

async function main() {
  const db = await getDb();
  const force = process.argv.includes('--force');
  if ((await hasData(db)) && !force) {
    console.error('The database already has data. Run `npm run db:seed -- --force` to add the demo company anyway.');
    await closeDb();
    process.exit(1);
  }
  const accounts = await seedDemo(db, { force });
  printAccounts(accounts, DEMO_PASSWORD);
  await closeDb();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
