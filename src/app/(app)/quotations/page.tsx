import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requireActor } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { can } from '@/server/access/permissions';
import { listQuotations, QUOTATION_STATUSES, type QuotationStatus } from '@/server/quotations';
import { QuotationRows } from './rows';

export async function generateMetadata() {
  return { title: (await getTranslations('quotations'))('title') };
}

export default async function QuotationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const t = await getTranslations('quotations');
  // A repeated parameter (?q=a&q=b) counts once; a tampered cursor is dropped by the query.
  const sp = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const status: QuotationStatus | '' = (QUOTATION_STATUSES as readonly string[]).includes(sp.status ?? '') ? (sp.status as QuotationStatus) : '';
  const awaitingApproval = sp.approval === '1';
  const filters = { q: (sp.q ?? '').slice(0, 100), status, cursor: sp.cursor, awaitingApproval };
  const { rows, nextCursor } = await listQuotations(await getDb(), actor, filters);
  const qs = (extra: Record<string, string>) => '?' + new URLSearchParams(Object.entries({ q: filters.q, status, approval: awaitingApproval ? '1' : '', ...extra }).filter(([, v]) => v)).toString();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="h1">{t('title')}</h1>
        {can(actor, 'quotation.create') ? <Link href="/quotations/new" className="btn-primary">{t('new')}</Link> : null}
      </div>
      <form method="get" role="search" className="card grid gap-3 sm:grid-cols-5 sm:items-center">
        <input name="q" defaultValue={filters.q} aria-label={t('search')} placeholder={t('search')} className="input sm:col-span-2" />
        <select name="status" defaultValue={status} aria-label={t('allStatuses')} className="input">
          <option value="">{t('allStatuses')}</option>
          {QUOTATION_STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
        </select>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="approval" value="1" defaultChecked={awaitingApproval} data-testid="awaiting-approval" />
          {t('approval.awaiting')}
        </label>
        <button type="submit" className="btn-primary">{t('filter')}</button>
      </form>
      {rows.length === 0 ? <p className="card text-slate-600">{t('empty')}</p> : <QuotationRows rows={rows} />}
      {nextCursor ? <Link href={`/quotations${qs({ cursor: nextCursor })}`} className="btn-secondary" rel="next">{t('more')}</Link> : null}
    </div>
  );
}

