import 'server-only';
import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { customers, opportunities, tasks, users } from '../db/schema';
import type { Actor } from '../access/actor';
import { customerScopeOf, dealScopeOf } from '../access/scopes';
import { todayIn } from '../opportunities/commands';
import { date, isUuid } from '../validation';
import { addDays, mondayOf, startOfDay } from '../home/dates';

/** A week holds at most this many tasks on screen; a bound, not a page. */
export const WEEK_LIMIT = 500;

/**
 * The week to show, from `?week=YYYY-MM-DD` (any day of it): a real calendar date by the shared date
 * type, else this week where the organization is. Never an error: a bad address shows this week.
 */
export function weekOf(param: unknown, timeZone: string, now = new Date()) {
  const today = todayIn(timeZone, now);
  const parsed = date().safeParse(typeof param === 'string' ? param : '');
  const thisMonday = mondayOf(today);
  const monday = parsed.success ? mondayOf(parsed.data) : thisMonday;
  return {
    today,
    monday,
    days: Array.from({ length: 7 }, (_, i) => addDays(monday, i)),
    previous: addDays(monday, -7),
    next: addDays(monday, 7),
    thisMonday,
    isThisWeek: monday === thisMonday,
  };
}
export type Week = ReturnType<typeof weekOf>;

/**
 * Whose tasks the page shows: one's own, or, for a manager, a team member's (an admin's or
 * finance's: anyone's in the organization), as the home page links to them. Anything else, or an id
 * out of scope, shows one's own tasks: an id tells nothing.
 */
export async function tasksOwner(db: Db, actor: Actor, param: unknown): Promise<{ id: string; name: string; own: boolean }> {
  const self = { id: actor.id, name: actor.name, own: true };
  if (!isUuid(param)) return self;
  const id = param.toLowerCase();
  if (id === actor.id || (!actor.seesAll && !actor.scopeUserIds.includes(id))) return self;
  const [u] = await db.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.id, id), eq(users.orgId, actor.orgId)));
  return u ? { ...u, own: false } : self;
}

/** One week of someone's tasks (done ones too, so the week reads as it was), in one query. */
export async function tasksOfWeek(db: Db, actor: Actor, week: Week, assigneeId = actor.id) {
  const tz = actor.org.timeZone;
  return db
    .select({
      id: tasks.id,
      title: tasks.title,
      dueAt: tasks.dueAt,
      done: tasks.done,
      day: sql<string>`to_char(${tasks.dueAt} at time zone ${tz}, 'YYYY-MM-DD')`,
      overdue: sql<boolean>`(not ${tasks.done} and ${tasks.dueAt} < ${startOfDay(week.today, tz)})`,
      // A record that has since left the viewer's scope shows neither its name nor its link.
      customerId: customers.id,
      customerName: customers.name,
      opportunityId: opportunities.id,
      dealTitle: opportunities.title,
    })
    .from(tasks)
    .leftJoin(customers, and(eq(customers.id, tasks.customerId), customerScopeOf(actor)))
    .leftJoin(opportunities, and(eq(opportunities.id, tasks.opportunityId), dealScopeOf(actor)))
    .where(
      and(
        eq(tasks.orgId, actor.orgId),
        eq(tasks.assigneeId, assigneeId),
        gte(tasks.dueAt, startOfDay(week.monday, tz)),
        lt(tasks.dueAt, startOfDay(week.next, tz)),
      ),
    )
    .orderBy(asc(tasks.dueAt), asc(tasks.id))
    .limit(WEEK_LIMIT);
}
