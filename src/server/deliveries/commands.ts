import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import Decimal from 'decimal.js';
import type { Db } from '../db/client';
import { customers, deliveries, deliveryLines, products, salesOrderLines, salesOrders, stockMoves } from '../db/schema';
import type { Actor } from '../access/actor';
import { assertCan } from '../access/permissions';
import { orderScopeOf } from '../access/scopes';
import { conflict, invalid, notFound } from '../errors';
import { writeAudit } from '../audit/write';
import { nextNumber } from '../documents/numbering';
import { isUuid } from '../validation';
import type { DeliveryInput } from './schemas';

export type RecordDeliveryInput = Omit<DeliveryInput, 'orderId'>;

/** The order's id if the actor may see it (its customer's deals' scope), else 404. */
export async function orderInScope(db: Db, actor: Actor, orderId: string) {
  if (!isUuid(orderId)) throw notFound();
  const [row] = await db
    .select({ id: salesOrders.id, status: salesOrders.status })
    .from(salesOrders)
    .innerJoin(customers, eq(customers.id, salesOrders.customerId))
    .where(and(eq(salesOrders.id, orderId), orderScopeOf(actor)));
  if (!row) throw notFound();
  return row;
}

/**
 * Records a delivery note for part or all of a confirmed order. One transaction: the order row is
 * locked (deliveries of one order queue behind each other), its lines re-read, every row checked
 * (a line of this order, not beyond what remains), then the stock-tracking products locked in id
 * order and their on-hand checked, so that two deliveries of the last unit cannot both pass. Then
 * the number, the note and its lines, the order lines' delivered quantities, the stock (on hand
 * down, the reservation released) and its moves. The PDF is rendered after commit by the caller.
 */
export async function recordDelivery(db: Db, actor: Actor, orderId: string, input: RecordDeliveryInput): Promise<{ id: string; number: string }> {
  await orderInScope(db, actor, orderId);
  assertCan(actor, 'delivery.record');
  return db.transaction(async (tx) => {
    const [order] = await tx
      .select({ id: salesOrders.id, orgId: salesOrders.orgId, status: salesOrders.status })
      .from(salesOrders)
      .where(and(eq(salesOrders.id, orderId), eq(salesOrders.orgId, actor.orgId)))
      .for('update');
    if (!order) throw notFound();
    if (order.status !== 'confirmed') throw conflict('orderNotConfirmed');
    const lines = await tx
      .select({
        id: salesOrderLines.id, productId: salesOrderLines.productId, kind: salesOrderLines.kind,
        quantity: salesOrderLines.quantity, delivered: salesOrderLines.deliveredQuantity, description: salesOrderLines.description,
      })
      .from(salesOrderLines)
      .where(eq(salesOrderLines.orderId, orderId));
    const byId = new Map(lines.map((l) => [l.id, l]));

    const errors: Record<string, string> = {};
    // The rows that deliver something, with the index the form showed them at.
    const take: { index: number; line: (typeof lines)[number]; qty: Decimal }[] = [];
    const seen = new Map<string, Decimal>();
    input.lines.forEach((row, index) => {
      const line = byId.get(row.orderLineId);
      if (!line) {
        errors[`lines.${index}.orderLineId`] = 'lineNotOnOrder';
        return;
      }
      const qty = new Decimal(row.quantity || '0');
      if (qty.isZero()) return;
      // The same line twice in one note counts once for what remains.
      const sofar = (seen.get(line.id) ?? new Decimal(0)).plus(qty);
      seen.set(line.id, sofar);
      if (new Decimal(line.delivered).plus(sofar).gt(line.quantity)) {
        errors[`lines.${index}.quantity`] = 'overDelivery';
        return;
      }
      take.push({ index, line, qty });
    });
    if (!Object.keys(errors).length && !take.length) throw invalid({ lines: 'nothingToDeliver' });
    // Stock is checked for the other rows too, so that the form shows every error at once.

    // Stock: the products of goods lines that track it, locked in id order (no deadlock between two notes).
    const productIds = [...new Set(take.filter((t) => t.line.kind === 'goods' && t.line.productId).map((t) => t.line.productId!))].sort();
    const stock = productIds.length
      ? await tx
          .select({ id: products.id, onHand: products.onHand, reserved: products.reserved, tracksStock: products.tracksStock })
          .from(products)
          .where(and(inArray(products.id, productIds), eq(products.orgId, actor.orgId)))
          .orderBy(asc(products.id))
          .for('update')
      : [];
    const tracked = new Map(stock.filter((p) => p.tracksStock).map((p) => [p.id, p]));
    const need = new Map<string, Decimal>();
    for (const t of take) {
      const p = t.line.kind === 'goods' && t.line.productId ? tracked.get(t.line.productId) : undefined;
      if (!p) continue;
      const total = (need.get(p.id) ?? new Decimal(0)).plus(t.qty);
      need.set(p.id, total);
      if (total.gt(p.onHand)) errors[`lines.${t.index}.quantity`] = 'notEnoughOnHand';
    }
    if (Object.keys(errors).length) throw invalid(errors);

    const year = Number(input.deliveredOn.slice(0, 4));
    const number = await nextNumber(tx, actor.orgId, 'delivery', year);
    const [note] = await tx
      .insert(deliveries)
      .values({ orgId: actor.orgId, orderId, number, deliveredOn: input.deliveredOn, note: input.note, createdById: actor.id })
      .returning({ id: deliveries.id });
    await tx.insert(deliveryLines).values(take.map((t) => ({ deliveryId: note.id, orderLineId: t.line.id, quantity: t.qty.toFixed() })));
    for (const t of take) {
      await tx
        .update(salesOrderLines)
        .set({ deliveredQuantity: sql`${salesOrderLines.deliveredQuantity} + ${t.qty.toFixed()}::numeric` })
        .where(eq(salesOrderLines.id, t.line.id));
    }
    for (const [productId, qty] of need) {
      const q = qty.toFixed();
      await tx
        .update(products)
        .set({
          onHand: sql`${products.onHand} - ${q}::numeric`,
          reserved: sql`${products.reserved} - least(${products.reserved}, ${q}::numeric)`,
          updatedAt: new Date(),
        })
        .where(eq(products.id, productId));
      await tx.insert(stockMoves).values({ orgId: actor.orgId, productId, kind: 'delivery', quantity: qty.negated().toFixed(), deliveryId: note.id, note: number, createdById: actor.id });
    }
    await writeAudit(tx, actor, actor.orgId, 'delivery', note.id, 'create', {
      number, orderId, lines: take.map((t) => ({ orderLineId: t.line.id, quantity: t.qty.toFixed() })),
    });
    return { id: note.id, number };
  });
}
