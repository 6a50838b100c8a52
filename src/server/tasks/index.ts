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
import { zonedToInstant } from '../activities';
import { isUuid, localDateTime, longText, optionalUuid, requiredText } from '../validation';
import { checkRefs, collectRefs } from '../access/refs';
import { customerScopeOf, dealScopeOf } from '../access/scopes';
import { loadActor } from '../access/load-actor';
import { holdRefs } from '../access/refs';
import { requestJob } from '../jobs/nudge';

export const taskInput = z.object({
  title: requiredText(200),
  notes: longText(2000).optional().default(''),
  // datetime-local, read in the organization's time zone; a real wall-clock time within 2000-2100
  dueAt: localDateTime(),
  assigneeId: z.preprocess((v) => v ?? '', optionalUuid),
  customerId: z.preprocess((v) => v ?? '', optionalUuid),
  opportunityId: z.preprocess((v) => v ?? '', optionalUuid),
});
export type TaskInput = z.infer<typeof taskInput>;

/**
 * A task for oneself or, for a manager or admin, for someone they may assign. Its customer or deal
 * must be visible to the creator and to the assignee, so a task never shows someone a record out of
 * their scope. Every reference is re-read here and all bad ones are reported at once.
 */
export async function createTask(db: Db, actor: Actor, input: TaskInput): Promise<string> {
  assertCan(actor, 'task.manage');
  const assigneeId = input.assigneeId ?? actor.id;
  const refs = await checkRefs(db, actor, {
    assigneeId: { kind: 'user', id: assigneeId, among: assignableUserIds(actor) },
    opportunityId: { kind: 'deal', id: input.opportunityId },
    customerId: { kind: 'customer', id: input.opportunityId ? null : input.customerId },
  });
  const customerId = input.opportunityId ? (refs.opportunityId!.customerId as string) : input.customerId;
  if (assigneeId !== actor.id && (customerId || input.opportunityId)) {
    const assignee = await loadActor(db, assigneeId);
    const seen = assignee
      ? await collectRefs(db, assignee, {
          opportunityId: { kind: 'deal', id: input.opportunityId },
          customerId: { kind: 'customer', id: input.opportunityId ? null : customerId },
        })
      : { errors: { assigneeId: 'x' } };
    if (Object.keys(seen.errors).length) throw invalid({ assigneeId: 'assigneeCannotSee' });
  }
  const dueAt = zonedToInstant(input.dueAt!, actor.org.timeZone);
  if (Number.isNaN(dueAt.getTime())) throw invalid({ dueAt: 'invalidDate' });
  const id = await db.transaction(async (tx) => {
    await holdRefs(tx, { customerId: { table: 'customer', id: customerId }, opportunityId: { table: 'deal', id: input.opportunityId } });
    const [row] = await tx
      .insert(tasks)
      .values({ orgId: actor.orgId, title: input.title, notes: input.notes, dueAt, assigneeId, createdById: actor.id, customerId, opportunityId: input.opportunityId })
      .returning({ id: tasks.id });
    await writeAudit(tx, actor, actor.orgId, 'task', row.id, 'create', { assigneeId });
    return row.id;
  });
  // A task entered already due is reminded now, not at the runner's next minute.
  if (dueAt.getTime() <= Date.now()) await requestJob('reminders');
  return id;
}

/** Done / not done, by the assignee, the creator, or someone who sees the assignee's records. */
export async function setTaskDone(db: Db, actor: Actor, id: string, done: boolean): Promise<void> {
  if (!isUuid(id)) throw notFound();
  const [t] = await db.select().from(tasks).where(and(eq(tasks.id, id), eq(tasks.orgId, actor.orgId)));
  if (!t || !(actor.seesAll || t.createdById === actor.id || actor.scopeUserIds.includes(t.assigneeId))) throw notFound();
  assertCan(actor, 'task.manage');
  // Only a change writes: a task ticked twice at once (two tabs, two people) keeps the first doneAt.
  await db.update(tasks).set({ done, doneAt: done ? new Date() : null }).where(and(eq(tasks.id, id), eq(tasks.done, !done)));
}

/**
 * My open tasks split into overdue, today and upcoming, in the organization's time zone; or those of
 * someone whose records I see (the caller resolves who with `tasksOwner`).
 */
export async function myTasks(db: Db, actor: Actor, now = new Date(), assigneeId = actor.id) {
  const today = sql`(${now.toISOString()}::timestamptz at time zone ${actor.org.timeZone})::date`;
  const dueDay = sql`(${tasks.dueAt} at time zone ${actor.org.timeZone})::date`;
  const rows = await db
    .select({
      id: tasks.id, title: tasks.title, notes: tasks.notes, dueAt: tasks.dueAt, customerId: customers.id, opportunityId: opportunities.id,
      customerName: customers.name, dealTitle: opportunities.title, createdBy: users.name,
      bucket: sql<'overdue' | 'today' | 'upcoming'>`case when ${tasks.dueAt} < ${now.toISOString()}::timestamptz and ${dueDay} < ${today} then 'overdue' when ${dueDay} = ${today} then 'today' else 'upcoming' end`,
    })
    .from(tasks)
    // A record that has since left the assignee's scope shows neither its name nor its link.
    .leftJoin(customers, and(eq(customers.id, tasks.customerId), customerScopeOf(actor)))
    .leftJoin(opportunities, and(eq(opportunities.id, tasks.opportunityId), dealScopeOf(actor)))
    .innerJoin(users, eq(users.id, tasks.createdById))
    .where(and(eq(tasks.orgId, actor.orgId), eq(tasks.assigneeId, assigneeId), eq(tasks.done, false)))
    .orderBy(asc(tasks.dueAt));
  return {
    overdue: rows.filter((r) => r.bucket === 'overdue'),
    today: rows.filter((r) => r.bucket === 'today'),
    upcoming: rows.filter((r) => r.bucket === 'upcoming'),
  };
}

