import 'server-only';
import { and, asc, eq, gte, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { customers, opportunities, stages, tasks } from '../db/schema';
import type { Actor } from '../access/actor';
import { customerScopeOf, dealScopeOf } from '../access/scopes';
import { listNotifications } from '../notifications';
import { todayIn } from '../opportunities/commands';
import { addDays, monthOf, startOfDay } from './dates';

export const HOME_LIST = 6;

/**
 * A rep's day: open tasks due today or earlier, their own open deals expected to close this month
 * (with the month's total per currency) and the latest notifications. Four bounded queries,
 * whatever the data.
 */
export async function repHome(db: Db, actor: Actor, now = new Date()) {
  const tz = actor.org.timeZone;
  const today = todayIn(tz, now);
  const month = monthOf(today);
  const dueTasks = db
    .select({
      id: tasks.id,
      title: tasks.title,
      dueAt: tasks.dueAt,
      overdue: sql<boolean>`${tasks.dueAt} < ${startOfDay(today, tz)}`,
      // A record that has since left the rep's scope shows neither its name nor its link.
      customerId: customers.id,
      customerName: customers.name,
      opportunityId: opportunities.id,
      dealTitle: opportunities.title,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(tasks)
    .leftJoin(customers, and(eq(customers.id, tasks.customerId), customerScopeOf(actor)))
    .leftJoin(opportunities, and(eq(opportunities.id, tasks.opportunityId), dealScopeOf(actor)))
    .where(and(eq(tasks.orgId, actor.orgId), eq(tasks.assigneeId, actor.id), eq(tasks.done, false), lt(tasks.dueAt, startOfDay(addDays(today, 1), tz))))
    .orderBy(asc(tasks.dueAt), asc(tasks.id))
    .limit(HOME_LIST);
  const closing = and(
    dealScopeOf(actor),
    eq(opportunities.ownerId, actor.id),
    eq(opportunities.status, 'open'),
    gte(opportunities.expectedCloseDate, month.from),
    lte(opportunities.expectedCloseDate, month.to),
  );
  const closingDeals = db
    .select({
      id: opportunities.id,
      title: opportunities.title,
      amount: opportunities.amount,
      currency: opportunities.currency,
      expectedCloseDate: opportunities.expectedCloseDate,
      stageName: stages.name,
      stageNames: stages.names,
      customerName: customers.name,
    })
    .from(opportunities)
    .innerJoin(customers, eq(customers.id, opportunities.customerId))
    .innerJoin(stages, eq(stages.id, opportunities.stageId))
    .where(closing)
    .orderBy(asc(opportunities.expectedCloseDate), asc(opportunities.id))
    .limit(HOME_LIST);
  const closingTotals = db
    .select({
      currency: opportunities.currency,
      n: sql<number>`count(*)`.mapWith(Number),
      amount: sql<string>`sum(${opportunities.amount})::text`,
    })
    .from(opportunities)
    .innerJoin(customers, eq(customers.id, opportunities.customerId))
    .where(closing)
    .groupBy(opportunities.currency)
    .orderBy(opportunities.currency);
  const [due, deals, totals, notices] = await Promise.all([dueTasks, closingDeals, closingTotals, listNotifications(db, actor, 5)]);
  return {
    today,
    month,
    tasks: { rows: due, total: due[0]?.total ?? 0 },
    closing: { rows: deals, count: totals.reduce((s, m) => s + m.n, 0), totals: totals.map((m) => ({ currency: m.currency, amount: m.amount })) },
    notifications: notices,
  };
}
export type RepHome = Awaited<ReturnType<typeof repHome>>;
