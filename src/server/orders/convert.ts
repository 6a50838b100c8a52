import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, asc, eq, ne } from 'drizzle-orm';
import type { Db } from '../db/client';
import { quotationLines, quotations, salesOrderLines, salesOrders } from '../db/schema';
import type { Actor } from '../access/actor';
import { assertCan } from '../access/permissions';
import { conflict, notFound } from '../errors';
import { writeAudit } from '../audit/write';
import { todayIn } from '../opportunities/commands';
import { getQuotation } from '../quotations/queries';
import { productKinds } from './commands';

/**
 * Turns an accepted quotation into a draft sales order in one step: customer, contact, deal,
 * salesperson, language, currency, tax mode, discounts, terms, notes, and every line exactly as the
 * customer accepted it (prices, the tax rate snapshot, gross/discount/net) with the totals; the
 * order links back to the quotation. A draft, so the rep can add the customer's PO number and check
 * it before confirming. One transaction that locks the quotation row: two conversions at once make
 * one order; a second one while a live order exists is refused (never a database error).
 */
export async function orderFromQuotation(db: Db, actor: Actor, quotationId: string): Promise<string> {
  await getQuotation(db, actor, quotationId);
  assertCan(actor, 'order.manage');
  const id = randomUUID();
  await db.transaction(async (tx) => {
    const [q] = await tx.select().from(quotations).where(and(eq(quotations.id, quotationId), eq(quotations.orgId, actor.orgId))).for('update');
    if (!q) throw notFound();
    if (q.status !== 'accepted') throw conflict('quotationNotAccepted');
    const [existing] = await tx
      .select({ id: salesOrders.id })
      .from(salesOrders)
      .where(and(eq(salesOrders.quotationId, quotationId), ne(salesOrders.status, 'cancelled')))
      .limit(1);
    if (existing) throw conflict('orderAlreadyMade');
    const lines = await tx.select().from(quotationLines).where(eq(quotationLines.quotationId, quotationId)).orderBy(asc(quotationLines.position));
    const kinds = await productKinds(tx, actor.orgId, lines.map((l) => l.productId));
    await tx.insert(salesOrders).values({
      id, orgId: actor.orgId, status: 'draft', quotationId,
      customerId: q.customerId, contactId: q.contactId, opportunityId: q.opportunityId, ownerId: q.ownerId,
      language: q.language, currency: q.currency, pricesIncludeTax: q.pricesIncludeTax, orderDate: todayIn(actor.org.timeZone),
      discountKind: q.discountKind, discountValue: q.discountValue, terms: q.terms, notes: q.notes,
      subtotal: q.subtotal, discountTotal: q.discountTotal, taxBase: q.taxBase, taxTotal: q.taxTotal, grandTotal: q.grandTotal,
      createdById: actor.id,
    });
    if (lines.length) {
      await tx.insert(salesOrderLines).values(
        lines.map((l) => ({
          orderId: id, position: l.position, productId: l.productId, description: l.description, unit: l.unit, unitId: l.unitId,
          kind: (l.productId && kinds.get(l.productId)) || 'goods',
          quantity: l.quantity, unitPrice: l.unitPrice, discountKind: l.discountKind, discountValue: l.discountValue,
          taxRateId: l.taxRateId, taxRate: l.taxRate, taxKind: l.taxKind, gross: l.gross, discount: l.discount, net: l.net,
        })),
      );
    }
    await writeAudit(tx, actor, actor.orgId, 'sales_order', id, 'create', { fromQuotation: quotationId, grandTotal: q.grandTotal });
  });
  return id;
}
