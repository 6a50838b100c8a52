import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import Decimal from 'decimal.js';
import type { Db } from '../db/client';
import { organizations, products, salesOrderLines, salesOrders } from '../db/schema';
import type { Actor } from '../access/actor';
import { assertCan } from '../access/permissions';
import { holdRefs } from '../access/refs';
import { conflict, invalid, notFound, stale } from '../errors';
import { writeAudit } from '../audit/write';
import { nextNumber } from '../documents/numbering';
import type { Totals } from '../documents/totals';
import { todayIn } from '../opportunities/commands';
import { heldLines, lineColumns, prepareLines, totalsColumns, type PreparedLine } from '../quotations/lines';
import { getOrder } from './queries';
import { resolveParty } from '../documents/party';
import type { OrderInput } from './schemas';

function headerValues(input: OrderInput, totals: Totals) {
  return {
    language: input.language,
    currency: input.currency,
    pricesIncludeTax: input.pricesIncludeTax,
    orderDate: input.orderDate,
    customerReference: input.customerReference,
    discountKind: input.discountKind,
    discountValue: input.discountValue,
    terms: input.terms,
    notes: input.notes,
    ...totalsColumns(totals, input.currency),
  };
}

/** Goods or service per product: a line takes its product's kind, a free-text line is goods. */
export async function productKinds(db: Db, orgId: string, productIds: (string | null | undefined)[]): Promise<Map<string, 'goods' | 'service'>> {
  const ids = [...new Set(productIds.filter((v): v is string => Boolean(v)))];
  if (!ids.length) return new Map();
  const rows = await db.select({ id: products.id, kind: products.kind }).from(products).where(and(eq(products.orgId, orgId), inArray(products.id, ids)));
  return new Map(rows.map((r) => [r.id, r.kind === 'service' ? 'service' : 'goods']));
}

async function insertLines(tx: Db, orgId: string, orderId: string, lines: PreparedLine[], totals: Totals) {
  if (!lines.length) return;
  const kinds = await productKinds(tx, orgId, lines.map((l) => l.productId));
  await tx.insert(salesOrderLines).values(
    lines.map((l, i) => ({ orderId, ...lineColumns(l, i, totals), kind: (l.productId && kinds.get(l.productId)) || 'goods' })),
  );
}

/** The defaults of a new order: today in the organization's time zone, the organization's terms. */
export async function orderDefaults(db: Db, actor: Actor) {
  const [org] = await db.select({ terms: organizations.quoteTerms }).from(organizations).where(eq(organizations.id, actor.orgId));
  return { orderDate: todayIn(actor.org.timeZone), terms: org?.terms ?? '' };
}

function checkLines(input: OrderInput) {
  if (!input.lines.length) throw invalid({ lines: 'noLines' });
}

/** A draft order made directly for a customer or a deal (no quotation). */
export async function createOrder(db: Db, actor: Actor, input: OrderInput): Promise<string> {
  assertCan(actor, 'order.manage');
  const party = await resolveParty(db, actor, input);
  checkLines(input);
  const { lines, totals } = await prepareLines(db, actor, input);
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await holdRefs(tx, { customerId: { table: 'customer', id: party.customerId }, contactId: { table: 'contact', id: party.contactId }, opportunityId: { table: 'deal', id: party.opportunityId }, ...heldLines(lines) });
    await tx.insert(salesOrders).values({ id, orgId: actor.orgId, ...party, ...headerValues(input, totals), createdById: actor.id });
    await insertLines(tx, actor.orgId, id, lines, totals);
    await writeAudit(tx, actor, actor.orgId, 'sales_order', id, 'create', { grandTotal: totals.grandTotal });
  });
  return id;
}

