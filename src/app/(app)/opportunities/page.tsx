import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireActor } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { can } from '@/server/access/permissions';
import { listPipelines } from '@/server/pipelines';
import { listOpportunities } from '@/server/opportunities/queries';
import { boardColumns, funnelSummary } from '@/server/opportunities/funnel';
import { formatDate, formatMoney } from '@/lib/format';
import type { Locale } from '@/server/i18n/locales';
import { FunnelBar } from './funnel-bar';
import { FilterForm } from './filter-form';
import { periodOf, query, readFilters } from './filters';
import { Star } from 'lucide-react';
import { NextStep } from '@/components/deals/next-step';
import { nextStepView, requestTime } from './next-step';
import { localName } from '@/lib/local-name';

export async function generateMetadata() {
  return { title: (await getTranslations('deals'))('title') };
}

export default async function DealsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const t = await getTranslations('deals');
  const locale = (await getLocale()) as Locale;
  const now = requestTime();
  const { filters, bad } = readFilters(await searchParams);
  const db = await getDb();
  const pipelines = await listPipelines(db, actor);
  const pipeline = pipelines.find((p) => p.id === filters.pipelineId) ?? pipelines[0];
  const [{ rows, nextCursor }, funnel, columns] = await Promise.all([
    listOpportunities(db, actor, filters),
    funnelSummary(db, actor, filters, periodOf(filters, actor.org.timeZone)),
    boardColumns(db, actor, pipeline.id, { ...filters, stageId: '' }),
  ]);
  const perStage = new Map<string, number>();
  for (const c of columns) perStage.set(c.stageId, (perStage.get(c.stageId) ?? 0) + c.n);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="h1">{t('title')}</h1>
        <div className="flex gap-2">
          <Link href={`/opportunities/board${query({ ...filters, pipelineId: pipeline.id })}`} className="btn-secondary">{t('boardView')}</Link>
          {can(actor, 'opportunity.create') ? <Link href="/opportunities/new" className="btn-primary">{t('new')}</Link> : null}
        </div>
      </div>
      <FunnelBar actor={actor} funnel={funnel} pipeline={pipeline} perStage={perStage} filters={filters} base="/opportunities" />
      <FilterForm actor={actor} filters={filters} pipelines={pipelines} action="/opportunities" showSort />
      {bad ? <p role="alert" className="text-sm text-red-700">{t('badFilter')}</p> : null}
      {rows.length === 0 ? (
        <p className="card text-slate-600">{t('empty')}</p>
      ) : (
        <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white" data-testid="deal-list">
          {rows.map((d) => (
            <li key={d.id} className="grid gap-1 px-4 py-3 md:grid-cols-5 md:items-center">
              <Link href={`/opportunities/${d.id}`} className="link font-medium md:col-span-2">
                {d.starred ? <Star aria-hidden className="mr-1 inline h-4 w-4 fill-amber-400 text-amber-500 align-[-2px]" /> : null}{d.title}
              </Link>
              <span className="text-sm text-slate-600">{d.customerName}</span>
              <span className="text-sm">{localName({ name: d.stageName, names: d.stageNames }, locale)} · {formatMoney(d.amount, d.currency, locale)}</span>
              <span className="text-sm text-slate-600">
                {d.ownerName}
                {d.expectedCloseDate ? ` · ${formatDate(new Date(`${d.expectedCloseDate}T00:00:00Z`), locale, 'UTC')}` : ''}
              </span>
              <span className="md:col-span-5">
                <NextStep view={nextStepView(d, t, locale, actor.org.timeZone, now)} />
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="flex gap-2">
        {filters.cursor ? <Link href={`/opportunities${query(filters)}`} className="btn-secondary">{t('firstPage')}</Link> : null}
        {nextCursor ? <Link href={`/opportunities${query(filters, { cursor: nextCursor })}`} className="btn-secondary" rel="next">{t('nextPage')}</Link> : null}
      </div>
    </div>
  );
}
