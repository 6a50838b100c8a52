import 'server-only';
import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';
import { contacts, customers, opportunities, products, quotations, salesOrderLines, salesOrders, users } from '../db/schema';
import type { Actor } from '../access/actor';
import { orderScopeOf } from '../access/scopes';
import { notFound } from '../errors';
import { isUuid } from '../validation';
import { decodeCursor, encodeCursor } from '../db/cursor';
import { containsPattern, searchTerm } from '../db/search';
import type { OrderStatus } from './schemas';

export const ORDER_PAGE = 25;
const owner = alias(users, 'order_owner');

export type OrderFilters = { q?: string; status?: OrderStatus | ''; customerId?: string; opportunityId?: string; quotationId?: string; cursor?: string };

/** Scoped like the customer: the order's salesperson's records or its customer's territory. */
function filterPredicate(actor: Actor, f: OrderFilters): SQL {
  const parts: SQL[] = [orderScopeOf(actor)];
  if (f.customerId) parts.push(eq(salesOrders.customerId, f.customerId));
  if (f.opportunityId) parts.push(eq(salesOrders.opportunityId, f.opportunityId));
  if (f.quotationId) parts.push(eq(salesOrders.quotationId, f.quotationId));
  if (f.status) parts.push(eq(salesOrders.status, f.status));
  const q = searchTerm(f.q);
  if (q) {
    const p = containsPattern(q);
    parts.push(or(ilike(salesOrders.number, p), ilike(salesOrders.customerReference, p), ilike(customers.name, p))!);
  }
  return and(...parts)!;
}

const listColumns = {
  id: salesOrders.id,
  number: salesOrders.number,
  status: salesOrders.status,
  orderDate: salesOrders.orderDate,
  customerReference: salesOrders.customerReference,
  currency: salesOrders.currency,
  grandTotal: salesOrders.grandTotal,
  customerId: salesOrders.customerId,
  customerName: customers.name,
  opportunityId: salesOrders.opportunityId,
  quotationId: salesOrders.quotationId,
  ownerName: owner.name,
  createdAt: salesOrders.createdAt,
};

/** One page of orders in scope, newest first, keyset over (created_at, id). */
export async function listOrders(db: Db, actor: Actor, f: OrderFilters, limit = ORDER_PAGE) {
  let where = filterPredicate(actor, f);
  const cursor = decodeCursor(f.cursor, 'timestamp');
  if (cursor) where = and(where, sql`(${salesOrders.createdAt}, ${salesOrders.id}) < (${cursor.v}::timestamptz, ${cursor.i}::uuid)`)!;
  const rows = await db
    .select(listColumns)
    .from(salesOrders)
    .innerJoin(customers, eq(customers.id, salesOrders.customerId))
    .innerJoin(owner, eq(owner.id, salesOrders.ownerId))
    .where(where)
    .orderBy(desc(salesOrders.createdAt), desc(salesOrders.id))
    .limit(limit + 1);
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page.at(-1);
  return { rows: page, nextCursor: more && last ? encodeCursor({ v: last.createdAt.toISOString(), i: last.id }) : null };
}

/** The orders of a customer, a deal or a quotation, for the panels (newest first, bounded). */
export async function ordersOf(db: Db, actor: Actor, f: { customerId?: string; opportunityId?: string; quotationId?: string }) {
  return db
    .select(listColumns)
    .from(salesOrders)
    .innerJoin(customers, eq(customers.id, salesOrders.customerId))
    .innerJoin(owner, eq(owner.id, salesOrders.ownerId))
    .where(filterPredicate(actor, f))
    .orderBy(desc(salesOrders.createdAt), desc(salesOrders.id))
    .limit(200);
}
export type OrderSummary = Awaited<ReturnType<typeof ordersOf>>[number];

export async function orderLinesOf(db: Db, orderId: string) {
  return db
    .select({ line: salesOrderLines, productCode: products.code })
    .from(salesOrderLines)
    .leftJoin(products, eq(products.id, salesOrderLines.productId))
    .where(eq(salesOrderLines.orderId, orderId))
    .orderBy(asc(salesOrderLines.position))
    .then((rows) => rows.map((r) => ({ ...r.line, productCode: r.productCode ?? '' })));
}

/** An order with its lines and the names of what it links to, or NotFound when out of scope. */
export async function getOrder(db: Db, actor: Actor, id: string) {
  if (!isUuid(id)) throw notFound();
  const [row] = await db
    .select({
      o: salesOrders, customerName: customers.name, contactName: contacts.name, ownerName: owner.name, dealTitle: opportunities.title,
      quotationNumber: quotations.number, quotationRevision: quotations.revision,
    })
    .from(salesOrders)
    .innerJoin(customers, eq(customers.id, salesOrders.customerId))
    .innerJoin(owner, eq(owner.id, salesOrders.ownerId))
    .leftJoin(contacts, eq(contacts.id, salesOrders.contactId))
    .leftJoin(opportunities, eq(opportunities.id, salesOrders.opportunityId))
    .leftJoin(quotations, eq(quotations.id, salesOrders.quotationId))
    .where(and(eq(salesOrders.id, id), orderScopeOf(actor)));
  if (!row) throw notFound();
  const lines = await orderLinesOf(db, id);
  return {
    ...row.o,
    customerName: row.customerName,
    contactName: row.contactName,
    ownerName: row.ownerName,
    dealTitle: row.dealTitle,
    quotationNumber: row.quotationNumber ? ((row.quotationRevision ?? 1) > 1 ? `${row.quotationNumber}-v${row.quotationRevision}` : row.quotationNumber) : null,
    lines,
  };
}
export type OrderDetail = Awaited<ReturnType<typeof getOrder>>;

/** The live (not cancelled) order made from a quotation, if the actor may see it: for the quotation page's link. */
export async function liveOrderOfQuotation(db: Db, actor: Actor, quotationId: string) {
  const rows = await db
    .select({ id: salesOrders.id, number: salesOrders.number, status: salesOrders.status })
    .from(salesOrders)
    .innerJoin(customers, eq(customers.id, salesOrders.customerId))
    .where(and(eq(salesOrders.quotationId, quotationId), inArray(salesOrders.status, ['draft', 'confirmed', 'completed']), orderScopeOf(actor)))
    .limit(1);
  return rows[0] ?? null;
}
