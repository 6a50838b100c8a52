import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client';
import { products, salesOrderLines, salesOrders } from '../db/schema';

/**
 * Test data: a stock-tracking product and an order written straight into the tables (the order
 * commands live elsewhere; these tests are about what happens once an order is confirmed).
 */
export async function makeProduct(db: Db, orgId: string, o: { onHand?: string; reserved?: string; tracksStock?: boolean; kind?: 'goods' | 'service' } = {}) {
  const [p] = await db
    .insert(products)
    .values({
      orgId, code: `P-${randomUUID().slice(0, 8)}`, name: 'Widget', unit: 'pc', price: '100',
      kind: o.kind ?? 'goods', tracksStock: o.tracksStock ?? true, onHand: o.onHand ?? '0', reserved: o.reserved ?? '0',
    })
    .returning({ id: products.id });
  return p.id;
}

export type OrderLineSpec = { productId?: string | null; quantity: string; kind?: 'goods' | 'service'; delivered?: string; description?: string };

export async function makeOrder(
  db: Db,
  o: { orgId: string; customerId: string; ownerId: string; status?: 'draft' | 'confirmed' | 'completed' | 'cancelled'; language?: string; lines: OrderLineSpec[] },
) {
  const status = o.status ?? 'confirmed';
  const [order] = await db
    .insert(salesOrders)
    .values({
      orgId: o.orgId, customerId: o.customerId, ownerId: o.ownerId, status, language: o.language ?? 'en', currency: 'THB', orderDate: '2026-11-20',
      number: status === 'draft' ? null : `SO-T-${randomUUID().slice(0, 8)}`, confirmedAt: status === 'draft' ? null : new Date(),
    })
    .returning({ id: salesOrders.id });
  const lines = await db
    .insert(salesOrderLines)
    .values(
      o.lines.map((l, i) => ({
        orderId: order.id, position: i + 1, productId: l.productId ?? null, description: l.description ?? `Line ${i + 1}`, unit: 'pc', kind: l.kind ?? 'goods',
        quantity: l.quantity, unitPrice: '100', taxRate: '7', gross: '100', discount: '0', net: '100', deliveredQuantity: l.delivered ?? '0',
      })),
    )
    .returning({ id: salesOrderLines.id, position: salesOrderLines.position });
  return { id: order.id, lineIds: lines.sort((a, b) => a.position - b.position).map((l) => l.id) };
}
