import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { customers, opportunities, tasks, users } from '../db/schema';
import type { Actor } from '../access/actor';
import { assertCan } from '../access/permissions';
import { assignableUserIds } from '../access/visibility';
import { invalid, notFound } from '../errors';
import { writeAudit } from '../audit/write';
import { getCustomer } from '../customers/queries';
import { getOpportunity } from '../opportunities/queries';
import { zonedToInstant } from '../activities';
import { isUuid, optionalUuid, requiredText, text } from '../validation';

export const taskInput = z.object({
  title: requiredText(200),
  notes: text(2000).optional().default(''),
  // datetime-local, read in the organization's time zone
  dueAt: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'invalidDate'),
  assigneeId: z.preprocess((v) => v ?? '', optionalUuid),
  customerId: z.preprocess((v) => v ?? '', optionalUuid),
  opportunityId: z.preprocess((v) => v ?? '', optionalUuid),
});
export type TaskInput = z.infer<typeof taskInput>;

export async function createTask(db: Db, actor: Actor, input: TaskInput): Promise<string> {
  assertCan(actor, 'task.manage');
  const assigneeId = input.assigneeId ?? actor.id;
  const allowed = assignableUserIds(actor);
  if (allowed !== 'all' && !allowed.includes(assigneeId)) throw invalid({ assigneeId: 'notAllowedOwner' });
  let customerId = input.customerId;
  if (input.opportunityId) customerId = (await getOpportunity(db, actor, input.opportunityId)).customerId;
  else if (customerId) await getCustomer(db, actor, customerId);
  const dueAt = zonedToInstant(input.dueAt, actor.org.timeZone);
  if (Number.isNaN(dueAt.getTime())) throw invalid({ dueAt: 'invalidDate' });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(tasks)
      .values({ orgId: actor.orgId, title: input.title, notes: input.notes, dueAt, assigneeId, createdById: actor.id, customerId, opportunityId: input.opportunityId })
      .returning({ id: tasks.id });
    await writeAudit(tx, actor, actor.orgId, 'task', row.id, 'create', { assigneeId });
    return row.id;
  });
}

/** Done / not done, by the assignee, the creator, or someone who sees the assignee's records. */
export async function setTaskDone(db: Db, actor: Actor, id: string, done: boolean): Promise<void> {
  if (!isUuid(id)) throw notFound();
  const [t] = await db.select().from(tasks).where(and(eq(tasks.id, id), eq(tasks.orgId, actor.orgId)));
  if (!t || !(actor.seesAll || t.createdById === actor.id || actor.scopeUserIds.includes(t.assigneeId))) throw notFound();
  assertCan(actor, 'task.manage');
  await db.update(tasks).set({ done, doneAt: done ? new Date() : null }).where(eq(tasks.id, id));
}

/** My open tasks split into overdue, today and upcoming, in the organization's time zone. */
export async function myTasks(db: Db, actor: Actor, now = new Date()) {
  const today = sql`(${now.toISOString()}::timestamptz at time zone ${actor.org.timeZone})::date`;
  const dueDay = sql`(${tasks.dueAt} at time zone ${actor.org.timeZone})::date`;
  const rows = await db
    .select({
      id: tasks.id, title: tasks.title, notes: tasks.notes, dueAt: tasks.dueAt, customerId: tasks.customerId, opportunityId: tasks.opportunityId,
      customerName: customers.name, dealTitle: opportunities.title, createdBy: users.name,
      bucket: sql<'overdue' | 'today' | 'upcoming'>`case when ${tasks.dueAt} < ${now.toISOString()}::timestamptz and ${dueDay} < ${today} then 'overdue' when ${dueDay} = ${today} then 'today' else 'upcoming' end`,
    })
    .from(tasks)
    .leftJoin(customers, eq(customers.id, tasks.customerId))
    .leftJoin(opportunities, eq(opportunities.id, tasks.opportunityId))
    .innerJoin(users, eq(users.id, tasks.createdById))
    .where(and(eq(tasks.assigneeId, actor.id), eq(tasks.done, false)))
    .orderBy(asc(tasks.dueAt));
  return {
    overdue: rows.filter((r) => r.bucket === 'overdue'),
    today: rows.filter((r) => r.bucket === 'today'),
    upcoming: rows.filter((r) => r.bucket === 'upcoming'),
  };
}

