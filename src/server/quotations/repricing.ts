import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { products } from '../db/schema';
import type { Actor } from '../access/actor';
import { catalogPrices } from '../catalog/pricing';
import type { LineInput } from './schemas';

type Previous = { currency: string; lines: { productId: string | null; unitPrice: string }[] };
type Target = { customerId: string | null; currency: string; pricesIncludeTax: boolean; lines: LineInput[]; pricesCheckedFor?: string };

const same = (a: string, b: string) => {
  const n = (s: string) => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);
  return n(a.trim()) === n(b.trim());
};

/**
 * A quotation whose currency changes keeps no price from the old currency by accident: each catalogue
 * line still carrying the price it had before (the rep did not type a new one) takes the catalogue's
 * price in the new currency, or, with none there, keeps its figure and is marked for the rep to
 * confirm (a marked line cannot be sent). An air conditioner at THB 18,900 is never sent at ₫18,900.
 *
 * The editor re-prices in the browser as soon as the currency changes; this is the server's own
 * guarantee for a form sent without that (or with a stale price).
 */
export async function repriceForCurrency(db: Db, actor: Actor, target: Target, previous: Previous | null): Promise<LineInput[]> {
  if (!previous || previous.currency === target.currency || target.pricesCheckedFor === target.currency) return target.lines;
  const untouched = target.lines.map((l) =>
    Boolean(l.productId) && previous.lines.some((p) => p.productId === l.productId && same(p.unitPrice, l.unitPrice)),
  );
  const ids = [...new Set(target.lines.filter((_, i) => untouched[i]).map((l) => l.productId!))];
  if (!ids.length) return target.lines;
  const rows = await db
    .select({ id: products.id, price: products.price, floorPrice: products.floorPrice, taxRateId: products.taxRateId })
    .from(products)
    .where(and(eq(products.orgId, actor.orgId), inArray(products.id, ids)));
  const prices = await catalogPrices(db, actor, { customerId: target.customerId, currency: target.currency, pricesIncludeTax: target.pricesIncludeTax, products: rows });
  return target.lines.map((l, i) => {
    if (!untouched[i]) return l;
    const hit = prices.get(l.productId!);
    return hit?.price ? { ...l, unitPrice: hit.price, priceToConfirm: false } : { ...l, priceToConfirm: true };
  });
}
