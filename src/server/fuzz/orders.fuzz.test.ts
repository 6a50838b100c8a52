import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { makeWorld, type World } from '../../../tests/support/world';
import { typed, type FuzzSpec, fuzzSuite } from '../../../tests/support/fuzz';
import type { FormValues } from '../../../tests/support/act';
import { quotations, salesOrders } from '../db/schema';
import { addDays, createQuotation, quotationInput } from '../quotations';
import {
  cancelOrder, cancelOrderInput, confirmOrder, confirmOrderInput, convertQuotationInput, createOrder, orderFromQuotation, orderInput, updateOrder,
} from '../orders';
import { makeProduct } from '../deliveries/fixtures';
import { todayIn } from '../opportunities/commands';
import { CURRENCIES } from '../organization';
import { LOCALES } from '../i18n/locales';
import { uuid, version } from '../validation';

/**
 * Sales orders, 1,000+ hostile submissions per action (seeded): no database error reaches a user
 * (the one-live-order-per-quotation index and the line CHECKs included), and what is accepted is
 * stored as typed. Mirrors src/app/(app)/orders/actions.ts.
 */
let w: World;
let productId: string;
let draftId: string;
let quotationIds: string[];
let foreignQuotation: string;
const today = () => todayIn('Asia/Bangkok');

const line = (o: Record<string, unknown> = {}) => ({
  productId: '', description: 'Service', unit: 'hr', quantity: '2', unitPrice: '1500.25', discountKind: 'percent', discountValue: '5', taxRateId: '', ...o,
});
function orderBase(): FormValues {
  return {
    customerId: w.customers.a1, contactId: '', opportunityId: '', ownerId: '', language: 'th', currency: 'THB', pricesIncludeTax: '',
    orderDate: today(), customerReference: 'PO-1', discountKind: 'percent', discountValue: '0', terms: 'Net 30', notes: '',
    lines: JSON.stringify([line(), line({ productId, description: 'Widget', quantity: '1.5', unitPrice: '99.99' })]),
  };
}
const orderFields = {
  customerId: 'id', contactId: 'id', opportunityId: 'id', ownerId: 'id', language: 'enum', currency: 'enum', pricesIncludeTax: 'bool', orderDate: 'date',
  customerReference: 'text', discountKind: 'enum', discountValue: 'money', terms: 'long', notes: 'long', lines: 'lines',
} as const;
const anyIds = () => [
  w.customers.a1, w.customers.b1, w.customers.other, w.people.repA1.id, w.people.repB1.id, w.people.admin2.id, productId, draftId, ...quotationIds, foreignQuotation,
];
const ids = () => ({ ids: anyIds() });
const orderCtx = () => ({
  customerId: ids(), contactId: ids(), opportunityId: ids(), ownerId: ids(),
  language: { ids: [], enums: { language: [...LOCALES] } }, currency: { ids: [], enums: { currency: [...CURRENCIES] } },
  discountKind: { ids: [], enums: { discountKind: ['percent', 'amount'] } },
});
const verifyOrder = async (id: string, v: FormValues) => {
  const [o] = await w.db.select().from(salesOrders).where(eq(salesOrders.id, id));
  expect(o.terms).toBe(typed(v.terms));
  expect(o.notes).toBe(typed(v.notes));
  expect(o.customerReference).toBe(typed(v.customerReference));
  expect(o.orderDate).toBe(typed(v.orderDate));
  expect(o.orgId).toBe(w.org.id);
  expect(o.status).toBe('draft');
  expect([w.customers.a1, w.customers.shared]).toContain(o.customerId);
};
const run = <S extends z.ZodType, R>(spec: FuzzSpec<S, R>, seed: number) => fuzzSuite(w.db, spec, seed);

