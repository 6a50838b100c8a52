import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { priceListItems, priceLists, products } from '../db/schema';
import type { Actor } from '../access/actor';
import { assertCan } from '../access/permissions';
import { invalid, notFound, stale } from '../errors';
import { writeAudit } from '../audit/write';
import { money, requiredText, text, uuid } from '../validation';
import { parseAmount } from '../opportunities/amount';
import { CURRENCIES } from '../organization';

export type PriceList = typeof priceLists.$inferSelect;

const bool = (dflt: boolean) => z.preprocess((v) => (v === undefined ? dflt : v === 'on' || v === 'true' || v === true), z.boolean());

export const priceListInput = z.object({
  name: requiredText(120),
  currency: z.enum(CURRENCIES, { message: 'invalidChoice' }),
  customerGroup: z.preprocess((v) => v ?? '', text(60)),
  pricesIncludeTax: bool(false),
  active: bool(false),
});
export type PriceListInput = z.infer<typeof priceListInput>;

export const priceItemInput = z.object({ priceListId: uuid, productId: uuid, price: money({ required: true }), floorPrice: money({ empty: '' }).optional() });

export async function listPriceLists(db: Db, actor: Actor, opts: { activeOnly?: boolean } = {}): Promise<PriceList[]> {
  const where = opts.activeOnly ? and(eq(priceLists.orgId, actor.orgId), eq(priceLists.active, true)) : eq(priceLists.orgId, actor.orgId);
  return db.select().from(priceLists).where(where).orderBy(asc(priceLists.currency), asc(priceLists.name));
}

export async function getPriceList(db: Db, actor: Actor, id: string) {
  const [list] = await db.select().from(priceLists).where(and(eq(priceLists.id, id), eq(priceLists.orgId, actor.orgId)));
  if (!list) throw notFound();
  const items = await db
    .select({ productId: products.id, code: products.code, name: products.name, unit: products.unit, price: priceListItems.price, floorPrice: priceListItems.floorPrice })
    .from(priceListItems)
    .innerJoin(products, eq(products.id, priceListItems.productId))
    .where(eq(priceListItems.priceListId, id))
    .orderBy(asc(products.code));
  return { ...list, items };
}

export async function createPriceList(db: Db, actor: Actor, input: PriceListInput): Promise<string> {
  assertCan(actor, 'catalog.manage');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(priceLists)
      .values({ orgId: actor.orgId, name: input.name, currency: input.currency, customerGroup: input.customerGroup, pricesIncludeTax: input.pricesIncludeTax, active: input.active })
      .returning({ id: priceLists.id });
    await writeAudit(tx, actor, actor.orgId, 'price_list', row.id, 'create', { name: input.name, currency: input.currency });
    return row.id;
  });
}

/**
 * Edits a list's header. The list row is locked and the "no prices yet" rule for a currency change
 * is checked under that lock: setListPrice takes the same lock, so a price set at the same moment
 * either lands first (and the currency change is refused) or waits and sees the new currency.
 */
export async function updatePriceList(db: Db, actor: Actor, id: string, expectedVersion: number, input: PriceListInput): Promise<void> {
  assertCan(actor, 'catalog.manage');
  const current = await getPriceList(db, actor, id);
  if (current.currency !== input.currency && current.items.length) throw invalid({ currency: 'currencyHasPrices' });
  await db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ version: priceLists.version, currency: priceLists.currency })
      .from(priceLists)
      .where(and(eq(priceLists.id, id), eq(priceLists.orgId, actor.orgId)))
      .for('update');
    if (!locked) throw notFound();
    if (locked.version !== expectedVersion) throw stale();
    if (locked.currency !== input.currency) {
      const [item] = await tx.select({ productId: priceListItems.productId }).from(priceListItems).where(eq(priceListItems.priceListId, id)).limit(1);
      if (item) throw invalid({ currency: 'currencyHasPrices' });
    }
    await tx
      .update(priceLists)
      .set({
        name: input.name, currency: input.currency, customerGroup: input.customerGroup, pricesIncludeTax: input.pricesIncludeTax, active: input.active,
        version: expectedVersion + 1,
      })
      .where(eq(priceLists.id, id));
    await writeAudit(tx, actor, actor.orgId, 'price_list', id, 'update', { name: input.name });
  });
}

