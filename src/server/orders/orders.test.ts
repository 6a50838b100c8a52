import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { makeWorld, type World } from '../../../tests/support/world';
import { auditLog, contacts, organizations, products, quotationLines, quotations, salesOrderLines, salesOrders } from '../db/schema';
import { DomainError } from '../errors';
import { todayIn } from '../opportunities/commands';
import { addDays, createQuotation, quotationInput } from '../quotations';
import { makeProduct } from '../deliveries/fixtures';
import {
  cancelOrder, completeIfDone, confirmOrder, createOrder, getOrder, listOrders, liveOrderOfQuotation, orderFromQuotation, orderInput, ordersOf, updateOrder,
} from '.';

let w: World;
let contactId: string;
const today = () => todayIn('Asia/Bangkok');
const line = (over: Record<string, unknown> = {}) => ({
  productId: '', description: 'Consulting', unit: 'hr', quantity: '2', unitPrice: '1500', discountKind: 'percent', discountValue: '0', taxRateId: '', ...over,
});
const orderRaw = (over: Record<string, unknown> = {}) => ({
  customerId: w.customers.a1, contactId: '', opportunityId: '', ownerId: '', language: 'en', currency: 'THB', orderDate: today(), customerReference: '',
  discountKind: 'percent', discountValue: '0', terms: 'Net 30', notes: '', lines: JSON.stringify([line()]), ...over,
});
const orderIn = (over: Record<string, unknown> = {}) => orderInput.parse(orderRaw(over));

async function error(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a domain error');
}

/** A quotation made the ordinary way, then accepted (the acceptance itself is tested with quotations). */
async function acceptedQuotation(actor = w.actors.repA1, customerId = w.customers.a1, lines = [line()], over: Record<string, unknown> = {}) {
  const id = await createQuotation(w.db, actor, quotationInput.parse({
    customerId, contactId: '', opportunityId: '', ownerId: '', language: 'th', currency: 'THB', validUntil: addDays(today(), 30),
    discountKind: 'percent', discountValue: '0', terms: 'Net 30', notes: '', lines: JSON.stringify(lines), ...over,
  }));
  await w.db.update(quotations).set({ status: 'accepted', number: `QT-T-${id.slice(0, 8)}`, acceptedAt: new Date() }).where(eq(quotations.id, id));
  return id;
}
const stockOf = async (id: string) => (await w.db.select({ onHand: products.onHand, reserved: products.reserved }).from(products).where(eq(products.id, id)))[0];
const orderRow = async (id: string) => (await w.db.select().from(salesOrders).where(eq(salesOrders.id, id)))[0];

beforeAll(async () => {
  w = await makeWorld();
  [{ id: contactId }] = await w.db.insert(contacts).values({ orgId: w.org.id, customerId: w.customers.a1, name: 'Somchai', email: `somchai.${w.tag}@cust.test` }).returning();
});

