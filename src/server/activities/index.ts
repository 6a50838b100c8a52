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
import { isUuid, localDateTime, longText, optionalUuid } from '../validation';
import { checkRefs } from '../access/refs';
import { holdRefs } from '../access/refs';

export const ACTIVITY_KINDS = ['call', 'meeting', 'email', 'visit', 'note'] as const;

export const activityInput = z.object({
  kind: z.enum(ACTIVITY_KINDS, { message: 'invalidChoice' }),
  // One of the two is sent, depending on where the form sits.
  customerId: z.preprocess((v) => v ?? '', optionalUuid),
  opportunityId: z.preprocess((v) => v ?? '', optionalUuid),
  // From <input type="datetime-local">, read in the organization's time zone; empty means now.
  occurredAt: localDateTime({ optional: true }),
  outcome: longText(500).optional().default(''),
  nextStep: longText(500).optional().default(''),
  notes: longText(4000).optional().default(''),
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
  if (!input.opportunityId && !input.customerId) throw invalid({ customerId: 'required' });
  const refs = await checkRefs(
    db,
    actor,
    {
      opportunityId: { kind: 'deal', id: input.opportunityId },
      customerId: { kind: 'customer', id: input.opportunityId ? null : input.customerId },
    },
    input.kind !== 'note' && !input.outcome && !input.notes ? { outcome: 'required' } : {},
  );
  const customerId = input.opportunityId ? (refs.opportunityId!.customerId as string) : input.customerId;
  const occurredAt = input.occurredAt ? zonedToInstant(input.occurredAt, actor.org.timeZone) : new Date();
  return db.transaction(async (tx) => {
    await holdRefs(tx, { customerId: { table: 'customer', id: customerId }, opportunityId: { table: 'deal', id: input.opportunityId } });
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
  // A cursor from the address bar: only an exact ISO instant in the business window is used.
  const valid = at && id && isUuid(id) && /^2\d{3}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(at) && !Number.isNaN(Date.parse(at)) && new Date(at).toISOString() === at;
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