/** Only a draft is edited: a confirmed order is a posted document. */
export async function updateOrder(db: Db, actor: Actor, id: string, expectedVersion: number, input: OrderInput): Promise<void> {
  const current = await getOrder(db, actor, id);
  assertCan(actor, 'order.manage');
  if (current.status !== 'draft') throw conflict('notDraft');
  const party = await resolveParty(db, actor, input, current);
  checkLines(input);
  const { lines, totals } = await prepareLines(db, actor, input);
  await db.transaction(async (tx) => {
    await holdRefs(tx, { customerId: { table: 'customer', id: party.customerId }, contactId: { table: 'contact', id: party.contactId }, opportunityId: { table: 'deal', id: party.opportunityId }, ...heldLines(lines) });
    const done = await tx
      .update(salesOrders)
      .set({ ...party, ...headerValues(input, totals), version: expectedVersion + 1, updatedAt: new Date() })
      .where(and(eq(salesOrders.id, id), eq(salesOrders.orgId, actor.orgId), eq(salesOrders.version, expectedVersion), eq(salesOrders.status, 'draft')))
      .returning({ id: salesOrders.id });
    if (!done.length) throw stale();
    await tx.delete(salesOrderLines).where(eq(salesOrderLines.orderId, id));
    await insertLines(tx, actor.orgId, id, lines, totals);
    await writeAudit(tx, actor, actor.orgId, 'sales_order', id, 'update', { grandTotal: totals.grandTotal });
  });
}

/** The order row, locked, after the scope check; stale when the version moved on. */
async function lockOrder(tx: Db, actor: Actor, id: string, expectedVersion: number) {
  const [o] = await tx.select().from(salesOrders).where(and(eq(salesOrders.id, id), eq(salesOrders.orgId, actor.orgId))).for('update');
  if (!o) throw notFound();
  if (o.version !== expectedVersion) throw stale();
  return o;
}

type StockLine = { position: number; productId: string | null; kind: string; quantity: string; deliveredQuantity: string; description: string };

/** The stock-tracking products of goods lines, locked in id order (two confirmations never deadlock). */
async function lockStock(tx: Db, orgId: string, lines: StockLine[]) {
  const ids = [...new Set(lines.filter((l) => l.kind === 'goods' && l.productId).map((l) => l.productId!))].sort();
  const rows = ids.length
    ? await tx
        .select({ id: products.id, onHand: products.onHand, reserved: products.reserved, tracksStock: products.tracksStock })
        .from(products)
        .where(and(inArray(products.id, ids), eq(products.orgId, orgId)))
        .orderBy(asc(products.id))
        .for('update')
    : [];
  return new Map(rows.filter((p) => p.tracksStock).map((p) => [p.id, p]));
}

export type Shortage = { position: number; description: string; quantity: string; available: string };

/**
 * Draft → confirmed: the SO number, the confirmation time, and a reservation of the goods lines'
 * stock-tracking products (reserved += quantity). Where less is available (on hand − reserved) than
 * a line asks for, the organization's setting decides: refused with an error on each such line, or
 * confirmed and the shortages returned for the page to show.
 */
export async function confirmOrder(db: Db, actor: Actor, id: string, expectedVersion: number): Promise<{ number: string; shortages: Shortage[] }> {
  await getOrder(db, actor, id);
  assertCan(actor, 'order.manage');
  return db.transaction(async (tx) => {
    const o = await lockOrder(tx, actor, id, expectedVersion);
    if (o.status !== 'draft') throw conflict('notDraft');
    const lines = await tx.select().from(salesOrderLines).where(eq(salesOrderLines.orderId, id)).orderBy(asc(salesOrderLines.position));
    if (!lines.length) throw invalid({ lines: 'noLines' });
    const stock = await lockStock(tx, actor.orgId, lines);
    const [org] = await tx.select({ blocks: organizations.stockShortageBlocks }).from(organizations).where(eq(organizations.id, actor.orgId));
    const asked = new Map<string, Decimal>();
    const shortages: Shortage[] = [];
    const errors: Record<string, string> = {};
    lines.forEach((l, i) => {
      const p = l.kind === 'goods' && l.productId ? stock.get(l.productId) : undefined;
      if (!p) return;
      // What the earlier lines of this order already take of the same product counts too.
      const before = asked.get(p.id) ?? new Decimal(0);
      asked.set(p.id, before.plus(l.quantity));
      const available = Decimal.max(0, new Decimal(p.onHand).minus(p.reserved).minus(before));
      if (available.lt(l.quantity)) {
        shortages.push({ position: l.position, description: l.description, quantity: new Decimal(l.quantity).toFixed(), available: available.toFixed() });
        errors[`lines.${i}.quantity`] = 'notEnoughStock';
      }
    });
    if (org?.blocks && shortages.length) throw invalid(errors);
    const year = Number(todayIn(actor.org.timeZone).slice(0, 4));
    const number = await nextNumber(tx, actor.orgId, 'sales_order', year);
    await tx
      .update(salesOrders)
      .set({ status: 'confirmed', number, confirmedAt: new Date(), version: expectedVersion + 1, updatedAt: new Date() })
      .where(eq(salesOrders.id, id));
    for (const [productId, qty] of asked) {
      await tx.update(products).set({ reserved: sql`${products.reserved} + ${qty.toFixed()}::numeric` }).where(eq(products.id, productId));
    }
    await writeAudit(tx, actor, actor.orgId, 'sales_order', id, 'confirm', { number, shortages: shortages.length });
    return { number, shortages };
  });
}

