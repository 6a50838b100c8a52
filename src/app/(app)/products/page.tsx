import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireActor } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { can } from '@/server/access/permissions';
import { listProducts, productName } from '@/server/catalog';
import { localName } from '@/lib/local-name';
import { formatMoney } from '@/lib/format';
import { trimZeros } from '@/server/quotations/commands';
import type { Locale } from '@/server/i18n/locales';

export async function generateMetadata() {
  return { title: (await getTranslations('catalog'))('products') };
}

/** The catalogue: everyone reads it; managers and admins keep it. */
export default async function ProductsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requireActor();
  const t = await getTranslations('catalog');
  const locale = (await getLocale()) as Locale;
  const sp = await searchParams;
  const q = (sp.q ?? '').slice(0, 100);
  const includeRetired = sp.retired === '1';
  const { rows, next } = await listProducts(await getDb(), actor, { q, includeRetired, after: sp.after });
  const manage = can(actor, 'catalog.manage');
  const qs = new URLSearchParams(Object.entries({ q, retired: includeRetired ? '1' : '' }).filter(([, v]) => v));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="h1">{t('products')}</h1>
        <div className="flex flex-wrap gap-2">
          <Link href="/price-lists" className="btn-secondary">{t('priceLists')}</Link>
          {manage ? <Link href="/admin/units" className="btn-secondary">{t('units')}</Link> : null}
          {manage ? <Link href="/products/new" className="btn-primary">{t('newProduct')}</Link> : null}
        </div>
      </div>
      <form method="get" role="search" className="card flex flex-wrap items-center gap-3">
        <input name="q" defaultValue={q} aria-label={t('search')} placeholder={t('search')} className="input flex-1" />
        <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="retired" value="1" defaultChecked={includeRetired} />{t('showRetired')}</label>
        <button className="btn-primary" type="submit">{t('find')}</button>
      </form>
      {rows.length === 0 ? <p className="card text-slate-600">{t('empty')}</p> : (
        <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white" data-testid="product-list">
          {rows.map(({ product: p, taxName, taxNames, unitName, unitNames }) => (
            <li key={p.id} className="grid gap-1 px-4 py-3 sm:grid-cols-5 sm:items-center">
              <span className="font-mono text-sm">{p.code}</span>
              {manage ? <Link href={`/products/${p.id}`} className="link sm:col-span-2">{productName(p, locale)}</Link> : <span className="sm:col-span-2">{productName(p, locale)}</span>}
              <span className="text-sm sm:text-right">{formatMoney(trimZeros(p.price), actor.org.currency, locale)}{unitName ? ` / ${localName({ name: unitName, names: unitNames }, locale)}` : p.unit ? ` / ${p.unit}` : ''}</span>
              <span className="text-sm text-slate-600">{taxName ? localName({ name: taxName, names: taxNames }, locale) : t('defaultTax')}{p.active ? '' : ` · ${t('retired')}`}</span>
            </li>
          ))}
        </ul>
      )}
      {next ? <Link className="btn-secondary" rel="next" href={`/products?${qs}&after=${encodeURIComponent(next)}`}>{t('more')}</Link> : null}
    </div>
  );
}
