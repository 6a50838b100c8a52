import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeWorld, type World } from '../../../tests/support/world';
import { products, quotations, salesOrderLines, salesOrders } from '../db/schema';
import { DomainError } from '../errors';
import { addDays, createQuotation, quotationInput } from '../quotations';
import { cancelOrder, confirmOrder, createOrder, orderFromQuotation, orderInput } from '../orders';
import { recordDelivery } from '../deliveries';
import { makeProduct } from '../deliveries/fixtures';
import { todayIn } from '../opportunities/commands';

/**
 * Sales orders under races, on real parallel connections. Two conversions of one accepted quotation
 * at once make one order (the loser is told an order exists, never the unique index's raw error);
 * confirm against cancel of one draft: one wins and the stock reservation matches the winner;
 * cancel against a delivery of a confirmed order: one wins (nothing delivered on a cancelled order).
 * Same helpers as races.test.ts (copied: that file exports nothing).
 */
const ROUNDS = 50;
const onPostgres = Boolean(process.env.DATABASE_URL);
if (!onPostgres) console.log('[orders-race] concurrency tests skipped: they need DATABASE_URL (real PostgreSQL, parallel connections)');

let w: World;
type Outcome = PromiseSettledResult<unknown>;
const won = (o: Outcome) => o.status === 'fulfilled';
const why = (o: Outcome) => (o.status === 'rejected' ? (o.reason instanceof DomainError ? `${o.reason.code}:${o.reason.message}` : `RAW ${String(o.reason)}`) : 'ok');
const later = (i: number) => new Promise((r) => setTimeout(r, (i % 5) * 2));

async function race(name: string, round: (i: number) => Promise<string[]>, rounds = ROUNDS) {
  const bad: string[] = [];
  for (let i = 0; i < rounds; i++) for (const problem of await round(i)) bad.push(`round ${i}: ${problem}`);
  console.log(`[orders-race] ${name}: ${rounds} rounds, ${new Set(bad.map((b) => b.split(':')[0])).size} bad${bad.length ? `; first: ${bad[0]}` : ''}`);
  expect(bad).toEqual([]);
}

const today = () => todayIn('Asia/Bangkok');
const line = (o: Record<string, unknown> = {}) => ({ productId: '', description: 'Item', unit: 'pc', quantity: '2', unitPrice: '100', discountKind: 'percent', discountValue: '0', taxRateId: '', ...o });
const reservedOf = async (id: string) => Number((await w.db.select({ r: products.reserved }).from(products).where(eq(products.id, id)))[0].r);
const statusOf = async (id: string) => (await w.db.select({ s: salesOrders.status }).from(salesOrders).where(eq(salesOrders.id, id)))[0].s;
const draft = (productId: string) =>
  createOrder(w.db, w.actors.repA1, orderInput.parse({
    customerId: w.customers.a1, contactId: '', opportunityId: '', ownerId: '', language: 'en', currency: 'THB', orderDate: today(), customerReference: '',
    discountKind: 'percent', discountValue: '0', terms: '', notes: '', lines: JSON.stringify([line({ productId })]),
  }));

beforeAll(async () => {
  w = await makeWorld();
});

describe.skipIf(!onPostgres)('sales order races (PostgreSQL)', () => {
  it('two conversions of the same quotation at once: one order', async () => {
    await race('convert x2', async (i) => {
      const q = await createQuotation(w.db, w.actors.repA1, quotationInput.parse({
        customerId: w.customers.a1, contactId: '', opportunityId: '', ownerId: '', language: 'en', currency: 'THB', validUntil: addDays(today(), 30),
        discountKind: 'percent', discountValue: '0', terms: '', notes: '', lines: JSON.stringify([line()]),
      }));
      await w.db.update(quotations).set({ status: 'accepted' }).where(eq(quotations.id, q));
      const [x, y] = await Promise.allSettled([orderFromQuotation(w.db, w.actors.repA1, q), later(i).then(() => orderFromQuotation(w.db, w.actors.mA, q))]);
      const problems: string[] = [];
      if ([x, y].filter(won).length !== 1) problems.push(`${[x, y].filter(won).length} winners (${why(x)}, ${why(y)})`);
      for (const o of [x, y]) if (!won(o) && why(o) !== 'conflict:orderAlreadyMade') problems.push(`loser says ${why(o)}`);
      const orders = await w.db.select().from(salesOrders).where(eq(salesOrders.quotationId, q));
      if (orders.length !== 1) problems.push(`${orders.length} orders`);
      return problems;
    });
  });

  it('confirm against cancel of one draft: one wins, the reservation follows the winner', async () => {
    await race('confirm vs cancel', async (i) => {
      const p = await makeProduct(w.db, w.org.id, { onHand: '10' });
      const id = await draft(p);
      const [x, y] = await Promise.allSettled([confirmOrder(w.db, w.actors.repA1, id, 1), later(i).then(() => cancelOrder(w.db, w.actors.repA1, id, 1, 'race'))]);
      const problems: string[] = [];
      if ([x, y].filter(won).length !== 1) problems.push(`${[x, y].filter(won).length} winners (${why(x)}, ${why(y)})`);
      for (const o of [x, y]) if (!won(o) && why(o) !== 'staleVersion:staleVersion') problems.push(`loser says ${why(o)}`);
      const status = await statusOf(id);
      const reserved = await reservedOf(p);
      if (won(x) && (status !== 'confirmed' || reserved !== 2)) problems.push(`confirm won but ${status}, reserved ${reserved}`);
      if (won(y) && (status !== 'cancelled' || reserved !== 0)) problems.push(`cancel won but ${status}, reserved ${reserved}`);
      return problems;
    });
  });

  it('cancel against a delivery of a confirmed order: one wins', async () => {
    await race('cancel vs deliver', async (i) => {
      const p = await makeProduct(w.db, w.org.id, { onHand: '10' });
      const id = await draft(p);
      await confirmOrder(w.db, w.actors.repA1, id, 1);
      const [{ lineId }] = await w.db.select({ lineId: salesOrderLines.id }).from(salesOrderLines).where(eq(salesOrderLines.orderId, id));
      const [x, y] = await Promise.allSettled([
        cancelOrder(w.db, w.actors.repA1, id, 2, 'race'),
        later(i).then(() => recordDelivery(w.db, w.actors.repA1, id, { deliveredOn: today(), note: '', lines: [{ orderLineId: lineId, quantity: '1' }] })),
      ]);
      const problems: string[] = [];
      if ([x, y].filter(won).length !== 1) problems.push(`${[x, y].filter(won).length} winners (${why(x)}, ${why(y)})`);
      if (!won(x) && why(x) !== 'conflict:orderHasDeliveries') problems.push(`cancel lost with ${why(x)}`);
      if (!won(y) && why(y) !== 'conflict:orderNotConfirmed') problems.push(`delivery lost with ${why(y)}`);
      const reserved = await reservedOf(p);
      if (won(x) && reserved !== 0) problems.push(`cancelled but reserved ${reserved}`);
      if (won(y) && reserved !== 1) problems.push(`delivered 1 of 2 but reserved ${reserved}`);
      return problems;
    });
  });
});
