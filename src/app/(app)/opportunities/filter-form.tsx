import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Actor } from '@/server/access/actor';
import { getDb } from '@/server/db/client';
import { listTeams } from '@/server/teams';
import { listTerritories } from '@/server/territories';
import { listAssignableUsers } from '@/server/users/queries';
import type { OpportunityFilters } from '@/server/opportunities/schemas';
import type { PipelineWithStages } from '@/server/pipelines';

/** Filters for the list and the board, sent in the address so views can be shared and bookmarked. */
export async function FilterForm({ actor, filters, pipelines, action, showSort }: {
  actor: Actor; filters: OpportunityFilters; pipelines: PipelineWithStages[]; action: string; showSort: boolean;
}) {
  const t = await getTranslations('deals');
  const db = await getDb();
  const [owners, teams, territories] = await Promise.all([listAssignableUsers(db, actor), listTeams(db, actor), listTerritories(db, actor)]);
  const myTeams = actor.role === 'manager' ? teams.filter((x) => x.managerId === actor.id) : actor.seesAll ? teams : [];
  const myTerritories = actor.seesAll ? territories : territories.filter((x) => actor.scopeTerritoryIds.includes(x.id));
  const sel = (name: keyof OpportunityFilters, label: string, options: { value: string; label: string }[], empty: string) => (
    <label className="flex flex-col gap-1 text-sm">
      <span className="text-slate-600">{label}</span>
      <select name={name} defaultValue={String(filters[name] ?? '')} className="input">
        <option value="">{empty}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </label>
  );
  const input = (name: keyof OpportunityFilters, label: string, type = 'text') => (
    <label className="flex flex-col gap-1 text-sm">
      <span className="text-slate-600">{label}</span>
      <input name={name} type={type} defaultValue={String(filters[name] ?? '')} className="input" inputMode={name.startsWith('amount') ? 'decimal' : undefined} />
    </label>
  );
  return (
    <details className="card" open={Object.entries(filters).some(([k, v]) => v && !['sort', 'cursor', 'pipelineId'].includes(k))}>
      <summary className="cursor-pointer font-medium">{t('filters')}</summary>
      <form method="get" action={action} className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4" role="search">
        {input('q', t('search'))}
        {pipelines.length > 1 ? sel('pipelineId', t('pipeline'), pipelines.map((p) => ({ value: p.id, label: p.name })), t('allPipelines')) : <input type="hidden" name="pipelineId" value={filters.pipelineId} />}
        {owners.length > 1 ? sel('ownerId', t('owner'), owners.map((o) => ({ value: o.id, label: o.name })), t('everyone')) : null}
        {myTeams.length ? sel('teamId', t('team'), myTeams.map((x) => ({ value: x.id, label: x.name })), t('allTeams')) : null}
        {myTerritories.length ? sel('territoryId', t('territory'), myTerritories.map((x) => ({ value: x.id, label: x.path })), t('allTerritories')) : null}
        {sel('status', t('statusLabel'), (['open', 'won', 'lost', 'standby'] as const).map((s) => ({ value: s, label: t(`status.${s}`) })), t('anyStatus'))}
        {sel('starred', t('starredFilter'), [{ value: '1', label: t('starredOnly') }], t('allDeals'))}
        {input('closeFrom', t('closeFrom'), 'date')}
        {input('closeTo', t('closeTo'), 'date')}
        {input('amountMin', t('amountMin'))}
        {input('amountMax', t('amountMax'))}
        {showSort ? sel('sort', t('sort'), (['amount', 'close', 'title'] as const).map((s) => ({ value: s, label: t(`sortBy.${s}`) })), t('sortBy.created')) : null}
        {filters.stageId ? <input type="hidden" name="stageId" value={filters.stageId} /> : null}
        <div className="flex items-end gap-2">
          <button type="submit" className="btn-primary">{t('apply')}</button>
          <Link href={action} className="btn-secondary">{t('clear')}</Link>
        </div>
      </form>
    </details>
  );
}
