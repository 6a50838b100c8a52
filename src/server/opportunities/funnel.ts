import 'server-only';
import { and, eq, gte, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { customers, opportunities } from '../db/schema';
import type { Actor } from '../access/actor';
import { rowsOf } from '../access/load-actor';
import { filterPredicate } from './queries';
import type { OpportunityFilters } from './schemas';

export type MoneyByCurrency = { currency: string; amount: string }[];

export type Funnel = {
  openCount: number;
  pipelineValue: MoneyByCurrency;
  weightedValue: MoneyByCurrency;
  won: number;
  lost: number;
  /** won / (won + lost) in percent with one decimal, as a string; null when nothing closed. */
  winRate: string | null;
};

/**
 * The funnel for exactly the deals the actor may see, aggregated in SQL. Amounts stay numeric
 * strings per currency; weighted value is amount x probability / 100, rounded half-up to cents.
 */
export async function funnelSummary(db: Db, actor: Actor, f: Partial<OpportunityFilters>, period: { from: string; to: string }): Promise<Funnel> {
  const open = filterPredicate(actor, { ...f, status: 'open' });
  const money = await db
    .select({
      currency: opportunities.currency,
      n: sql<number>`count(*)`.mapWith(Number),
      total: sql<string>`sum(${opportunities.amount})::text`,
      weighted: sql<string>`round(sum(${opportunities.amount} * ${opportunities.probability}) / 100, 2)::text`,
    })
    .from(opportunities)
    .innerJoin(customers, eq(customers.id, opportunities.customerId))
    .where(open)
    .groupBy(opportunities.currency)
    .orderBy(opportunities.currency);
  const closedFilter = { ...f, status: '' as const, stageId: '' };
  const [closed] = await db
    .select({
      won: sql<number>`count(*) filter (where ${opportunities.status} = 'won')`.mapWith(Number),
      lost: sql<number>`count(*) filter (where ${opportunities.status} = 'lost')`.mapWith(Number),
    })
    .from(opportunities)
    .innerJoin(customers, eq(customers.id, opportunities.customerId))
    .where(and(filterPredicate(actor, closedFilter), gte(opportunities.closedOn, period.from), lte(opportunities.closedOn, period.to)));
  const won = closed?.won ?? 0;
  const lost = closed?.lost ?? 0;
  let winRate: string | null = null;
  if (won + lost > 0) {
    const rows = rowsOf<{ r: string }>(await db.execute(sql`select round(${won}::numeric * 100 / ${won + lost}, 1)::text as r`));
    winRate = rows[0]?.r ?? null;
  }
  return {
    openCount: money.reduce((s, m) => s + m.n, 0),
    pipelineValue: money.map((m) => ({ currency: m.currency, amount: m.total })),
    weightedValue: money.map((m) => ({ currency: m.currency, amount: m.weighted })),
    won,
    lost,
    winRate,
  };
}

/** Per stage of one pipeline: how many open deals (not on standby) and their total per currency. */
export async function boardColumns(db: Db, actor: Actor, pipelineId: string, f: Partial<OpportunityFilters>) {
  const status = f.status === 'won' || f.status === 'lost' ? f.status : '';
  const where = filterPredicate(actor, { ...f, pipelineId, stageId: '', status: status || '' });
  const hideStandby = sql`(${opportunities.standbyUntil} is null or ${opportunities.standbyUntil} <= (now() at time zone ${actor.org.timeZone})::date)`;
  return db
    .select({
      stageId: opportunities.stageId,
      currency: opportunities.currency,
      n: sql<number>`count(*)`.mapWith(Number),
      total: sql<string>`sum(${opportunities.amount})::text`,
    })
    .from(opportunities)
    .innerJoin(customers, eq(customers.id, opportunities.customerId))
    .where(and(where, hideStandby))
    .groupBy(opportunities.stageId, opportunities.currency);
}