/**
 * Cancels a draft or confirmed order while nothing of it is delivered or invoiced (checked under the
 * order's row lock, which the delivery command takes too). A confirmed order's reservations go back.
 */
export async function cancelOrder(db: Db, actor: Actor, id: string, expectedVersion: number, reason: string): Promise<void> {
  await getOrder(db, actor, id);
  assertCan(actor, 'order.manage');
  await db.transaction(async (tx) => {
    const o = await lockOrder(tx, actor, id, expectedVersion);
    if (o.status !== 'draft' && o.status !== 'confirmed') throw conflict('orderNotCancellable');
    const lines = await tx.select().from(salesOrderLines).where(eq(salesOrderLines.orderId, id));
    if (lines.some((l) => !new Decimal(l.deliveredQuantity).isZero() || !new Decimal(l.invoicedQuantity).isZero())) throw conflict('orderHasDeliveries');
    if (o.status === 'confirmed') {
      const stock = await lockStock(tx, actor.orgId, lines);
      const release = new Map<string, Decimal>();
      for (const l of lines) {
        const p = l.kind === 'goods' && l.productId ? stock.get(l.productId) : undefined;
        if (p) release.set(p.id, (release.get(p.id) ?? new Decimal(0)).plus(new Decimal(l.quantity).minus(l.deliveredQuantity)));
      }
      for (const [productId, qty] of release) {
        const q = qty.toFixed();
        await tx.update(products).set({ reserved: sql`${products.reserved} - least(${products.reserved}, ${q}::numeric)` }).where(eq(products.id, productId));
      }
    }
    await tx
      .update(salesOrders)
      .set({ status: 'cancelled', cancelledAt: new Date(), cancelReason: reason, version: expectedVersion + 1, updatedAt: new Date() })
      .where(eq(salesOrders.id, id));
    await writeAudit(tx, actor, actor.orgId, 'sales_order', id, 'cancel', { reason });
  });
}

/**
 * A confirmed order all of whose lines are delivered and invoiced becomes completed. Called by the
 * delivery and invoice commands inside their transaction, after they changed the quantities under
 * the order's row lock. Returns whether it completed the order.
 */
export async function completeIfDone(tx: Db, orderId: string): Promise<boolean> {
  const done = await tx
    .update(salesOrders)
    .set({ status: 'completed', updatedAt: new Date(), version: sql`${salesOrders.version} + 1` })
    .where(
      and(
        eq(salesOrders.id, orderId),
        eq(salesOrders.status, 'confirmed'),
        sql`not exists (select 1 from ${salesOrderLines} where ${salesOrderLines.orderId} = ${orderId} and (${salesOrderLines.deliveredQuantity} < ${salesOrderLines.quantity} or ${salesOrderLines.invoicedQuantity} < ${salesOrderLines.quantity}))`,
      ),
    )
    .returning({ id: salesOrders.id });
  return done.length > 0;
}