async function accepted(actor = w.actors.repA1, customerId = w.customers.a1) {
  const id = await createQuotation(w.db, actor, quotationInput.parse({
    customerId, contactId: '', opportunityId: '', ownerId: '', language: 'th', currency: 'THB', validUntil: addDays(today(), 30),
    discountKind: 'percent', discountValue: '0', terms: '', notes: '', lines: JSON.stringify([line()]),
  }));
  await w.db.update(quotations).set({ status: 'accepted' }).where(eq(quotations.id, id));
  return id;
}

beforeAll(async () => {
  w = await makeWorld();
  productId = await makeProduct(w.db, w.org.id, { onHand: '5' });
  draftId = await createOrder(w.db, w.actors.repA1, orderInput.parse(orderBase()));
  quotationIds = [await accepted(), await accepted(), await accepted(w.actors.repB1, w.customers.b1)];
  foreignQuotation = await createQuotation(w.db, w.actors.admin2, quotationInput.parse({
    customerId: w.customers.other, contactId: '', opportunityId: '', ownerId: '', language: 'en', currency: 'THB', validUntil: addDays(today(), 30),
    discountKind: 'percent', discountValue: '0', terms: '', notes: '', lines: JSON.stringify([line()]),
  }));
});

describe('fuzz: sales orders', () => {
  it('create order', async () => {
    const r = await run({
      name: 'createOrder', schema: orderInput, run: ({ db, actor, input }) => createOrder(db, actor, input), actor: w.actors.repA1,
      base: orderBase, fields: orderFields, ctx: orderCtx(), verify: verifyOrder,
    }, 1201);
    expect(r.ok).toBeGreaterThan(0);
  });

  it('update order', async () => {
    const schema = orderInput.and(z.object({ id: uuid, version }));
    await run({
      name: 'updateOrder', schema, run: ({ db, actor, input }) => updateOrder(db, actor, input.id, input.version, input), actor: w.actors.repA1,
      base: async () => {
        const [o] = await w.db.select({ version: salesOrders.version }).from(salesOrders).where(eq(salesOrders.id, draftId));
        return { ...orderBase(), id: draftId, version: String(o.version) };
      },
      fields: { ...orderFields, id: 'id', version: 'int' }, ctx: { ...orderCtx(), id: ids() },
      verify: async (_r, v) => verifyOrder(draftId, v),
    }, 1202);
  });

  it('convert a quotation', async () => {
    const r = await run({
      name: 'orderFromQuotation', schema: convertQuotationInput, run: ({ db, actor, input }) => orderFromQuotation(db, actor, input.quotationId), actor: w.actors.repA1,
      base: () => ({ quotationId: quotationIds[0] }), fields: { quotationId: 'id' }, ctx: { quotationId: ids() },
      verify: async (id) => {
        const [o] = await w.db.select().from(salesOrders).where(eq(salesOrders.id, id));
        expect(quotationIds.slice(0, 2)).toContain(o.quotationId);
      },
    }, 1203);
    // One live order per quotation, whatever was sent.
    expect(r.ok).toBeLessThanOrEqual(2);
  });

  it('confirm and cancel', async () => {
    // A fresh draft each case, so that the success path is exercised as often as the refusals.
    const fresh = async () => createOrder(w.db, w.actors.repA1, orderInput.parse(orderBase()));
    await run({
      name: 'confirmOrder', schema: confirmOrderInput, run: ({ db, actor, input }) => confirmOrder(db, actor, input.id, input.version), actor: w.actors.repA1,
      base: async () => ({ id: await fresh(), version: '1' }), fields: { id: 'id', version: 'int' }, ctx: { id: ids() },
      verify: async (r) => expect(r.number).toMatch(/^SO-\d{4}-\d{5}$/),
    }, 1204);
    await run({
      name: 'cancelOrder', schema: cancelOrderInput, run: ({ db, actor, input }) => cancelOrder(db, actor, input.id, input.version, input.reason), actor: w.actors.repA1,
      base: async () => ({ id: await fresh(), version: '1', reason: 'Changed their mind' }), fields: { id: 'id', version: 'int', reason: 'long' }, ctx: { id: ids() },
    }, 1205);
  });
});
