// Applies the migrations in drizzle/ to the configured database (PGlite by default).
import { closeDb, dbKind, getDb } from '../src/server/db/client';

async function main() {
  await getDb();
  console.log(`Migrations applied (${await dbKind()}).`);
  await closeDb();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
