import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { makeWorld, type World } from '../../../tests/support/world';
import { act } from '../../../tests/support/act';
import { auditLog, deliveries, products, salesOrderLines, stockMoves } from '../db/schema';
import { DomainError } from '../errors';
import { deliveriesOf, deliveryInput, getDelivery, orderLineProgress, recordDelivery } from '.';
import { makeOrder, makeProduct } from './fixtures';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});

const today = '2026-11-25';
const order = (lines: Parameters<typeof makeOrder>[1]['lines'], o: { status?: 'draft' | 'confirmed' | 'completed' | 'cancelled'; customerId?: string } = {}) =>
  makeOrder(w.db, { orgId: w.org.id, customerId: o.customerId ?? w.customers.a1, ownerId: w.people.repA1.id, status: o.status, lines });
const stockOf = async (id: string) => (await w.db.select({ onHand: products.onHand, reserved: products.reserved }).from(products).where(eq(products.id, id)))[0];
const lineOf = async (id: string) => (await w.db.select().from(salesOrderLines).where(eq(salesOrderLines.id, id)))[0];
async function error(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a domain error');
}
const deliver = (orderId: string, lines: { orderLineId: string; quantity: string }[], actor = w.actors.repA1) =>
  recordDelivery(w.db, actor, orderId, { deliveredOn: today, note: '', lines });

