// Migrates a real PostgreSQL once before the workers start, so they never race on migrations.
export default async function setup() {
  if (!process.env.DATABASE_URL) {
    console.log('[tests] database: embedded PGlite (in memory, one per test file)');
    return;
  }
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const client = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
  await migrate(drizzle(client), { migrationsFolder: 'drizzle' });
  await client.end();
  console.log('[tests] database: PostgreSQL at', process.env.DATABASE_URL.replace(/\/\/[^@]*@/, '//***@'));
}
