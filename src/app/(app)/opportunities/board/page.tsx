import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireActor } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { can } from '@/server/access/permissions';
import { listPipelines } from '@/server/pipelines';
import { listOpportunities } from '@/server/opportunities/queries';
import { boardColumns, funnelSummary } from '@/server/opportunities/funnel';
import { formatMoney, formatNumber } from '@/lib/format';
import type { Locale } from '@/server/i18n/locales';
import { FunnelBar } from '../funnel-bar';
import { FilterForm } from '../filter-form';
import { periodOf, query, readFilters } from '../filters';
import { Board, type BoardColumn } from './board';
import { nextStepView, requestTime } from '../next-step';
import { localName } from '@/lib/local-name';

const CARDS_PER_COLUMN = 50;

export async function generateMetadata() {
  return { title: (await getTranslations('deals'))('board') };
}

export default async function BoardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const t = await getTranslations('deals');
  const locale = (await getLocale()) as Locale;
  const now = requestTime();
  const { filters, bad } = readFilters(await searchParams);
  const db = await getDb();
  const pipelines = await listPipelines(db, actor);
  const pipeline = pipelines.find((p) => p.id === filters.pipelineId) ?? pipelines[0];
  const base = { ...filters, pipelineId: pipeline.id, stageId: '' };
  const [sums, funnel, ...cards] = await Promise.all([
    boardColumns(db, actor, pipeline.id, base),
    funnelSummary(db, actor, base, periodOf(filters, actor.org.timeZone)),
    ...pipeline.stages.map((s) =>
      listOpportunities(db, actor, { ...base, stageId: s.id, status: s.kind === 'open' ? 'open' : '', sort: 'amount' }, CARDS_PER_COLUMN),
    ),
  ]);
  const perStage = new Map<string, number>();
  for (const c of sums) perStage.set(c.stageId, (perStage.get(c.stageId) ?? 0) + c.n);
  const columns: BoardColumn[] = pipeline.stages.map((s, i) => {
    const mine = sums.filter((x) => x.stageId === s.id).sort((a, b) => (a.currency === actor.org.currency ? -1 : b.currency === actor.org.currency ? 1 : 0));
    return {
      id: s.id,
      name: localName(s, locale),
      kind: s.kind,
      count: t('dealCount', { count: perStage.get(s.id) ?? 0, formatted: formatNumber(perStage.get(s.id) ?? 0, locale) }),
      totals: mine.length ? mine.map((m) => formatMoney(m.total, m.currency, locale)) : [formatMoney('0', actor.org.currency, locale)],
      cards: cards[i].rows.map((d) => ({ id: d.id, version: d.version, title: d.title, customerName: d.customerName, amount: formatMoney(d.amount, d.currency, locale), ownerName: d.ownerName, starred: d.starred, next: nextStepView(d, t, locale, actor.org.timeZone, now) })),
      more: Boolean(cards[i].nextCursor),
      listHref: `/opportunities${query({ ...base, stageId: s.id })}`,
    };
  });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="h1">{t('board')}: {pipeline.name}</h1>
        <div className="flex flex-wrap gap-2">
          {pipelines.length > 1
            ? pipelines.map((p) => (
                <Link key={p.id} href={`/opportunities/board${query({ ...filters, pipelineId: p.id, stageId: '' })}`} className={p.id === pipeline.id ? 'btn-primary' : 'btn-secondary'}>{p.name}</Link>
              ))
            : null}
          <Link href={`/opportunities${query(base)}`} className="btn-secondary">{t('listView')}</Link>
          {can(actor, 'opportunity.create') ? <Link href="/opportunities/new" className="btn-primary">{t('new')}</Link> : null}
        </div>
      </div>
      <FunnelBar actor={actor} funnel={funnel} pipeline={pipeline} perStage={perStage} filters={base} base="/opportunities" />
      <FilterForm actor={actor} filters={base} pipelines={pipelines} action="/opportunities/board" showSort={false} />
      {bad ? <p role="alert" className="text-sm text-red-700">{t('badFilter')}</p> : null}
      <Board
        columns={columns}
        canMove={can(actor, 'opportunity.edit')}
        labels={{ moveTo: t('moveTo'), move: t('move'), seeAll: t('seeAll'), moving: t('moving'), empty: t('columnEmpty'), scrollLeft: t('scrollLeft'), scrollRight: t('scrollRight'), scrollHint: t('scrollHint') }}
      />
    </div>
  );
}
