import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { count, eq, isNull } from 'drizzle-orm';
import type { Db } from './client';
import { contacts, customers, organizations, taxRatePeriods, taxRates, territories, users } from './schema';
import { DEMO_PASSWORD, hasData, seedDemo } from './seed';
import { loadActor } from '../access/load-actor';
import { listCustomers } from '../customers/queries';
import { verifyCredentials } from '../auth/credentials';

// The demo uses fixed emails, so it gets a database of its own: a fresh PGlite, or a scratch
// PostgreSQL database created and dropped here when the suite runs on PostgreSQL.
let db: Db;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const url = process.env.DATABASE_URL;
  if (url) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    const name = `sfa_seed_${randomUUID().slice(0, 8)}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    const client = postgres(target.toString(), { max: 2, onnotice: () => {} });
    db = drizzle(client) as unknown as Db;
    await migrate(db as never, { migrationsFolder: 'drizzle' });
    cleanup = async () => {
      await client.end();
      await admin.unsafe(`drop database if exists ${name}`);
      await admin.end();
    };
  } else {
    const { PGlite } = await import('@electric-sql/pglite');
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
    const { drizzle } = await import('drizzle-orm/pglite');
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    const pg = new PGlite({ extensions: { pg_trgm } });
    db = drizzle(pg) as unknown as Db;
    await migrate(db as never, { migrationsFolder: 'drizzle' });
    cleanup = () => pg.close();
  }
});
afterAll(async () => cleanup?.());

describe('demo seed', () => {
  it('creates a believable Thai company', async () => {
    expect(await hasData(db)).toBe(false);
    const accounts = await seedDemo(db);
    expect(accounts.map((a) => a.role).sort()).toEqual(['admin', 'finance', 'manager', 'manager', 'rep', 'rep', 'rep', 'rep', 'rep', 'rep']);
    const [org] = await db.select().from(organizations);
    expect(org).toMatchObject({ currency: 'THB', country: 'TH', taxId: expect.stringMatching(/^\d{13}$/), timeZone: 'Asia/Bangkok' });
    const top = await db.select().from(territories).where(isNull(territories.parentId));
    expect(top.map((t) => t.name).sort()).toEqual(['Bangkok', 'North', 'Northeast', 'South']);
    const [{ n: nCustomers }] = await db.select({ n: count() }).from(customers);
    const [{ n: nContacts }] = await db.select({ n: count() }).from(contacts);
    expect(Number(nCustomers)).toBeGreaterThanOrEqual(16);
    expect(Number(nContacts)).toBeGreaterThanOrEqual(Number(nCustomers));
    expect((await verifyCredentials(db, 'admin@demo.test', DEMO_PASSWORD, null)).ok).toBe(true);
  });

  it('gives each rep only their territory', async () => {
    const [rep] = await db.select().from(users).where(eq(users.email, 'rep.bangrak@demo.test'));
    const actor = (await loadActor(db, rep.id))!;
    const { rows } = await listCustomers(db, actor, {}, 100);
    expect(rows.length).toBe(3);
    expect(rows.every((r) => r.territoryName === 'Bang Rak')).toBe(true);
    const [manager] = await db.select().from(users).where(eq(users.email, 'manager.bangkok@demo.test'));
    const m = (await loadActor(db, manager.id))!;
    expect((await listCustomers(db, m, {}, 100)).rows.length).toBe(9);
  });

  it("gives the Thai company its country's dated tax rates: standard VAT 7 % by royal decree, zero-rated, exempt", async () => {
    const rows = await db
      .select({ kind: taxRates.kind, isDefault: taxRates.isDefault, rate: taxRatePeriods.rate, validTo: taxRatePeriods.validTo, note: taxRatePeriods.note })
      .from(taxRates)
      .innerJoin(taxRatePeriods, eq(taxRatePeriods.taxRateId, taxRates.id));
    expect(rows.map((r) => [r.kind, r.isDefault, r.rate]).sort()).toEqual([['exempt', false, '0.00'], ['vat', true, '7.00'], ['zero', false, '0.00']]);
    const standard = rows.find((r) => r.isDefault)!;
    // Open-ended: the decree's next renewal is entered by an admin when it is published.
    expect(standard.validTo).toBeNull();
    expect(standard.note).toMatch(/10/);
  });

  it('never runs again on a database with data unless forced', async () => {
    expect(await hasData(db)).toBe(true);
    await expect(seedDemo(db)).rejects.toThrow(/already has data/);
  });
});