describe('converting an accepted quotation', () => {
  it('carries customer, contact, owner, language, currency, tax mode, discounts, terms, notes, lines and totals over, linked', async () => {
    const product = await makeProduct(w.db, w.org.id, { kind: 'service', tracksStock: false });
    const qid = await acceptedQuotation(w.actors.repA1, w.customers.a1, [line({ productId: product, description: 'Setup', unitPrice: '1000', quantity: '3', discountValue: '10' }), line({ description: 'Cable', unit: 'm', quantity: '7.5', unitPrice: '12.34' })], {
      contactId, pricesIncludeTax: 'on', discountKind: 'amount', discountValue: '50', notes: 'Deliver to gate 2', terms: 'Net 45', currency: 'USD',
    });
    const id = await orderFromQuotation(w.db, w.actors.repA1, qid);
    const [q] = await w.db.select().from(quotations).where(eq(quotations.id, qid));
    const o = await getOrder(w.db, w.actors.repA1, id);
    expect(o).toMatchObject({
      status: 'draft', number: null, quotationId: qid, customerId: q.customerId, contactId, opportunityId: q.opportunityId, ownerId: q.ownerId,
      language: 'th', currency: 'USD', pricesIncludeTax: true, discountKind: 'amount', discountValue: q.discountValue, terms: 'Net 45', notes: 'Deliver to gate 2',
      subtotal: q.subtotal, discountTotal: q.discountTotal, taxBase: q.taxBase, taxTotal: q.taxTotal, grandTotal: q.grandTotal, orderDate: today(),
    });
    const qLines = await w.db.select().from(quotationLines).where(eq(quotationLines.quotationId, qid)).orderBy(quotationLines.position);
    expect(o.lines).toHaveLength(2);
    o.lines.forEach((l, i) => {
      const ql = qLines[i];
      expect(l).toMatchObject({
        position: ql.position, productId: ql.productId, description: ql.description, unit: ql.unit, unitId: ql.unitId, quantity: ql.quantity, unitPrice: ql.unitPrice,
        discountKind: ql.discountKind, discountValue: ql.discountValue, taxRateId: ql.taxRateId, taxRate: ql.taxRate, taxKind: ql.taxKind, gross: ql.gross, discount: ql.discount, net: ql.net,
      });
    });
    expect(o.lines.map((l) => l.kind)).toEqual(['service', 'goods']);
    expect(o.quotationNumber).toBe(q.number);
    expect((await liveOrderOfQuotation(w.db, w.actors.repA1, qid))?.id).toBe(id);
    expect((await ordersOf(w.db, w.actors.repA1, { quotationId: qid })).map((r) => r.id)).toEqual([id]);
    expect((await ordersOf(w.db, w.actors.repA1, { customerId: w.customers.a1 })).map((r) => r.id)).toContain(id);
    const audit = await w.db.select().from(auditLog).where(and(eq(auditLog.entity, 'sales_order'), eq(auditLog.entityId, id)));
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('refuses a second conversion while a live order exists, and allows one after it is cancelled', async () => {
    const qid = await acceptedQuotation();
    const first = await orderFromQuotation(w.db, w.actors.repA1, qid);
    expect(await error(orderFromQuotation(w.db, w.actors.repA1, qid))).toMatchObject({ code: 'conflict', message: 'orderAlreadyMade' });
    await cancelOrder(w.db, w.actors.repA1, first, 1, 'Wrong one');
    const second = await orderFromQuotation(w.db, w.actors.repA1, qid);
    expect(second).not.toBe(first);
  });

  it('refuses a quotation that is not accepted', async () => {
    const qid = await acceptedQuotation();
    await w.db.update(quotations).set({ status: 'sent' }).where(eq(quotations.id, qid));
    expect(await error(orderFromQuotation(w.db, w.actors.repA1, qid))).toMatchObject({ code: 'conflict', message: 'quotationNotAccepted' });
    expect(await w.db.select().from(salesOrders).where(eq(salesOrders.quotationId, qid))).toHaveLength(0);
  });

  it("a rep cannot convert another team's quotation nor see its order; another organization sees nothing", async () => {
    const qid = await acceptedQuotation(w.actors.repB1, w.customers.b1);
    expect(await error(orderFromQuotation(w.db, w.actors.repA1, qid))).toMatchObject({ code: 'notFound' });
    expect(await error(orderFromQuotation(w.db, w.actors.admin2, qid))).toMatchObject({ code: 'notFound' });
    const id = await orderFromQuotation(w.db, w.actors.repB1, qid);
    expect(await error(getOrder(w.db, w.actors.repA1, id))).toMatchObject({ code: 'notFound' });
    expect(await error(getOrder(w.db, w.actors.admin2, id))).toMatchObject({ code: 'notFound' });
    expect(await error(confirmOrder(w.db, w.actors.repA1, id, 1))).toMatchObject({ code: 'notFound' });
    expect(await error(cancelOrder(w.db, w.actors.admin2, id, 1, ''))).toMatchObject({ code: 'notFound' });
    expect((await listOrders(w.db, w.actors.repA1, {})).rows.map((r) => r.id)).not.toContain(id);
    expect((await listOrders(w.db, w.actors.admin2, {})).rows.map((r) => r.id)).not.toContain(id);
    expect(await liveOrderOfQuotation(w.db, w.actors.repA1, qid)).toBeNull();
    expect((await getOrder(w.db, w.actors.mB, id)).id).toBe(id);
    expect((await getOrder(w.db, w.actors.admin, id)).id).toBe(id);
  });
});

describe('orders made directly', () => {
  it('creates a draft for a customer with the PO number, edits it with the version, refuses a stale edit and foreign references', async () => {
    const id = await createOrder(w.db, w.actors.repA1, orderIn({ customerReference: 'PO-7781', contactId }));
    expect(await orderRow(id)).toMatchObject({ status: 'draft', customerReference: 'PO-7781', contactId, grandTotal: '3210.00', version: 1, ownerId: w.people.repA1.id });
    await updateOrder(w.db, w.actors.repA1, id, 1, orderIn({ customerReference: 'PO-7782', lines: JSON.stringify([line({ quantity: '4' })]) }));
    expect(await orderRow(id)).toMatchObject({ customerReference: 'PO-7782', grandTotal: '6420.00', version: 2 });
    expect(await error(updateOrder(w.db, w.actors.repA1, id, 1, orderIn()))).toMatchObject({ code: 'staleVersion' });
    expect(await error(createOrder(w.db, w.actors.repA1, orderIn({ customerId: w.customers.b1 })))).toMatchObject({ code: 'invalid', fields: { customerId: expect.any(String) } });
    expect(await error(createOrder(w.db, w.actors.repA1, orderIn({ customerId: w.customers.other })))).toMatchObject({ code: 'invalid' });
    expect(await error(createOrder(w.db, w.actors.repA1, orderIn({ lines: '[]' })))).toMatchObject({ code: 'invalid', fields: { lines: 'noLines' } });
    expect(await error(createOrder(w.db, w.actors.repA1, orderIn({ lines: JSON.stringify([line({ quantity: '0' })]) })))).toMatchObject({ code: 'invalid' });
  });

  it('takes the line kind from the product and a confirmed order is never edited', async () => {
    const svc = await makeProduct(w.db, w.org.id, { kind: 'service', tracksStock: false });
    const id = await createOrder(w.db, w.actors.repA1, orderIn({ lines: JSON.stringify([line({ productId: svc }), line()]) }));
    expect((await getOrder(w.db, w.actors.repA1, id)).lines.map((l) => l.kind)).toEqual(['service', 'goods']);
    await confirmOrder(w.db, w.actors.repA1, id, 1);
    expect(await error(updateOrder(w.db, w.actors.repA1, id, 2, orderIn()))).toMatchObject({ code: 'conflict', message: 'notDraft' });
  });
});

describe('confirming', () => {
  it('numbers SO-YYYY-NNNNN in sequence, sets the time, and refuses a stale or second confirmation', async () => {
    const a = await createOrder(w.db, w.actors.repA1, orderIn());
    const b = await createOrder(w.db, w.actors.repA1, orderIn());
    expect(await error(confirmOrder(w.db, w.actors.repA1, a, 2))).toMatchObject({ code: 'staleVersion' });
    const ra = await confirmOrder(w.db, w.actors.repA1, a, 1);
    const rb = await confirmOrder(w.db, w.actors.repA1, b, 1);
    const year = today().slice(0, 4);
    expect(ra.number).toMatch(new RegExp(`^SO-${year}-\\d{5}$`));
    expect(Number(rb.number.slice(-5))).toBe(Number(ra.number.slice(-5)) + 1);
    expect(await orderRow(a)).toMatchObject({ status: 'confirmed', number: ra.number, version: 2 });
    expect((await orderRow(a)).confirmedAt).toBeInstanceOf(Date);
    expect(await error(confirmOrder(w.db, w.actors.repA1, a, 2))).toMatchObject({ code: 'conflict', message: 'notDraft' });
  });

  it('reserves stock-tracking goods, warns of a shortage but confirms when the organization only warns', async () => {
    const p = await makeProduct(w.db, w.org.id, { onHand: '10', reserved: '4' });
    const untracked = await makeProduct(w.db, w.org.id, { tracksStock: false });
    const id = await createOrder(w.db, w.actors.repA1, orderIn({ lines: JSON.stringify([line({ productId: p, quantity: '5' }), line({ productId: untracked, quantity: '50' }), line({ productId: p, quantity: '2' })]) }));
    const r = await confirmOrder(w.db, w.actors.repA1, id, 1);
    // 6 available: the first line fits (5), the third does not (1 left for 2).
    expect(r.shortages).toEqual([{ position: 3, description: 'Consulting', quantity: '2', available: '1' }]);
    expect(await stockOf(p)).toEqual({ onHand: '10.0000', reserved: '11.0000' });
    expect(await stockOf(untracked)).toEqual({ onHand: '0.0000', reserved: '0.0000' });
  });

  it('refuses with an error on each short line when the organization blocks shortages, and changes nothing', async () => {
    await w.db.update(organizations).set({ stockShortageBlocks: true }).where(eq(organizations.id, w.org.id));
    try {
      const p = await makeProduct(w.db, w.org.id, { onHand: '3' });
      const id = await createOrder(w.db, w.actors.repA1, orderIn({ lines: JSON.stringify([line(), line({ productId: p, quantity: '4' })]) }));
      expect(await error(confirmOrder(w.db, w.actors.repA1, id, 1))).toMatchObject({ code: 'invalid', fields: { 'lines.1.quantity': 'notEnoughStock' } });
      expect(await orderRow(id)).toMatchObject({ status: 'draft', number: null, version: 1 });
      expect(await stockOf(p)).toEqual({ onHand: '3.0000', reserved: '0.0000' });
      const ok = await createOrder(w.db, w.actors.repA1, orderIn({ lines: JSON.stringify([line({ productId: p, quantity: '3' })]) }));
      expect((await confirmOrder(w.db, w.actors.repA1, ok, 1)).shortages).toEqual([]);
      expect(await stockOf(p)).toEqual({ onHand: '3.0000', reserved: '3.0000' });
    } finally {
      await w.db.update(organizations).set({ stockShortageBlocks: false }).where(eq(organizations.id, w.org.id));
    }
  });
});

describe('cancelling', () => {
  it('cancels a confirmed order and releases its reservations, with the reason', async () => {
    const p = await makeProduct(w.db, w.org.id, { onHand: '10' });
    const id = await createOrder(w.db, w.actors.repA1, orderIn({ lines: JSON.stringify([line({ productId: p, quantity: '4' })]) }));
    await confirmOrder(w.db, w.actors.repA1, id, 1);
    expect(await stockOf(p)).toEqual({ onHand: '10.0000', reserved: '4.0000' });
    expect(await error(cancelOrder(w.db, w.actors.repA1, id, 1, 'x'))).toMatchObject({ code: 'staleVersion' });
    await cancelOrder(w.db, w.actors.repA1, id, 2, 'Customer changed their mind');
    expect(await orderRow(id)).toMatchObject({ status: 'cancelled', cancelReason: 'Customer changed their mind', version: 3 });
    expect(await stockOf(p)).toEqual({ onHand: '10.0000', reserved: '0.0000' });
    expect(await error(cancelOrder(w.db, w.actors.repA1, id, 3, ''))).toMatchObject({ code: 'conflict', message: 'orderNotCancellable' });
  });

  it('refuses once anything is delivered or invoiced', async () => {
    for (const column of ['deliveredQuantity', 'invoicedQuantity'] as const) {
      const id = await createOrder(w.db, w.actors.repA1, orderIn());
      await confirmOrder(w.db, w.actors.repA1, id, 1);
      await w.db.update(salesOrderLines).set({ [column]: '1' }).where(eq(salesOrderLines.orderId, id));
      expect(await error(cancelOrder(w.db, w.actors.repA1, id, 2, ''))).toMatchObject({ code: 'conflict', message: 'orderHasDeliveries' });
      expect((await orderRow(id)).status).toBe('confirmed');
    }
  });

  it('a draft can be cancelled too, without touching stock', async () => {
    const p = await makeProduct(w.db, w.org.id, { onHand: '5', reserved: '2' });
    const id = await createOrder(w.db, w.actors.repA1, orderIn({ lines: JSON.stringify([line({ productId: p, quantity: '1' })]) }));
    await cancelOrder(w.db, w.actors.repA1, id, 1, '');
    expect(await stockOf(p)).toEqual({ onHand: '5.0000', reserved: '2.0000' });
  });
});

describe('completing', () => {
  it('completes a confirmed order only when every line is delivered and invoiced', async () => {
    const id = await createOrder(w.db, w.actors.repA1, orderIn({ lines: JSON.stringify([line({ quantity: '2' }), line({ quantity: '1' })]) }));
    expect(await completeIfDone(w.db, id)).toBe(false);
    await confirmOrder(w.db, w.actors.repA1, id, 1);
    await w.db.update(salesOrderLines).set({ deliveredQuantity: salesOrderLines.quantity }).where(eq(salesOrderLines.orderId, id));
    expect(await completeIfDone(w.db, id)).toBe(false);
    await w.db.update(salesOrderLines).set({ invoicedQuantity: '1' }).where(eq(salesOrderLines.orderId, id));
    expect(await completeIfDone(w.db, id)).toBe(false);
    await w.db.update(salesOrderLines).set({ invoicedQuantity: salesOrderLines.quantity }).where(eq(salesOrderLines.orderId, id));
    expect(await completeIfDone(w.db, id)).toBe(true);
    expect((await orderRow(id)).status).toBe('completed');
    expect(await completeIfDone(w.db, id)).toBe(false);
  });
});

describe('listing', () => {
  it('filters by status and searches number, PO number and customer', async () => {
    const id = await createOrder(w.db, w.actors.repA1, orderIn({ customerReference: `PO-FIND-${w.tag}` }));
    expect((await listOrders(w.db, w.actors.repA1, { q: `PO-FIND-${w.tag}` })).rows.map((r) => r.id)).toEqual([id]);
    expect((await listOrders(w.db, w.actors.repA1, { q: `PO-FIND-${w.tag}`, status: 'confirmed' })).rows).toHaveLength(0);
    const page = await listOrders(w.db, w.actors.repA1, {}, 2);
    expect(page.rows).toHaveLength(2);
    const next = await listOrders(w.db, w.actors.repA1, { cursor: page.nextCursor! }, 2);
    expect(next.rows.map((r) => r.id)).not.toContain(page.rows[0].id);
  });
});
