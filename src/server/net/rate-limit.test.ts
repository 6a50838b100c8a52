import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { like } from 'drizzle-orm';
import { getDb, type Db } from '../db/client';
import { rateLimits } from '../db/schema';
import { createRateLimiter, pruneRateLimits } from './rate-limit';

let db: Db;
// On PostgreSQL a second, separate connection pool stands for a second app instance.
let other: { db: Db; close: () => Promise<void> } | null = null;
const onPostgres = Boolean(process.env.DATABASE_URL);
const name = () => `test-${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  db = await getDb();
  if (onPostgres) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const client = postgres(process.env.DATABASE_URL!, { max: 5, onnotice: () => {} });
    other = { db: drizzle(client) as unknown as Db, close: () => client.end() };
  }
});
afterAll(async () => other?.close());

describe('rate limits in the database', () => {
  it('allows the limit per window per key, then refuses until the window ends', async () => {
    const l = createRateLimiter({ name: name(), limit: 3, windowMs: 60_000 });
    const t0 = new Date('2032-01-01T00:00:00Z');
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push((await l.take(db, '1.2.3.4', t0)).allowed);
    expect(answers).toEqual([true, true, true, false]);
    expect(await l.take(db, '5.6.7.8', t0)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    expect(await l.take(db, '1.2.3.4', new Date(t0.getTime() + 59_000))).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect((await l.take(db, '1.2.3.4', new Date(t0.getTime() + 60_000))).allowed).toBe(true);
  });

  it('is shared by every instance: two limiters (two connection pools on PostgreSQL) count together', async () => {
    const n = name();
    const a = createRateLimiter({ name: n, limit: 5, windowMs: 60_000 });
    const b = createRateLimiter({ name: n, limit: 5, windowMs: 60_000 });
    const dbB = other?.db ?? db;
    const t0 = new Date('2032-02-01T00:00:00Z');
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push((await (i % 2 ? b.take(dbB, 'key', t0) : a.take(db, 'key', t0))).allowed);
    expect(answers).toEqual([true, true, true, true, true, false]);
  });

  it('counts parallel requests exactly', async () => {
    const l = createRateLimiter({ name: name(), limit: 10, windowMs: 60_000 });
    const t0 = new Date('2032-03-01T00:00:00Z');
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => l.take(i % 2 && other ? other.db : db, 'same', t0)));
    expect(answers.filter((x) => x.allowed)).toHaveLength(10);
  });

  it('keeps memory bounded: a key count stops at limit + 1 and ended windows are pruned', async () => {
    const n = name();
    const l = createRateLimiter({ name: n, limit: 2, windowMs: 1_000 });
    const t0 = new Date('2032-04-01T00:00:00Z');
    for (let i = 0; i < 50; i++) await l.take(db, 'hammer', t0);
    for (let i = 0; i < 20; i++) await l.take(db, `k${i}`, t0);
    const mine = () => db.select().from(rateLimits).where(like(rateLimits.key, `${n}:%`));
    expect((await mine()).find((r) => r.key === `${n}:hammer`)!.count).toBe(3);
    expect(await mine()).toHaveLength(21);
    // A bounded batch at a time (the shared test database may hold other runs' counters too).
    while ((await pruneRateLimits(db, new Date(t0.getTime() + 2_000))) === 1000);
    expect(await mine()).toHaveLength(0);
  });
});
