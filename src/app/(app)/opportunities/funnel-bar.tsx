import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Actor } from '@/server/access/actor';
import type { Funnel } from '@/server/opportunities/funnel';
import type { PipelineWithStages } from '@/server/pipelines';
import type { OpportunityFilters } from '@/server/opportunities/schemas';
import type { Locale } from '@/server/i18n/locales';
import { formatNumber } from '@/lib/format';
import { MoneyList } from './money';
import { query } from './filters';
import { localName } from '@/lib/local-name';

/** The funnel over exactly the deals the viewer may see, with one link per stage to filter by it. */
export async function FunnelBar({ actor, funnel, pipeline, perStage, filters, base }: {
  actor: Actor; funnel: Funnel; pipeline: PipelineWithStages; perStage: Map<string, number>; filters: OpportunityFilters; base: string;
}) {
  const t = await getTranslations('deals');
  const locale = (await getLocale()) as Locale;
  const tile = (label: string, value: React.ReactNode, testId: string) => (
    // min-w-0 and wrapping anywhere: nothing in a card may push past its edge on a 375 px phone.
    <div className="card min-w-0">
      <p className="text-xs text-slate-500">{label}</p>
      <div className="mt-1 text-base font-semibold [overflow-wrap:anywhere] sm:text-lg" data-testid={testId}>{value}</div>
    </div>
  );
  return (
    <section className="space-y-3" aria-label={t('funnel')}>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        {tile(t('openDeals'), formatNumber(funnel.openCount, locale), 'funnel-open')}
        {tile(t('pipelineValue'), <MoneyList items={funnel.pipelineValue} locale={locale} orgCurrency={actor.org.currency} />, 'funnel-value')}
        {tile(t('weightedValue'), <MoneyList items={funnel.weightedValue} locale={locale} orgCurrency={actor.org.currency} />, 'funnel-weighted')}
        {tile(t('winRate'), funnel.winRate == null ? '—' : `${formatNumber(funnel.winRate, locale)} % (${funnel.won}/${funnel.won + funnel.lost})`, 'funnel-winrate')}
      </div>
      <nav aria-label={t('byStage')} className="flex flex-wrap gap-2 text-sm">
        {pipeline.stages.map((s) => (
          <Link
            key={s.id}
            href={`${base}${query({ ...filters, pipelineId: pipeline.id, stageId: s.id })}`}
            aria-current={filters.stageId === s.id ? 'true' : undefined}
            className={`rounded-full border px-3 py-1 ${filters.stageId === s.id ? 'border-indigo-500 bg-indigo-50 text-indigo-800' : 'border-slate-300 bg-white'}`}
          >
            {localName(s, locale)} <span className="text-slate-500">{formatNumber(perStage.get(s.id) ?? 0, locale)}</span>
          </Link>
        ))}
      </nav>
    </section>
  );
}
