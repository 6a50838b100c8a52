import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requireActor } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { can } from '@/server/access/permissions';
import { listOrders, ORDER_STATUSES, type OrderStatus } from '@/server/orders';
import { OrderRows } from './rows';

export async function generateMetadata() {
  return { title: (await getTranslations('orders'))('title') };
}

export default async function OrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const t = await getTranslations('orders');
  // A repeated parameter (?q=a&q=b) counts once; a tampered cursor is dropped by the query.
  const sp = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const status: OrderStatus | '' = (ORDER_STATUSES as readonly string[]).includes(sp.status ?? '') ? (sp.status as OrderStatus) : '';
  const filters = { q: (sp.q ?? '').slice(0, 100), status, cursor: sp.cursor };
  const { rows, nextCursor } = await listOrders(await getDb(), actor, filters);
  const qs = (extra: Record<string, string>) => '?' + new URLSearchParams(Object.entries({ q: filters.q, status, ...extra }).filter(([, v]) => v)).toString();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="h1">{t('title')}</h1>
        {can(actor, 'order.manage') ? <Link href="/orders/new" className="btn-primary">{t('new')}</Link> : null}
      </div>
      <form method="get" role="search" className="card grid gap-3 sm:grid-cols-4 sm:items-center">
        <input name="q" defaultValue={filters.q} aria-label={t('search')} placeholder={t('search')} className="input sm:col-span-2" />
        <select name="status" defaultValue={status} aria-label={t('allStatuses')} className="input">
          <option value="">{t('allStatuses')}</option>
          {ORDER_STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
        </select>
        <button type="submit" className="btn-primary">{t('filter')}</button>
      </form>
      {rows.length === 0 ? <p className="card text-slate-600">{t('empty')}</p> : <OrderRows rows={rows} />}
      {nextCursor ? <Link href={`/orders${qs({ cursor: nextCursor })}`} className="btn-secondary" rel="next">{t('more')}</Link> : null}
    </div>
  );
}
