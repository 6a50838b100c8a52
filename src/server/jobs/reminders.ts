import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { rowsOf } from '../access/load-actor';
import { notifyMany } from '../notifications';

type Scope = { now?: Date; orgId?: string; batch?: number; maxBatches?: number };

/**
 * The reminders job (every minute): tasks that have come due and deals whose standby ended become
 * bell notifications, and mails for users who opted in. Each batch marks what it announces
 * (tasks.reminded_at, opportunities.standby_reminded_for) in the transaction that raises the
 * notifications, taking rows that another run holds is skipped, and the notifications' keys
 * stay as a second guard: a reminder is raised once however many runs and workers there are.
 * The scans read partial indexes of what is still to announce, so they cost nothing per user.
 * `orgId` limits a run to one organization (tests share a database).
 */
export async function raiseDueReminders(db: Db, scope: Scope = {}): Promise<{ tasks: number; standbys: number }> {
  const now = scope.now ?? new Date();
  const batch = scope.batch ?? 500;
  const rounds = scope.maxBatches ?? 20;
  let tasks = 0;
  let standbys = 0;
  for (let i = 0; i < rounds; i++) {
    const n = await db.transaction((tx) => dueTasks(tx, now, batch, scope.orgId));
    tasks += n;
    if (n < batch) break;
  }
  for (let i = 0; i < rounds; i++) {
    const n = await db.transaction((tx) => endedStandbys(tx, now, batch, scope.orgId));
    standbys += n;
    if (n < batch) break;
  }
  return { tasks, standbys };
}

async function dueTasks(tx: Db, now: Date, batch: number, orgId?: string): Promise<number> {
  const rows = rowsOf<{ id: string; orgId: string; userId: string; title: string }>(
    await tx.execute(sql`
      update tasks t set reminded_at = ${now.toISOString()}::timestamptz
      from (
        select id from tasks
        where not done and reminded_at is null and due_at <= ${now.toISOString()}::timestamptz
          ${orgId ? sql`and org_id = ${orgId}` : sql``}
        order by due_at
        limit ${batch}
        for update skip locked
      ) due
      where t.id = due.id
      returning t.id, t.org_id as "orgId", t.assignee_id as "userId", t.title`),
  );
  await notifyMany(
    tx,
    rows.map((t) => ({ orgId: t.orgId, userId: t.userId, kind: 'taskDue' as const, params: { title: t.title }, link: '/tasks', key: `task:${t.id}:due` })),
  );
  return rows.length;
}

/** A standby ends on its date in the organization's time zone. */
async function endedStandbys(tx: Db, now: Date, batch: number, orgId?: string): Promise<number> {
  const rows = rowsOf<{ id: string; orgId: string; userId: string; title: string; until: string }>(
    await tx.execute(sql`
      update opportunities o set standby_reminded_for = o.standby_until
      from (
        select d.id from opportunities d
        join organizations g on g.id = d.org_id
        where d.status = 'open' and d.standby_until is not null and d.standby_reminded_for is distinct from d.standby_until
          and d.standby_until <= (${now.toISOString()}::timestamptz at time zone g.time_zone)::date
          ${orgId ? sql`and d.org_id = ${orgId}` : sql``}
        order by d.standby_until
        limit ${batch}
        for update of d skip locked
      ) due
      where o.id = due.id
      returning o.id, o.org_id as "orgId", o.owner_id as "userId", o.title, o.standby_until::text as until`),
  );
  await notifyMany(
    tx,
    rows.map((d) => ({
      orgId: d.orgId, userId: d.userId, kind: 'standbyReopened' as const, params: { title: d.title }, link: `/opportunities/${d.id}`, key: `deal:${d.id}:reopen:${d.until}`,
    })),
  );
  return rows.length;
}
