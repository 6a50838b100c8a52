import 'server-only';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';

export type Schema = typeof schema;
/** Either driver's database; both speak the same Drizzle API. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

type Handle = { db: Db; close: () => Promise<void>; kind: 'pglite' | 'postgres' };

const g = globalThis as unknown as { __sfaDb?: Promise<Handle> };

export const migrationsFolder = path.join(process.cwd(), 'drizzle');

/** PGlite data folder: `.data/pglite` unless PGLITE_DIR says otherwise (`memory://` keeps it in memory). */
export function pgliteDir(): string {
  return process.env.PGLITE_DIR || path.join(process.cwd(), '.data', 'pglite');
}

async function open(): Promise<Handle> {
  const url = process.env.DATABASE_URL;
  const autoMigrate = process.env.DB_AUTO_MIGRATE !== 'false';
  if (url) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const client = postgres(url, {
      max: Number(process.env.DATABASE_POOL_MAX || 10),
      onnotice: () => {},
    });
    const db = drizzle(client, { schema }) as unknown as Db;
    if (autoMigrate) {
      const { migrate } = await import('drizzle-orm/postgres-js/migrator');
      await migrate(db as never, { migrationsFolder });
    }
    return { db, close: () => client.end(), kind: 'postgres' };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { drizzle } = await import('drizzle-orm/pglite');
  const dir = pgliteDir();
  if (!dir.startsWith('memory://')) mkdirSync(dir, { recursive: true });
  const client = new PGlite(dir, { extensions: { pg_trgm } });
  const db = drizzle(client, { schema }) as unknown as Db;
  if (autoMigrate) {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(db as never, { migrationsFolder });
  }
  return { db, close: () => client.close(), kind: 'pglite' };
}

/** Opens the database once per process (PGlite must never be opened twice on one folder). */
export async function getDb(): Promise<Db> {
  g.__sfaDb ??= open().catch((e) => {
    g.__sfaDb = undefined;
    throw e;
  });
  return (await g.__sfaDb).db;
}

export async function dbKind(): Promise<Handle['kind']> {
  await getDb();
  return (await g.__sfaDb!).kind;
}

export async function closeDb(): Promise<void> {
  const h = g.__sfaDb;
  g.__sfaDb = undefined;
  if (h) await (await h).close();
}
