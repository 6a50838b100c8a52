import 'server-only';
import { and, asc, desc, eq, gte, inArray, lt, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';
import { customers, opportunities, pipelines, stages, tasks, users } from '../db/schema';
import type { Actor } from '../access/actor';
import { filterPredicate } from '../opportunities/queries';
import { todayIn } from '../opportunities/commands';
import { monthOf, startOfDay } from './dates';
import { HOME_LIST } from './rep';

const owner = alias(users, 'home_owner');
/** More stages than any sane pipeline set has; a bound, not a page. */
const STAGE_ROWS = 200;
const PEOPLE_ROWS = 20;

const money = {
  n: sql<number>`count(*)`.mapWith(Number),
  amount: sql<string>`sum(${opportunities.amount})::text`,
};

/**
 * A manager's view of their team (an admin's of the whole organization): the open pipeline per
 * stage, deals won this month, and overdue open tasks per person. Everything is counted and summed
 * in SQL over the actor's scope only (the same predicate as the deal list), money per currency as
 * numeric, never in JS. Six bounded queries, whatever the data.
 */
export async function teamHome(db: Db, actor: Actor, now = new Date()) {
  const tz = actor.org.timeZone;
  const today = todayIn(tz, now);
  const month = monthOf(today);
  const open = filterPredicate(actor, { status: 'open' });
  const perStage = db
    .select({
      pipelineId: pipelines.id,
      pipelineName: pipelines.name,
      stageId: stages.id,
      stageName: stages.name,
      stageNames: stages.names,
      currency: opportunities.currency,
      ...money,
    })
    .from(opportunities)
    .innerJoin(customers, eq(customers.id, opportunities.customerId))
    .innerJoin(stages, eq(stages.id, opportunities.stageId))
    .innerJoin(pipelines, eq(pipelines.id, opportunities.pipelineId))
    .where(open)
    .groupBy(pipelines.id, pipelines.name, pipelines.position, stages.id, stages.name, stages.names, stages.position, opportunities.currency)
    .orderBy(asc(pipelines.position), asc(pipelines.name), asc(stages.position), asc(opportunities.currency))
    .limit(STAGE_ROWS);
  const openTotals = db
    .select({ currency: opportunities.currency, ...money })
    .from(opportunities)
    .innerJoin(customers, eq(customers.id, opportunities.customerId))
    .where(open)
    .groupBy(opportunities.currency)
    .orderBy(opportunities.currency);
  const wonThisMonth = and(filterPredicate(actor, { status: 'won' }), gte(opportunities.closedOn, month.from), lte(opportunities.closedOn, month.to));
  const wonTotals = db
    .select({ currency: opportunities.currency, ...money })
    .from(opportunities)
    .innerJoin(customers, eq(customers.id, opportunities.customerId))
    .where(wonThisMonth)
    .groupBy(opportunities.currency)
    .orderBy(opportunities.currency);
  const wonLatest = db
    .select({
      id: opportunities.id,
      title: opportunities.title,
      amount: opportunities.amount,
      currency: opportunities.currency,
      closedOn: opportunities.closedOn,
      customerName: customers.name,
      ownerName: owner.name,
    })
    .from(opportunities)
    .innerJoin(customers, eq(customers.id, opportunities.customerId))
    .innerJoin(owner, eq(owner.id, opportunities.ownerId))
    .where(wonThisMonth)
    .orderBy(desc(opportunities.closedOn), desc(opportunities.updatedAt), desc(opportunities.id))
    .limit(HOME_LIST);
  // Overdue as on My tasks: open and due before today began where the organization is. Whose tasks
  // a manager sees is whose records they see: themselves and their team.
  const n = sql<number>`count(*)`.mapWith(Number);
  const overdue = db
    .select({ userId: users.id, name: users.name, n })
    .from(tasks)
    .innerJoin(users, eq(users.id, tasks.assigneeId))
    .where(
      and(
        eq(tasks.orgId, actor.orgId),
        actor.seesAll ? undefined : inArray(tasks.assigneeId, actor.scopeUserIds),
        eq(tasks.done, false),
        lt(tasks.dueAt, startOfDay(today, tz)),
      ),
    )
    .groupBy(users.id, users.name)
    .orderBy(desc(sql`count(*)`), asc(users.name), asc(users.id))
    .limit(PEOPLE_ROWS);
  const [stageRows, openSum, wonSum, won, late] = await Promise.all([perStage, openTotals, wonTotals, wonLatest, overdue]);

  type Stage = { pipelineId: string; pipelineName: string; stageId: string; stageName: string; stageNames: Record<string, string>; count: number; totals: { currency: string; amount: string }[] };
  const stagesOut: Stage[] = [];
  for (const r of stageRows) {
    let s = stagesOut.at(-1);
    if (!s || s.stageId !== r.stageId) {
      s = { pipelineId: r.pipelineId, pipelineName: r.pipelineName, stageId: r.stageId, stageName: r.stageName, stageNames: r.stageNames, count: 0, totals: [] };
      stagesOut.push(s);
    }
    s.count += r.n;
    s.totals.push({ currency: r.currency, amount: r.amount });
  }
  const pick = (rows: { currency: string; n: number; amount: string }[]) => ({
    count: rows.reduce((s, m) => s + m.n, 0),
    totals: rows.map((m) => ({ currency: m.currency, amount: m.amount })),
  });
  return {
    today,
    month,
    pipeline: { stages: stagesOut, ...pick(openSum) },
    won: { rows: won, ...pick(wonSum) },
    overdue: late,
  };
}
export type TeamHome = Awaited<ReturnType<typeof teamHome>>;
