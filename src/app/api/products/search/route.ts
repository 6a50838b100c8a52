import { NextResponse, type NextRequest } from 'next/server';
import { getActor } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { searchPricedProducts } from '@/server/catalog';
import { CURRENCIES } from '@/server/organization';
import { isLocale } from '@/server/i18n/locales';
import { isUuid } from '@/server/validation';

/** Catalogue look-up for quotation lines, with the price this customer gets; signed-in users only. */
export async function GET(req: NextRequest) {
  const actor = await getActor();
  if (!actor) return NextResponse.json({ error: 'unauthenticated' }, { status: 401 });
  const p = req.nextUrl.searchParams;
  const currency = p.get('currency') ?? actor.org.currency;
  const language = p.get('language') ?? actor.locale;
  const customerId = p.get('customerId') ?? '';
  const rows = await searchPricedProducts(await getDb(), actor, {
    q: (p.get('q') ?? '').slice(0, 100),
    customerId: isUuid(customerId) ? customerId : null,
    currency: (CURRENCIES as readonly string[]).includes(currency) ? currency : actor.org.currency,
    pricesIncludeTax: p.get('pricesIncludeTax') === 'true',
    language: isLocale(language) ? language : 'en',
  });
  return NextResponse.json(rows, { headers: { 'Cache-Control': 'private, no-store' } });
}
