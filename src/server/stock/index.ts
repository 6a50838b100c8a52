import 'server-only';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import Decimal from 'decimal.js';
import { z } from 'zod';
import type { Db } from '../db/client';
import { products, stockMoves, users } from '../db/schema';
import type { Actor } from '../access/actor';
import { assertCan } from '../access/permissions';
import { invalid, notFound } from '../errors';
import { writeAudit } from '../audit/write';
import { isUuid, longText, numberError, canonicalDecimal, plainNumber, uuid } from '../validation';

/**
 * A signed quantity: the shared quantity rules (at most 14 integer digits and 4 decimals, no 1e5,
 * no NaN) with a sign allowed in front, and not zero (an adjustment of nothing is a typo).
 */
const signedQuantity = z.preprocess(
  (v) => (typeof v === 'string' || typeof v === 'number' || v == null ? plainNumber(v) : v),
  z
    .string({ message: 'invalidAmount' })
    .max(60, 'amountTooLarge')
    .superRefine((v, ctx) => {
      if (v === '') return void ctx.addIssue({ code: 'custom', message: 'required' });
      const sign = /^[+-]/.test(v);
      const e = numberError(sign ? v.slice(1) : v, { decimals: 4, tooBigKey: 'amountTooLarge', negativeKey: 'invalidAmount', zero: false });
      if (e) ctx.addIssue({ code: 'custom', message: e });
    })
    .transform((v) => (v.startsWith('-') ? `-${canonicalDecimal(v.slice(1))}` : canonicalDecimal(v.replace(/^\+/, '')))),
);

export const stockAdjustmentInput = z.object({
  productId: uuid,
  quantity: signedQuantity,
  note: longText(1000),
});
export type StockAdjustmentInput = z.infer<typeof stockAdjustmentInput>;

/**
 * Corrects a product's stock on hand by a signed quantity (a count found more or fewer), for
 * managers and admins. The product row is locked, so the result is checked against the figure that
 * is really there: it may not go below zero (nor, the CHECK being the last line of defence, ever
 * reach the database that way).
 */
export async function adjustStock(db: Db, actor: Actor, productId: string, input: { quantity: string; note: string }): Promise<{ onHand: string }> {
  assertCan(actor, 'stock.adjust');
  if (!isUuid(productId)) throw notFound();
  return db.transaction(async (tx) => {
    const [p] = await tx
      .select({ id: products.id, onHand: products.onHand, tracksStock: products.tracksStock, kind: products.kind })
      .from(products)
      .where(and(eq(products.id, productId), eq(products.orgId, actor.orgId)))
      .for('update');
    if (!p) throw notFound();
    if (!p.tracksStock) throw invalid({ quantity: 'invalid' });
    const next = new Decimal(p.onHand).plus(input.quantity);
    if (next.isNeg()) throw invalid({ quantity: 'stockBelowZero' });
    if (next.gte('1e14')) throw invalid({ quantity: 'amountTooLarge' });
    await tx.update(products).set({ onHand: next.toFixed(), updatedAt: new Date() }).where(eq(products.id, productId));
    await tx.insert(stockMoves).values({ orgId: actor.orgId, productId, kind: 'adjustment', quantity: new Decimal(input.quantity).toFixed(), note: input.note, createdById: actor.id });
    await writeAudit(tx, actor, actor.orgId, 'product', productId, 'stockAdjust', { quantity: input.quantity, onHand: next.toFixed() });
    return { onHand: next.toFixed() };
  });
}

export type Availability = { onHand: string; reserved: string; available: string };

/**
 * Stock of the organization's stock-tracking products among `productIds`, in one query: on hand,
 * reserved by confirmed orders, and what is left to promise (never below zero). Products that do
 * not track stock (or are unknown) are absent from the map.
 */
export async function availability(db: Db, actor: Actor, productIds: string[]): Promise<Map<string, Availability>> {
  const ids = [...new Set(productIds.filter(isUuid).map((i) => i.toLowerCase()))];
  if (!ids.length) return new Map();
  const rows = await db
    .select({
      id: products.id, onHand: products.onHand, reserved: products.reserved,
      available: sql<string>`greatest(${products.onHand} - ${products.reserved}, 0)::text`,
    })
    .from(products)
    .where(and(inArray(products.id, ids), eq(products.orgId, actor.orgId), eq(products.tracksStock, true)));
  const trim = (v: string) => new Decimal(v).toFixed();
  return new Map(rows.map((r) => [r.id, { onHand: trim(r.onHand), reserved: trim(r.reserved), available: trim(r.available) }]));
}

/** A product's latest stock moves (the organization's catalogue is everyone's to read). */
export async function stockMovesOf(db: Db, actor: Actor, productId: string, limit = 20) {
  if (!isUuid(productId)) return [];
  return db
    .select({
      id: stockMoves.id, kind: stockMoves.kind, quantity: stockMoves.quantity, note: stockMoves.note, deliveryId: stockMoves.deliveryId,
      createdAt: stockMoves.createdAt, byName: users.name,
    })
    .from(stockMoves)
    .leftJoin(users, eq(users.id, stockMoves.createdById))
    .where(and(eq(stockMoves.productId, productId), eq(stockMoves.orgId, actor.orgId)))
    .orderBy(desc(stockMoves.createdAt), desc(stockMoves.id))
    .limit(limit);
}
