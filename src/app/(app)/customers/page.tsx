import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireActor } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { countCustomers, listCustomers } from '@/server/customers/queries';
import { customerFilters } from '@/server/customers/schemas';
import { can } from '@/server/access/permissions';
import { formatNumber } from '@/lib/format';
import type { Locale } from '@/server/i18n/locales';
import { customerPickers } from './pickers';

export async function generateMetadata() {
  return { title: (await getTranslations('customers'))('title') };
}

export default async function CustomersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const t = await getTranslations('customers');
  const locale = (await getLocale()) as Locale;
  const raw = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
  const parsed = customerFilters.safeParse({ q: one(raw.q), territoryId: one(raw.territoryId), ownerId: one(raw.ownerId), cursor: one(raw.cursor) });
  const filters = parsed.success ? parsed.data : { q: '', territoryId: '', ownerId: '', cursor: '' };
  const db = await getDb();
  const [{ rows, nextCursor }, total, pickers] = await Promise.all([
    listCustomers(db, actor, filters),
    countCustomers(db, actor, filters),
    customerPickers(actor),
  ]);
  const qs = (extra: Record<string, string>) =>
    '?' + new URLSearchParams(Object.entries({ q: filters.q, territoryId: filters.territoryId, ownerId: filters.ownerId, ...extra }).filter(([, v]) => v)).toString();

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="h1">{t('title')}</h1>
        {can(actor, 'customer.create') ? (
          <Link href="/customers/new" className="btn-primary">
            {t('new')}
          </Link>
        ) : null}
      </div>
      <form method="get" className="card grid gap-3 sm:grid-cols-4" role="search">
        <input name="q" defaultValue={filters.q} placeholder={t('searchPlaceholder')} aria-label={t('search')} className="input sm:col-span-2" />
        <select name="territoryId" defaultValue={filters.territoryId} aria-label={t('territory')} className="input">
          <option value="">{t('allTerritories')}</option>
          {pickers.territories.map((o) => (
            <option key={o.value} value={o.value}>{o.label}</option>
          ))}
        </select>
        <select name="ownerId" defaultValue={filters.ownerId} aria-label={t('owner')} className="input">
          <option value="">{t('allOwners')}</option>
          {pickers.owners.map((o) => (
            <option key={o.value} value={o.value}>{o.label}</option>
          ))}
        </select>
        <div className="flex gap-2 sm:col-span-4">
          <button type="submit" className="btn-primary">{t('search')}</button>
          <Link href="/customers" className="btn-secondary">{t('clear')}</Link>
        </div>
      </form>
      {!parsed.success ? <p role="alert" className="text-sm text-red-700">{t('badFilter')}</p> : null}
      <p className="text-sm text-slate-600" data-testid="customer-total">{t('total', { count: total, formatted: formatNumber(total, locale) })}</p>
      {rows.length === 0 ? (
        <p className="card text-slate-600">{t('empty')}</p>
      ) : (
        <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white" data-testid="customer-list">
          {rows.map((c) => (
            <li key={c.id} className="grid gap-1 px-4 py-3 sm:grid-cols-4 sm:items-center">
              <Link href={`/customers/${c.id}`} className="link font-medium sm:col-span-2">{c.name}</Link>
              <span className="text-sm text-slate-600">{c.territoryName ?? t('noTerritory')}</span>
              <span className="text-sm text-slate-600">{c.ownerName}{c.phone ? ` · ${c.phone}` : ''}</span>
            </li>
          ))}
        </ul>
      )}
      <div className="flex gap-2">
        {filters.cursor ? <Link href={`/customers${qs({})}`} className="btn-secondary">{t('firstPage')}</Link> : null}
        {nextCursor ? <Link href={`/customers${qs({ cursor: nextCursor })}`} className="btn-secondary" rel="next">{t('nextPage')}</Link> : null}
      </div>
    </div>
  );
}
