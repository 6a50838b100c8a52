import 'server-only';
import { and, asc, desc, eq, gt, gte, ilike, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';
import { contacts, customers, lostReasons, opportunities, opportunityHistory, stages, users } from '../db/schema';
import type { Actor } from '../access/actor';
import { dealScopeOf } from '../access/scopes';
import { notFound } from '../errors';
import { isUuid } from '../validation';
import { decodeCursor, encodeCursor } from '../db/cursor';
import type { OpportunityFilters } from './schemas';
import { containsPattern, searchTerm } from '../db/search';

export const PAGE_SIZE = 25;
const owner = alias(users, 'deal_owner');

/** A deal is seen by whoever may see its owner's records or its customer's territory. */
export const opportunityScope = dealScopeOf;

const todaySql = (actor: Actor) => sql`(now() at time zone ${actor.org.timeZone})::date`;

export function filterPredicate(actor: Actor, f: Partial<OpportunityFilters>): SQL {
  const parts: SQL[] = [opportunityScope(actor)];
  if (f.pipelineId) parts.push(eq(opportunities.pipelineId, f.pipelineId));
  if (f.stageId) parts.push(eq(opportunities.stageId, f.stageId));
  if (f.customerId) parts.push(eq(opportunities.customerId, f.customerId));
  if (f.ownerId) parts.push(eq(opportunities.ownerId, f.ownerId));
  if (f.teamId) parts.push(sql`${opportunities.ownerId} in (select id from users where team_id = ${f.teamId} union select manager_id from teams where id = ${f.teamId} and manager_id is not null)`);
  if (f.territoryId) parts.push(sql`${customers.territoryId} in (with recursive sub(id) as (select ${f.territoryId}::uuid union select t.id from territories t join sub on t.parent_id = sub.id) select id from sub)`);
  if (f.status === 'standby') parts.push(eq(opportunities.status, 'open'), gt(opportunities.standbyUntil, todaySql(actor)));
  else if (f.status === 'open') parts.push(eq(opportunities.status, 'open'), or(isNull(opportunities.standbyUntil), lte(opportunities.standbyUntil, todaySql(actor)))!);
  else if (f.status) parts.push(eq(opportunities.status, f.status));
  if (f.starred) parts.push(eq(opportunities.starred, true));
  if (f.closeFrom) parts.push(gte(opportunities.expectedCloseDate, f.closeFrom));
  if (f.closeTo) parts.push(lte(opportunities.expectedCloseDate, f.closeTo));
  if (f.amountMin) parts.push(gte(opportunities.amount, f.amountMin));
  if (f.amountMax) parts.push(lte(opportunities.amount, f.amountMax));
  if (searchTerm(f.q)) parts.push(ilike(opportunities.title, containsPattern(f.q)));
  return and(...parts)!;
}

const SORTS = {
  created: { col: opportunities.createdAt, dir: 'desc' as const, kind: 'timestamp' as const, key: (r: Row) => r.createdAt.toISOString() },
  amount: { col: opportunities.amount, dir: 'desc' as const, kind: 'numeric' as const, key: (r: Row) => r.amount },
  close: { col: sql`coalesce(${opportunities.expectedCloseDate}, '9999-12-31'::date)`, dir: 'asc' as const, kind: 'date' as const, key: (r: Row) => r.expectedCloseDate ?? '9999-12-31' },
  title: { col: opportunities.title, dir: 'asc' as const, kind: 'text' as const, key: (r: Row) => r.title },
};

const listColumns = {
  id: opportunities.id,
  version: opportunities.version,
  title: opportunities.title,
  amount: opportunities.amount,
  currency: opportunities.currency,
  probability: opportunities.probability,
  expectedCloseDate: opportunities.expectedCloseDate,
  status: opportunities.status,
  standbyUntil: opportunities.standbyUntil,
  starred: opportunities.starred,
  stageId: opportunities.stageId,
  stageName: stages.name,
  // The stage in other languages: screens show localName({ name: stageName, names: stageNames }, locale).
  stageNames: stages.names,
  customerId: opportunities.customerId,
  customerName: customers.name,
  ownerId: opportunities.ownerId,
  ownerName: owner.name,
  createdAt: opportunities.createdAt,
  // The next planned activity (the earliest open task on the deal), as activity-based selling
  // expects every open deal to have one; a page holds at most a few dozen rows, each looked up by
  // the tasks' opportunity index.
  nextTaskTitle: sql<string | null>`(select t.title from tasks t where t.opportunity_id = ${opportunities.id} and not t.done order by t.due_at, t.id limit 1)`,
  nextTaskDueMs: sql<number | null>`(select extract(epoch from min(t.due_at)) * 1000 from tasks t where t.opportunity_id = ${opportunities.id} and not t.done)`.mapWith((v) => (v == null ? null : Number(v))),
};
type Row = { id: string; createdAt: Date; amount: string; expectedCloseDate: string | null; title: string };

/** One page of deals in scope, sorted, with a keyset cursor over (sort value, id). */
export async function listOpportunities(db: Db, actor: Actor, f: Partial<OpportunityFilters>, limit = PAGE_SIZE) {
  const sort = SORTS[f.sort ?? 'created'];
  let where = filterPredicate(actor, f);
  const cursor = decode(f.cursor, sort.kind);
  if (cursor) {
    const v = f.sort === 'created' || !f.sort ? sql`${cursor.v}::timestamptz` : f.sort === 'amount' ? sql`${cursor.v}::numeric` : f.sort === 'close' ? sql`${cursor.v}::date` : sql`${cursor.v}`;
    const beyond = sort.dir === 'desc' ? sql`(${sort.col}, ${opportunities.id}) < (${v}, ${cursor.i}::uuid)` : sql`(${sort.col}, ${opportunities.id}) > (${v}, ${cursor.i}::uuid)`;
    where = and(where, beyond)!;
  }
  const rows = await db
    .select(listColumns)
    .from(opportunities)
    .innerJoin(customers, eq(customers.id, opportunities.customerId))
    .innerJoin(stages, eq(stages.id, opportunities.stageId))
    .innerJoin(owner, eq(owner.id, opportunities.ownerId))
    .where(where)
    .orderBy(sort.dir === 'desc' ? desc(sort.col) : asc(sort.col), sort.dir === 'desc' ? desc(opportunities.id) : asc(opportunities.id))
    .limit(limit + 1);
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page.at(-1);
  return { rows: page, nextCursor: more && last ? encode({ v: sort.key(last), i: last.id }) : null };
}

const encode = encodeCursor;
const decode = decodeCursor;

export async function getOpportunity(db: Db, actor: Actor, id: string) {
  if (!isUuid(id)) throw notFound();
  const [row] = await db
    .select({
      deal: opportunities, customerName: customers.name, contactName: contacts.name, stageName: stages.name, stageNames: stages.names, stageKind: stages.kind, ownerName: owner.name,
      // The reason a lost deal was lost, retired ones too (the pickers offer only active reasons).
      lostReasonName: lostReasons.name, lostReasonNames: lostReasons.names,
    })
    .from(opportunities)
    .innerJoin(customers, eq(customers.id, opportunities.customerId))
    .leftJoin(contacts, eq(contacts.id, opportunities.contactId))
    .innerJoin(stages, eq(stages.id, opportunities.stageId))
    .leftJoin(lostReasons, eq(lostReasons.id, opportunities.lostReasonId))
    .innerJoin(owner, eq(owner.id, opportunities.ownerId))
    .where(and(eq(opportunities.id, id), opportunityScope(actor)));
  if (!row) throw notFound();
  return {
    ...row.deal, customerName: row.customerName, contactName: row.contactName, stageName: row.stageName, stageNames: row.stageNames, stageKind: row.stageKind, ownerName: row.ownerName,
    lostReasonName: row.lostReasonName, lostReasonNames: row.lostReasonNames,
  };
}

export async function opportunityHistoryOf(db: Db, actor: Actor, id: string) {
  await getOpportunity(db, actor, id);
  const who = alias(users, 'who');
  return db
    .select({
      id: opportunityHistory.id,
      field: opportunityHistory.field,
      from: opportunityHistory.fromValue,
      to: opportunityHistory.toValue,
      // Owner changes store ids; show the people's names.
      fromName: sql<string | null>`case when ${opportunityHistory.field} = 'owner' then (select u.name from users u where u.id::text = ${opportunityHistory.fromValue}) end`,
      toName: sql<string | null>`case when ${opportunityHistory.field} = 'owner' then (select u.name from users u where u.id::text = ${opportunityHistory.toValue}) end`,
      at: opportunityHistory.at,
      actorName: who.name,
    })
    .from(opportunityHistory)
    .leftJoin(who, eq(who.id, opportunityHistory.actorId))
    .where(eq(opportunityHistory.opportunityId, id))
    .orderBy(desc(opportunityHistory.at));
}

