import 'server-only';
import Decimal from 'decimal.js';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { customers } from '../db/schema';
import type { Actor } from '../access/actor';
import { customerScope } from '../customers/queries';
import { listProducts, productName } from './products';
import { listPricesOf, priceListsFor } from './price-lists';
import { listTaxRates } from './tax-rates';
import { localName } from '@/lib/local-name';

export type PricedProduct = {
  id: string;
  code: string;
  name: string;
  unit: string;
  description: string;
  /** Unit price in the quotation's currency and tax mode, or '' when nothing prices it in that currency. */
  price: string;
  priceSource: 'customer' | 'list' | 'product' | 'none';
  taxRateId: string;
  /** For a stock-tracking product: on hand less reserved, never below zero (decimal string); else null. */
  available: string | null;
};

/** Converts a price between tax-inclusive and tax-exclusive at a rate, to four decimals. */
function convert(price: string, rate: string, fromInclusive: boolean, toInclusive: boolean): string {
  if (fromInclusive === toInclusive) return price;
  const r = new Decimal(rate);
  const v = fromInclusive ? new Decimal(price).times(100).div(r.plus(100)) : new Decimal(price).times(r.plus(100)).div(100);
  return v.toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toString();
}

/**
 * Catalogue search for a quotation line: each product with the price this customer gets in this
 * currency (their list, their group's list, a general list, else the product's own price when the
 * currency is the organization's), turned into the quotation's tax mode.
 */
export async function searchPricedProducts(
  db: Db,
  actor: Actor,
  q: { q: string; customerId: string | null; currency: string; pricesIncludeTax: boolean; language: string; limit?: number },
): Promise<PricedProduct[]> {
  const { rows } = await listProducts(db, actor, { q: q.q, limit: q.limit ?? 20 });
  if (!rows.length) return [];
  const priced = await catalogPrices(db, actor, { ...q, products: rows.map((r) => r.product) });
  return rows.map(({ product: p, unitName, unitNames }) => {
    const hit = priced.get(p.id)!;
    return {
      // The unit in the quotation's language too; the line's unit text then resolves to the same unit.
      id: p.id, code: p.code, name: productName(p, q.language), unit: unitName ? localName({ name: unitName, names: unitNames }, q.language) : p.unit, description: p.description,
      price: hit.price, priceSource: hit.priceSource, taxRateId: hit.taxRateId,
      available: p.tracksStock && p.kind === 'goods' ? Decimal.max(new Decimal(p.onHand).minus(p.reserved), 0).toString() : null,
    };
  });
}

type ProductRow = { id: string; price: string; floorPrice: string | null; taxRateId: string | null };
export type CatalogPrice = {
  /** Unit price in the asked currency and tax mode, or '' when nothing prices it in that currency. */
  price: string;
  priceSource: PricedProduct['priceSource'];
  /** The lowest unit price allowed without approval, in the same currency and tax mode, or ''. */
  floor: string;
  taxRateId: string;
};

/**
 * What each product costs this customer in a currency and tax mode, and its floor price: one read of
 * the customer, the lists and their items for all products at once (no query per product). The floor
 * comes from the list item that priced the product, else the product's own when the currency is the
 * organization's.
 */
export async function catalogPrices(
  db: Db,
  actor: Actor,
  q: { customerId: string | null; currency: string; pricesIncludeTax: boolean; products: ProductRow[] },
): Promise<Map<string, CatalogPrice>> {
  const out = new Map<string, CatalogPrice>();
  if (!q.products.length) return out;
  const rates = await listTaxRates(db, actor, { includeInactive: true });
  const defaultRate = rates.find((r) => r.isDefault) ?? rates[0];
  const rateOf = (id: string | null) => rates.find((r) => r.id === id) ?? defaultRate;
  let lists: Awaited<ReturnType<typeof priceListsFor>> = [];
  let ownListId: string | null = null;
  if (q.customerId) {
    const [c] = await db
      .select({ priceListId: customers.priceListId, customerGroup: customers.customerGroup })
      .from(customers)
      .where(and(eq(customers.id, q.customerId), customerScope(actor)));
    if (c) {
      lists = await priceListsFor(db, actor, c, q.currency);
      ownListId = c.priceListId;
    }
  } else {
    lists = await priceListsFor(db, actor, { priceListId: null, customerGroup: '' }, q.currency);
  }
  const prices = await listPricesOf(db, lists.map((l) => l.id), q.products.map((p) => p.id));
  for (const p of q.products) {
    const rate = rateOf(p.taxRateId);
    const r = rate?.rate ?? '0';
    let price = '';
    let floor = '';
    let priceSource: PricedProduct['priceSource'] = 'none';
    for (const list of lists) {
      const hit = prices.find((x) => x.priceListId === list.id && x.productId === p.id);
      if (hit) {
        price = convert(hit.price, r, list.pricesIncludeTax, q.pricesIncludeTax);
        if (hit.floorPrice !== null) floor = convert(hit.floorPrice, r, list.pricesIncludeTax, q.pricesIncludeTax);
        priceSource = list.id === ownListId ? 'customer' : 'list';
        break;
      }
    }
    if (q.currency === actor.org.currency) {
      if (!price) {
        price = convert(p.price, r, false, q.pricesIncludeTax);
        priceSource = 'product';
      }
      if (!floor && p.floorPrice !== null) floor = convert(p.floorPrice, r, false, q.pricesIncludeTax);
    }
    out.set(p.id, {
      price: price ? new Decimal(price).toString() : '', priceSource, floor: floor ? new Decimal(floor).toString() : '', taxRateId: rate?.id ?? '',
    });
  }
  return out;
}
