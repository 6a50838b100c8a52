import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { makeWorld, type World } from '../../../tests/support/world';
import { products, stockMoves } from '../db/schema';
import { DomainError } from '../errors';
import { recordDelivery } from '../deliveries';
import { makeOrder, makeProduct } from '../deliveries/fixtures';
import { adjustStock } from '../stock';

/**
 * Stock never goes negative by a race. Each round runs two commands at once on real parallel
 * connections: two deliveries (of two orders) of the last unit, or a delivery against a stock
 * adjustment that takes the same unit away. Exactly one may win; the loser is told why (a domain
 * error, never the CHECK's raw SQL error); on hand never drops below zero and always equals the
 * sum of the product's stock moves. Same helpers as races.test.ts (copied: that file exports nothing).
 */
const ROUNDS = 50;
const onPostgres = Boolean(process.env.DATABASE_URL);
if (!onPostgres) console.log('[stock-race] concurrency tests skipped: they need DATABASE_URL (real PostgreSQL, parallel connections)');

let w: World;
type Outcome = PromiseSettledResult<unknown>;
const won = (o: Outcome) => o.status === 'fulfilled';
const why = (o: Outcome) => (o.status === 'rejected' ? (o.reason instanceof DomainError ? `${o.reason.code}:${JSON.stringify(o.reason.fields)}` : `RAW ${String(o.reason)}`) : 'ok');
const later = (i: number) => new Promise((r) => setTimeout(r, (i % 5) * 2));

async function race(name: string, round: (i: number) => Promise<string[]>, rounds = ROUNDS) {
  const bad: string[] = [];
  for (let i = 0; i < rounds; i++) for (const problem of await round(i)) bad.push(`round ${i}: ${problem}`);
  console.log(`[stock-race] ${name}: ${rounds} rounds, ${new Set(bad.map((b) => b.split(':')[0])).size} bad${bad.length ? `; first: ${bad[0]}` : ''}`);
  expect(bad).toEqual([]);
}

beforeAll(async () => {
  w = await makeWorld();
});

/** On hand, and the sum of the moves since the product was made with `start` on hand. */
async function ledger(productId: string) {
  const [p] = await w.db.select({ onHand: products.onHand }).from(products).where(eq(products.id, productId));
  const [m] = await w.db.select({ sum: sql<string>`coalesce(sum(${stockMoves.quantity}), 0)::text` }).from(stockMoves).where(eq(stockMoves.productId, productId));
  return { onHand: Number(p.onHand), moves: Number(m.sum) };
}

const orderOf = (productId: string) =>
  makeOrder(w.db, { orgId: w.org.id, customerId: w.customers.a1, ownerId: w.people.repA1.id, lines: [{ productId, quantity: '1' }] });
const deliverOne = (o: { id: string; lineIds: string[] }) =>
  recordDelivery(w.db, w.actors.repA1, o.id, { deliveredOn: '2026-11-25', note: '', lines: [{ orderLineId: o.lineIds[0], quantity: '1' }] });

describe.skipIf(!onPostgres)('stock races (PostgreSQL)', () => {
  it('two deliveries of the last unit at once: one wins', async () => {
    await race('deliver last unit x2', async (i) => {
      const p = await makeProduct(w.db, w.org.id, { onHand: '0', reserved: '0' });
      // The one unit arrives through an adjustment, so that the moves account for all of on hand.
      await adjustStock(w.db, w.actors.admin, p, { quantity: '1', note: 'arrived' });
      const [a, b] = [await orderOf(p), await orderOf(p)];
      const [x, y] = await Promise.allSettled([deliverOne(a), later(i).then(() => deliverOne(b))]);
      const problems: string[] = [];
      if ([x, y].filter(won).length !== 1) problems.push(`${[x, y].filter(won).length} winners (${why(x)}, ${why(y)})`);
      for (const o of [x, y]) if (!won(o) && !why(o).includes('notEnoughOnHand')) problems.push(`loser says ${why(o)}`);
      const l = await ledger(p);
      if (l.onHand !== 0) problems.push(`on hand ${l.onHand}`);
      if (l.moves !== l.onHand) problems.push(`moves sum ${l.moves} but on hand ${l.onHand}`);
      return problems;
    });
  });

  it('a delivery against an adjustment taking the same unit away: one wins, never negative', async () => {
    await race('deliver vs adjust', async (i) => {
      const p = await makeProduct(w.db, w.org.id);
      await adjustStock(w.db, w.actors.admin, p, { quantity: '1', note: 'arrived' });
      const o = await orderOf(p);
      const [x, y] = await Promise.allSettled([deliverOne(o), later(i).then(() => adjustStock(w.db, w.actors.mA, p, { quantity: '-1', note: 'lost' }))]);
      const problems: string[] = [];
      if ([x, y].filter(won).length !== 1) problems.push(`${[x, y].filter(won).length} winners (${why(x)}, ${why(y)})`);
      for (const r of [x, y]) if (!won(r) && !/notEnoughOnHand|stockBelowZero/.test(why(r))) problems.push(`loser says ${why(r)}`);
      const l = await ledger(p);
      if (l.onHand !== 0) problems.push(`on hand ${l.onHand}`);
      if (l.moves !== l.onHand) problems.push(`moves sum ${l.moves} but on hand ${l.onHand}`);
      return problems;
    });
  });

  it('two deliveries of the same order at once never deliver more than ordered', async () => {
    await race('same order x2', async (i) => {
      const p = await makeProduct(w.db, w.org.id, { onHand: '5' });
      const o = await orderOf(p);
      const [x, y] = await Promise.allSettled([deliverOne(o), later(i).then(() => deliverOne(o))]);
      const problems: string[] = [];
      if ([x, y].filter(won).length !== 1) problems.push(`${[x, y].filter(won).length} winners (${why(x)}, ${why(y)})`);
      for (const r of [x, y]) if (!won(r) && !why(r).includes('overDelivery')) problems.push(`loser says ${why(r)}`);
      const l = await ledger(p);
      if (l.onHand !== 4) problems.push(`on hand ${l.onHand}`);
      return problems;
    });
  });
});