/**
 * Sets (or replaces) one product's price on a list. The price is read in the list's currency, so the
 * list row is locked (as updatePriceList does) and its currency must still be the one the price was
 * read in: a currency change in between refuses the price instead of storing 10.50 on a VND list.
 * Setting a price does not bump the list's version: it does not touch the header being edited.
 */
export async function setListPrice(db: Db, actor: Actor, input: z.infer<typeof priceItemInput>): Promise<void> {
  assertCan(actor, 'catalog.manage');
  const list = await getPriceList(db, actor, input.priceListId);
  const [p] = await db.select({ id: products.id }).from(products).where(and(eq(products.id, input.productId), eq(products.orgId, actor.orgId)));
  if (!p) throw invalid({ productId: 'unknownProduct' });
  const price = parseAmount(input.price, list.currency);
  // The floor (optional) is the lowest net unit price on this list without a manager's approval.
  const floor = input.floorPrice ? parseAmount(input.floorPrice, list.currency) : null;
  const errors: Record<string, string> = {};
  if ('error' in price) errors.price = price.error;
  if (floor && 'error' in floor) errors.floorPrice = floor.error;
  if (Object.keys(errors).length || 'error' in price || (floor && 'error' in floor)) throw invalid(errors);
  const floorPrice = floor ? floor.value : null;
  await db.transaction(async (tx) => {
    const [locked] = await tx.select({ currency: priceLists.currency }).from(priceLists).where(eq(priceLists.id, list.id)).for('update');
    if (!locked) throw notFound();
    if (locked.currency !== list.currency) throw stale();
    await tx
      .insert(priceListItems)
      .values({ priceListId: list.id, productId: p.id, price: price.value, floorPrice })
      .onConflictDoUpdate({ target: [priceListItems.priceListId, priceListItems.productId], set: { price: price.value, floorPrice } });
    await writeAudit(tx, actor, actor.orgId, 'price_list', list.id, 'price', { productId: p.id, price: price.value, floorPrice });
  });
}

export async function removeListPrice(db: Db, actor: Actor, priceListId: string, productId: string): Promise<void> {
  assertCan(actor, 'catalog.manage');
  await getPriceList(db, actor, priceListId);
  await db.transaction(async (tx) => {
    await tx.delete(priceListItems).where(and(eq(priceListItems.priceListId, priceListId), eq(priceListItems.productId, productId)));
    await writeAudit(tx, actor, actor.orgId, 'price_list', priceListId, 'unprice', { productId });
  });
}

/**
 * Which list prices a customer gets in a currency: their own default list first, then an active list
 * for their customer group, then a general list (no group). Returns the lists in that order.
 */
export async function priceListsFor(db: Db, actor: Actor, customer: { priceListId: string | null; customerGroup: string }, currency: string) {
  const lists = await db
    .select()
    .from(priceLists)
    .where(and(eq(priceLists.orgId, actor.orgId), eq(priceLists.active, true), eq(priceLists.currency, currency)));
  const own = lists.filter((l) => l.id === customer.priceListId);
  const group = customer.customerGroup ? lists.filter((l) => l.customerGroup === customer.customerGroup && l.id !== customer.priceListId) : [];
  const general = lists.filter((l) => !l.customerGroup && l.id !== customer.priceListId);
  return [...own, ...group, ...general];
}

export async function listPricesOf(db: Db, listIds: string[], productIds: string[]) {
  if (!listIds.length || !productIds.length) return [];
  return db
    .select()
    .from(priceListItems)
    .where(and(inArray(priceListItems.priceListId, listIds), inArray(priceListItems.productId, productIds)));
}
