import 'server-only';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import Decimal from 'decimal.js';
import type { Db } from '../db/client';
import { customers, deliveries, deliveryLines, salesOrderLines, salesOrders } from '../db/schema';
import type { Actor } from '../access/actor';
import { orderScopeOf } from '../access/scopes';
import { notFound } from '../errors';
import { isUuid } from '../validation';
import { orderInScope } from './commands';

async function linesOf(db: Db, deliveryIds: string[]) {
  if (!deliveryIds.length) return [];
  return db
    .select({
      deliveryId: deliveryLines.deliveryId, orderLineId: deliveryLines.orderLineId, quantity: deliveryLines.quantity,
      position: salesOrderLines.position, description: salesOrderLines.description, unit: salesOrderLines.unit, productId: salesOrderLines.productId,
    })
    .from(deliveryLines)
    .innerJoin(salesOrderLines, eq(salesOrderLines.id, deliveryLines.orderLineId))
    .where(inArray(deliveryLines.deliveryId, deliveryIds))
    .orderBy(asc(salesOrderLines.position));
}

/** An order's delivery notes with their lines, newest first (404 when the order is out of scope). */
export async function deliveriesOf(db: Db, actor: Actor, orderId: string) {
  await orderInScope(db, actor, orderId);
  const notes = await db
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.orderId, orderId), eq(deliveries.orgId, actor.orgId)))
    .orderBy(desc(deliveries.createdAt), desc(deliveries.number));
  const lines = await linesOf(db, notes.map((n) => n.id));
  return notes.map((n) => ({ ...n, lines: lines.filter((l) => l.deliveryId === n.id) }));
}
export type DeliverySummary = Awaited<ReturnType<typeof deliveriesOf>>[number];

/** One delivery note with its lines and its order's number, seen like its order; 404 otherwise. */
export async function getDelivery(db: Db, actor: Actor, id: string) {
  if (!isUuid(id)) throw notFound();
  const [row] = await db
    .select({ d: deliveries, orderNumber: salesOrders.number, orderLanguage: salesOrders.language, customerName: customers.name })
    .from(deliveries)
    .innerJoin(salesOrders, eq(salesOrders.id, deliveries.orderId))
    .innerJoin(customers, eq(customers.id, salesOrders.customerId))
    .where(and(eq(deliveries.id, id), orderScopeOf(actor)));
  if (!row) throw notFound();
  return { ...row.d, orderNumber: row.orderNumber, orderLanguage: row.orderLanguage, customerName: row.customerName, lines: await linesOf(db, [id]) };
}
export type DeliveryDetail = Awaited<ReturnType<typeof getDelivery>>;

/** Per line of an order: ordered, delivered, invoiced, still to deliver and still to invoice (decimal strings). */
export async function orderLineProgress(db: Db, actor: Actor, orderId: string) {
  await orderInScope(db, actor, orderId);
  const rows = await db
    .select({
      id: salesOrderLines.id, position: salesOrderLines.position, description: salesOrderLines.description, unit: salesOrderLines.unit,
      kind: salesOrderLines.kind, productId: salesOrderLines.productId,
      quantity: salesOrderLines.quantity, delivered: salesOrderLines.deliveredQuantity, invoiced: salesOrderLines.invoicedQuantity,
    })
    .from(salesOrderLines)
    .where(eq(salesOrderLines.orderId, orderId))
    .orderBy(asc(salesOrderLines.position));
  return rows.map((r) => ({
    ...r,
    toDeliver: new Decimal(r.quantity).minus(r.delivered).toFixed(),
    toInvoice: new Decimal(r.quantity).minus(r.invoiced).toFixed(),
  }));
}
