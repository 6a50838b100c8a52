import { NextResponse, type NextRequest } from 'next/server';
import { and, eq, inArray } from 'drizzle-orm';
import { getActor } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { products } from '@/server/db/schema';
import { catalogPrices } from '@/server/catalog/pricing';
import { CURRENCIES } from '@/server/organization';
import { isUuid } from '@/server/validation';

/**
 * The price each of some products has for a customer in a currency and tax mode ('' when nothing
 * prices it there): the quotation editor re-prices its catalogue lines when the currency changes.
 * Signed-in users only; the customer is read within the actor's scope (out of scope: general lists).
 */
export async function GET(req: NextRequest) {
  const actor = await getActor();
  if (!actor) return NextResponse.json({ error: 'unauthenticated' }, { status: 401 });
  const p = req.nextUrl.searchParams;
  const currency = p.get('currency') ?? '';
  if (!(CURRENCIES as readonly string[]).includes(currency)) return NextResponse.json({ error: 'currency' }, { status: 400 });
  const ids = [...new Set((p.get('ids') ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(isUuid))].slice(0, 500);
  const customerId = (p.get('customerId') ?? '').toLowerCase();
  const db = await getDb();
  const rows = ids.length
    ? await db
      .select({ id: products.id, price: products.price, floorPrice: products.floorPrice, taxRateId: products.taxRateId })
      .from(products)
      .where(and(eq(products.orgId, actor.orgId), inArray(products.id, ids)))
    : [];
  const prices = await catalogPrices(db, actor, {
    customerId: isUuid(customerId) ? customerId : null, currency, pricesIncludeTax: p.get('pricesIncludeTax') === 'true', products: rows,
  });
  return NextResponse.json(Object.fromEntries([...prices].map(([id, v]) => [id, v.price])), { headers: { 'Cache-Control': 'private, no-store' } });
}
