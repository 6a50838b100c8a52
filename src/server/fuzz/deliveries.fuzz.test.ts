import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeWorld, type World } from '../../../tests/support/world';
import { typed, type FuzzSpec, fuzzSuite } from '../../../tests/support/fuzz';
import type { FormValues } from '../../../tests/support/act';
import type { z } from 'zod';
import { deliveries, products } from '../db/schema';
import { deliveryInput, recordDelivery } from '../deliveries';
import { makeOrder, makeProduct } from '../deliveries/fixtures';
import { adjustStock, stockAdjustmentInput } from '../stock';
import { createProduct, productInput, updateProduct } from '../catalog';
import { uuid, version } from '../validation';

/**
 * Deliveries, stock adjustments and the product form's stock fields, 1,000+ hostile submissions per
 * action (seeded): no database error reaches a user (the on-hand and delivered CHECKs included), and
 * what is accepted is stored as typed. Mirrors src/app/(app)/deliveries/actions.ts and the product form.
 */
let w: World;
let productId: string;
let order: { id: string; lineIds: string[] };
let otherOrder: { id: string; lineIds: string[] };
let foreignOrder: { id: string; lineIds: string[] };

beforeAll(async () => {
  w = await makeWorld();
  productId = await makeProduct(w.db, w.org.id, { onHand: '900', reserved: '10' });
  order = await makeOrder(w.db, {
    orgId: w.org.id, customerId: w.customers.a1, ownerId: w.people.repA1.id,
    lines: [{ productId, quantity: '1000' }, { quantity: '5000', kind: 'service' }, { productId, quantity: '3' }],
  });
  otherOrder = await makeOrder(w.db, { orgId: w.org.id, customerId: w.customers.b1, ownerId: w.people.repB1.id, lines: [{ quantity: '10', kind: 'service' }] });
  const foreignProduct = await makeProduct(w.db, w.org2.id, { onHand: '5' });
  foreignOrder = await makeOrder(w.db, { orgId: w.org2.id, customerId: w.customers.other, ownerId: w.people.admin2.id, lines: [{ productId: foreignProduct, quantity: '10' }] });
});

const run = <S extends z.ZodType, R>(spec: FuzzSpec<S, R>, seed: number) => fuzzSuite(w.db, spec, seed);
const anyIds = () => [order.id, ...order.lineIds, otherOrder.id, ...otherOrder.lineIds, foreignOrder.id, ...foreignOrder.lineIds, productId, w.customers.a1];

describe('fuzz: deliveries and stock', () => {
  it('record a delivery', async () => {
    const r = await run({
      name: 'recordDelivery', schema: deliveryInput, actor: w.actors.repA1,
      run: ({ db, actor, input }) => recordDelivery(db, actor, input.orderId, input),
      base: (): FormValues => ({
        orderId: order.id, deliveredOn: '2026-11-25', note: 'Gate 3',
        'lines.0.orderLineId': order.lineIds[0], 'lines.0.quantity': '0.5',
        'lines.1.orderLineId': order.lineIds[1], 'lines.1.quantity': '1',
        'lines.2.orderLineId': order.lineIds[2], 'lines.2.quantity': '0',
      }),
      fields: {
        orderId: 'id', deliveredOn: 'date', note: 'long', lines: 'lines',
        'lines.0.orderLineId': 'id', 'lines.0.quantity': 'qty', 'lines.1.quantity': 'qty', 'lines.2.orderLineId': 'id', 'lines.2.quantity': 'qty',
      },
      ctx: { orderId: { ids: anyIds() }, 'lines.0.orderLineId': { ids: anyIds() }, 'lines.2.orderLineId': { ids: anyIds() } },
      verify: async (res, v) => {
        const [d] = await w.db.select().from(deliveries).where(eq(deliveries.id, res.id));
        expect(d.note).toBe(typed(v.note));
        expect(d.deliveredOn).toBe(typed(v.deliveredOn));
        expect(d.orgId).toBe(w.org.id);
        expect(d.orderId).toBe(order.id);
      },
    }, 1201);
    expect(r.ok).toBeGreaterThan(0);
    const [p] = await w.db.select().from(products).where(eq(products.id, productId));
    expect(Number(p.onHand)).toBeGreaterThanOrEqual(0);
  });

  it('adjust stock', async () => {
    const r = await run({
      name: 'adjustStock', schema: stockAdjustmentInput, actor: w.actors.mA,
      run: ({ db, actor, input }) => adjustStock(db, actor, input.productId, input),
      base: () => ({ productId, quantity: '-1', note: 'Count' }),
      fields: { productId: 'id', quantity: 'qty', note: 'long' },
      ctx: { productId: { ids: anyIds() } },
    }, 1202);
    expect(r.ok).toBeGreaterThan(0);
  });

  it("the product form's kind and stock tracking", async () => {
    const id = await createProduct(w.db, w.actors.admin, productInput.parse({ code: `FZS-${w.tag}`, name: 'Fuzz stock', price: '1', active: 'on' }));
    const schema = productInput.extend({ id: uuid, version });
    await run({
      name: 'updateProduct (stock fields)', schema, actor: w.actors.admin,
      run: ({ db, actor, input }) => updateProduct(db, actor, input.id, input.version, input),
      base: async () => {
        const [p] = await w.db.select({ version: products.version }).from(products).where(eq(products.id, id));
        return { id, version: String(p.version), code: `FZS-${w.tag}`, name: 'Fuzz stock', price: '1', active: 'on', kind: 'goods', tracksStock: 'on' };
      },
      fields: { kind: 'enum', tracksStock: 'bool', name: 'text', price: 'money' },
      ctx: { kind: { ids: [], enums: { kind: ['goods', 'service'] } } },
      verify: async (_r, v) => {
        const [p] = await w.db.select().from(products).where(eq(products.id, id));
        expect(p.tracksStock).toBe(p.kind === 'goods' && ['on', 'true'].includes(String(v.tracksStock)));
      },
    }, 1203);
  });
});
