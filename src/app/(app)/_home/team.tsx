import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AlarmClock, ChartNoAxesColumn, Trophy } from 'lucide-react';
import type { Actor } from '@/server/access/actor';
import type { TeamHome } from '@/server/home/team';
import type { Locale } from '@/server/i18n/locales';
import { formatNumber } from '@/lib/format';
import { localName } from '@/lib/local-name';
import { Block, Empty, Money, Totals, formatDay, monthName } from './ui';

/** A manager's team (an admin's company): open pipeline per stage, this month's wins, overdue tasks per person. */
export async function TeamBlocks({ actor, data, locale }: { actor: Actor; data: TeamHome; locale: Locale }) {
  const t = await getTranslations('home.team');
  const pipelines = new Set(data.pipeline.stages.map((s) => s.pipelineId));
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <Block title={actor.seesAll ? t('pipelineOrg') : t('pipeline')} icon={ChartNoAxesColumn} testId="home-pipeline" footer={data.pipeline.count ? { href: '/opportunities?status=open', label: t('deals') } : null}>
        {data.pipeline.count === 0 ? <Empty>{t('pipelineEmpty')}</Empty> : (
          <>
            <div className="rounded-md bg-indigo-50 px-3 py-2">
              <p className="text-sm text-slate-700">{t('pipelineCount', { count: data.pipeline.count })}</p>
              <div className="text-lg font-semibold" data-testid="home-pipeline-total">
                <Totals items={data.pipeline.totals} locale={locale} orgCurrency={actor.org.currency} />
              </div>
            </div>
            <ul className="divide-y divide-slate-100" aria-label={t('stage')}>
              {data.pipeline.stages.map((s) => {
                const name = localName({ name: s.stageName, names: s.stageNames }, locale);
                return (
                  <li key={s.stageId} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5 py-2" data-testid="home-stage">
                    <div className="min-w-0">
                      <Link
                        href={`/opportunities?${new URLSearchParams({ pipelineId: s.pipelineId, stageId: s.stageId, status: 'open' })}`}
                        className="link font-medium [overflow-wrap:anywhere]"
                        aria-label={t('stageLink', { stage: name })}
                      >
                        {name}
                      </Link>
                      {pipelines.size > 1 ? <span className="text-xs text-slate-500"> · {s.pipelineName}</span> : null}
                      <span className="ml-2 rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">{formatNumber(s.count, locale)}</span>
                    </div>
                    <span className="text-right text-sm"><Totals items={s.totals} locale={locale} orgCurrency={actor.org.currency} compact={false} /></span>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </Block>

      <Block title={t('won')} icon={Trophy} testId="home-won" footer={data.won.count ? { href: '/opportunities?status=won', label: t('allWon') } : null}>
        {data.won.count === 0 ? <Empty>{t('wonEmpty')}</Empty> : (
          <>
            <div className="rounded-md bg-emerald-50 px-3 py-2">
              <p className="text-sm text-slate-700">{t('wonCount', { count: data.won.count, month: monthName(data.month.from, locale) })}</p>
              <div className="text-lg font-semibold" data-testid="home-won-total">
                <Totals items={data.won.totals} locale={locale} orgCurrency={actor.org.currency} />
              </div>
            </div>
            <ul className="divide-y divide-slate-100">
              {data.won.rows.map((d) => (
                <li key={d.id} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5 py-2">
                  <div className="min-w-0">
                    <Link href={`/opportunities/${d.id}`} className="link font-medium [overflow-wrap:anywhere]">{d.title}</Link>
                    <p className="text-sm text-slate-600 [overflow-wrap:anywhere]">
                      {t('wonBy', { customer: d.customerName, owner: d.ownerName, date: d.closedOn ? formatDay(d.closedOn, locale) : '' })}
                    </p>
                  </div>
                  <span className="text-sm font-medium"><Money amount={d.amount} currency={d.currency} locale={locale} /></span>
                </li>
              ))}
            </ul>
          </>
        )}
      </Block>

      <Block title={t('overdue')} icon={AlarmClock} testId="home-overdue">
        {data.overdue.length === 0 ? <Empty>{t('overdueEmpty')}</Empty> : (
          <ul className="divide-y divide-slate-100">
            {data.overdue.map((r) => (
              <li key={r.userId} className="flex flex-wrap items-baseline justify-between gap-x-3 py-2">
                <span className="min-w-0 font-medium [overflow-wrap:anywhere]">{r.name}</span>
                <Link href={r.userId === actor.id ? '/tasks' : `/tasks?${new URLSearchParams({ assignee: r.userId })}`} className="link text-sm font-medium text-red-700">
                  {t('overdueTasks', { count: r.n })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Block>
    </div>
  );
}