describe('recording a delivery', () => {
  it('delivers part, then the rest: numbered notes, delivered quantities, stock down, reservation released, moves and audit', async () => {
    const p = await makeProduct(w.db, w.org.id, { onHand: '10', reserved: '5' });
    const o = await order([{ productId: p, quantity: '5' }, { quantity: '2', kind: 'service' }]);
    const first = await deliver(o.id, [{ orderLineId: o.lineIds[0], quantity: '3' }, { orderLineId: o.lineIds[1], quantity: '0' }]);
    expect(first.number).toMatch(/^DN-2026-\d{5}$/);
    expect(Number((await lineOf(o.lineIds[0])).deliveredQuantity)).toBe(3);
    expect(Number((await lineOf(o.lineIds[1])).deliveredQuantity)).toBe(0);
    expect(await stockOf(p)).toEqual({ onHand: '7.0000', reserved: '2.0000' });
    const second = await deliver(o.id, [{ orderLineId: o.lineIds[0], quantity: '2' }, { orderLineId: o.lineIds[1], quantity: '2' }]);
    expect(second.number).not.toBe(first.number);
    expect(await stockOf(p)).toEqual({ onHand: '5.0000', reserved: '0.0000' });
    const moves = await w.db.select().from(stockMoves).where(eq(stockMoves.productId, p));
    expect(moves.map((m) => Number(m.quantity)).sort((a, b) => a - b)).toEqual([-3, -2]);
    expect(moves.every((m) => m.kind === 'delivery' && m.deliveryId)).toBe(true);
    const progress = await orderLineProgress(w.db, w.actors.repA1, o.id);
    expect(progress.map((l) => [l.toDeliver, l.toInvoice])).toEqual([['0', '5'], ['0', '2']]);
    const notes = await deliveriesOf(w.db, w.actors.repA1, o.id);
    expect(notes.map((n) => n.number).sort()).toEqual([first.number, second.number].sort());
    expect(notes.find((n) => n.id === second.id)!.lines).toHaveLength(2);
    const audit = await w.db.select().from(auditLog).where(and(eq(auditLog.entity, 'delivery'), eq(auditLog.entityId, first.id)));
    expect(audit).toHaveLength(1);
  });

  it('releases no more reservation than there is', async () => {
    const p = await makeProduct(w.db, w.org.id, { onHand: '4', reserved: '1' });
    const o = await order([{ productId: p, quantity: '3' }]);
    await deliver(o.id, [{ orderLineId: o.lineIds[0], quantity: '3' }]);
    expect(await stockOf(p)).toEqual({ onHand: '1.0000', reserved: '0.0000' });
  });

  it('a product that does not track stock is delivered without touching any stock', async () => {
    const p = await makeProduct(w.db, w.org.id, { tracksStock: false });
    const o = await order([{ productId: p, quantity: '3' }]);
    await deliver(o.id, [{ orderLineId: o.lineIds[0], quantity: '3' }]);
    expect(await stockOf(p)).toEqual({ onHand: '0.0000', reserved: '0.0000' });
    expect(await w.db.select().from(stockMoves).where(eq(stockMoves.productId, p))).toHaveLength(0);
  });

  it('refuses more than remains on a line (overDelivery on that row), writing nothing', async () => {
    const p = await makeProduct(w.db, w.org.id, { onHand: '100' });
    const o = await order([{ productId: p, quantity: '5', delivered: '4' }, { quantity: '1', kind: 'service' }]);
    const e = await error(deliver(o.id, [{ orderLineId: o.lineIds[1], quantity: '1' }, { orderLineId: o.lineIds[0], quantity: '1.5' }]));
    expect(e.fields).toEqual({ 'lines.1.quantity': 'overDelivery' });
    // The same line twice in one note counts as the sum.
    const twice = await error(deliver(o.id, [{ orderLineId: o.lineIds[0], quantity: '1' }, { orderLineId: o.lineIds[0], quantity: '1' }]));
    expect(twice.fields).toEqual({ 'lines.1.quantity': 'overDelivery' });
    expect(await w.db.select().from(deliveries).where(eq(deliveries.orderId, o.id))).toHaveLength(0);
    expect(Number((await lineOf(o.lineIds[1])).deliveredQuantity)).toBe(0);
    expect((await stockOf(p)).onHand).toBe('100.0000');
  });

  it('refuses more than is on hand (notEnoughOnHand), counting both lines of the same product', async () => {
    const p = await makeProduct(w.db, w.org.id, { onHand: '3' });
    const o = await order([{ productId: p, quantity: '2' }, { productId: p, quantity: '2' }]);
    const e = await error(deliver(o.id, [{ orderLineId: o.lineIds[0], quantity: '2' }, { orderLineId: o.lineIds[1], quantity: '2' }]));
    expect(e.fields).toEqual({ 'lines.1.quantity': 'notEnoughOnHand' });
    expect((await stockOf(p)).onHand).toBe('3.0000');
    expect(Number((await lineOf(o.lineIds[0])).deliveredQuantity)).toBe(0);
  });

  it('reports over-delivery and stock shortage of different rows at once', async () => {
    const p = await makeProduct(w.db, w.org.id, { onHand: '1' });
    const o = await order([{ quantity: '1', kind: 'service' }, { productId: p, quantity: '5' }]);
    const e = await error(deliver(o.id, [{ orderLineId: o.lineIds[0], quantity: '2' }, { orderLineId: o.lineIds[1], quantity: '3' }]));
    expect(e.fields).toEqual({ 'lines.0.quantity': 'overDelivery', 'lines.1.quantity': 'notEnoughOnHand' });
  });

  it("refuses a line of another order, and a note with nothing to deliver", async () => {
    const a = await order([{ quantity: '1', kind: 'service' }]);
    const b = await order([{ quantity: '1', kind: 'service' }]);
    const e = await error(deliver(a.id, [{ orderLineId: b.lineIds[0], quantity: '1' }]));
    expect(e.fields).toEqual({ 'lines.0.orderLineId': 'lineNotOnOrder' });
    expect(Number((await lineOf(b.lineIds[0])).deliveredQuantity)).toBe(0);
    const none = await error(deliver(a.id, [{ orderLineId: a.lineIds[0], quantity: '0' }]));
    expect(none.fields).toEqual({ lines: 'nothingToDeliver' });
  });

  it('refuses an order that is not confirmed', async () => {
    for (const status of ['draft', 'cancelled', 'completed'] as const) {
      const o = await order([{ quantity: '1', kind: 'service' }], { status });
      const e = await error(deliver(o.id, [{ orderLineId: o.lineIds[0], quantity: '1' }]));
      expect([e.code, e.message]).toEqual(['conflict', 'orderNotConfirmed']);
    }
  });

  it('an order out of scope or of another organization is not found; its notes neither', async () => {
    const o = await order([{ quantity: '2', kind: 'service' }]);
    const d = await deliver(o.id, [{ orderLineId: o.lineIds[0], quantity: '1' }]);
    for (const actor of [w.actors.repB1, w.actors.repA2, w.actors.admin2]) {
      expect((await error(deliver(o.id, [{ orderLineId: o.lineIds[0], quantity: '1' }], actor))).code).toBe('notFound');
      expect((await error(getDelivery(w.db, actor, d.id))).code).toBe('notFound');
      expect((await error(deliveriesOf(w.db, actor, o.id))).code).toBe('notFound');
    }
    // The manager of the team and an admin see it and may deliver; finance may deliver too.
    expect((await getDelivery(w.db, w.actors.mA, d.id)).number).toBe(d.number);
    await deliver(o.id, [{ orderLineId: o.lineIds[0], quantity: '0.5' }], w.actors.finance);
    expect(Number((await lineOf(o.lineIds[0])).deliveredQuantity)).toBe(1.5);
  });

  it('through the form: rows by index, all errors at once, what was typed kept', async () => {
    const p = await makeProduct(w.db, w.org.id, { onHand: '1' });
    const o = await order([{ productId: p, quantity: '5' }, { quantity: '1', kind: 'service' }]);
    const run = ({ db, actor, input }: { db: typeof w.db; actor: typeof w.actors.repA1; input: { orderId: string } & Parameters<typeof recordDelivery>[3] }) =>
      recordDelivery(db, actor, input.orderId, input);
    const bad = await act(w.db, w.actors.repA1, deliveryInput, run, {
      orderId: o.id, deliveredOn: today, note: 'Gate 3',
      'lines.0.orderLineId': o.lineIds[0], 'lines.0.quantity': '2', 'lines.1.orderLineId': o.lineIds[1], 'lines.1.quantity': '-1',
    });
    expect(bad.unexpected).toBe(false);
    expect(bad.state.fieldErrors).toEqual({ 'lines.1.quantity': 'negativeQuantity' });
    expect(bad.state.values?.['lines.0.quantity']).toBe('2');
    const stock = await act(w.db, w.actors.repA1, deliveryInput, run, {
      orderId: o.id, deliveredOn: today, note: '', 'lines.0.orderLineId': o.lineIds[0], 'lines.0.quantity': '2', 'lines.1.orderLineId': o.lineIds[1], 'lines.1.quantity': '2',
    });
    expect(stock.state.fieldErrors).toEqual({ 'lines.0.quantity': 'notEnoughOnHand', 'lines.1.quantity': 'overDelivery' });
    const ok = await act(w.db, w.actors.repA1, deliveryInput, run, {
      orderId: o.id, deliveredOn: today, note: 'Gate 3', 'lines.0.orderLineId': o.lineIds[0], 'lines.0.quantity': '1', 'lines.1.orderLineId': o.lineIds[1], 'lines.1.quantity': '',
    });
    expect(ok.state.status).toBe('ok');
    const [note] = await w.db.select().from(deliveries).where(eq(deliveries.orderId, o.id));
    expect(note.note).toBe('Gate 3');
  });
});
