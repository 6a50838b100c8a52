import 'server-only';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { activities, users } from '../db/schema';
import type { Actor } from '../access/actor';
import { assertCan } from '../access/permissions';
import { invalid } from '../errors';
import { writeAudit } from '../audit/write';
import { getCustomer } from '../customers/queries';
import { getOpportunity } from '../opportunities/queries';
import { isUuid, optionalUuid, text } from '../validation';

export const ACTIVITY_KINDS = ['call', 'meeting', 'email', 'visit', 'note'] as const;

export const activityInput = z.object({
  kind: z.enum(ACTIVITY_KINDS, { message: 'invalidChoice' }),
  // One of the two is sent, depending on where the form sits.
  customerId: z.preprocess((v) => v ?? '', optionalUuid),
  opportunityId: z.preprocess((v) => v ?? '', optionalUuid),
  // From <input type="datetime-local">, read in the organization's time zone; empty means now.
  occurredAt: z.string().trim().max(20).optional().default('').refine((v) => v === '' || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(v), 'invalidDate'),
  outcome: text(500).optional().default(''),
  nextStep: text(500).optional().default(''),
  notes: text(4000).optional().default(''),
});
export type ActivityInput = z.infer<typeof activityInput>;

/** Wall-clock time typed in a time zone -> the instant it names. */
export function zonedToInstant(local: string, timeZone: string): Date {
  const asUtc = new Date(`${local.length === 16 ? `${local}:00` : local}Z`);
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(asUtc);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const shown = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return new Date(asUtc.getTime() - (shown - asUtc.getTime()));
}

/** Logs a contact on a customer, or on a deal (and so on its customer). */
export async function logActivity(db: Db, actor: Actor, input: ActivityInput): Promise<string> {
  assertCan(actor, 'activity.log');
  let customerId = input.customerId;
  if (input.opportunityId) {
    const deal = await getOpportunity(db, actor, input.opportunityId);
    customerId = deal.customerId;
  } else if (customerId) {
    await getCustomer(db, actor, customerId);
  } else throw invalid({ customerId: 'required' });
  if (input.kind !== 'note' && !input.outcome && !input.notes) throw invalid({ outcome: 'required' });
  const occurredAt = input.occurredAt ? zonedToInstant(input.occurredAt, actor.org.timeZone) : new Date();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(activities)
      .values({ orgId: actor.orgId, kind: input.kind, customerId: customerId!, opportunityId: input.opportunityId, actorId: actor.id, occurredAt, outcome: input.outcome, nextStep: input.nextStep, notes: input.notes })
      .returning({ id: activities.id });
    await writeAudit(tx, actor, actor.orgId, 'activity', row.id, 'create', { kind: input.kind, customerId, opportunityId: input.opportunityId });
    return row.id;
  });
}

const cols = {
  id: activities.id, kind: activities.kind, occurredAt: activities.occurredAt, outcome: activities.outcome,
  nextStep: activities.nextStep, notes: activities.notes, opportunityId: activities.opportunityId, actorName: users.name,
};

export const TIMELINE_PAGE = 50;

/** `before` is a cursor "<instant>|<id>" from the previous page: entries strictly older than it. */
async function page(db: Db, where: SQL, before?: string) {
  const [at, id] = (before ?? '').split('|');
  const valid = at && id && !Number.isNaN(Date.parse(at)) && isUuid(id);
  const rows = await db
    .select(cols)
    .from(activities)
    .innerJoin(users, eq(users.id, activities.actorId))
    .where(valid ? and(where, sql`(${activities.occurredAt}, ${activities.id}) < (${at}::timestamptz, ${id}::uuid)`) : where)
    .orderBy(desc(activities.occurredAt), desc(activities.id))
    .limit(TIMELINE_PAGE + 1);
  const more = rows.length > TIMELINE_PAGE;
  const shown = more ? rows.slice(0, TIMELINE_PAGE) : rows;
  const last = shown.at(-1);
  return { rows: shown, older: more && last ? `${last.occurredAt.toISOString()}|${last.id}` : null };
}

/** The timeline of a customer (including its deals' activities), newest first, a page at a time. */
export async function customerTimeline(db: Db, actor: Actor, customerId: string, before?: string) {
  await getCustomer(db, actor, customerId);
  return page(db, eq(activities.customerId, customerId), before);
}

export async function dealTimeline(db: Db, actor: Actor, opportunityId: string, before?: string) {
  await getOpportunity(db, actor, opportunityId);
  return page(db, eq(activities.opportunityId, opportunityId), before);
}
