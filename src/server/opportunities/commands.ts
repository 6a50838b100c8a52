import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { contacts, lostReasons, opportunities, opportunityHistory, users } from '../db/schema';
import type { Actor } from '../access/actor';
import { assertCan } from '../access/permissions';
import { assignableUserIds } from '../access/visibility';
import { invalid, stale } from '../errors';
import { writeAudit } from '../audit/write';
import { createCustomer } from '../customers/commands';
import { getCustomer } from '../customers/queries';
import { getPipeline, listPipelines } from '../pipelines';
import { parseAmount } from './amount';
import { getOpportunity } from './queries';
import { notify } from '../notifications';
import type { MoveInput, OpportunityInput } from './schemas';

/** Today's date where the organization is, so a deal won at 23:30 in Bangkok is won that day. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

type Tx = Db;
type HistoryRow = { field: string; from: string | null; to: string | null };

async function writeHistory(tx: Tx, actor: Actor, opportunityId: string, rows: HistoryRow[]) {
  const changed = rows.filter((r) => r.from !== r.to);
  if (changed.length) {
    await tx.insert(opportunityHistory).values(
      changed.map((r) => ({ orgId: actor.orgId, opportunityId, actorId: actor.id, field: r.field, fromValue: r.from, toValue: r.to })),
    );
  }
}

function checkOwner(actor: Actor, ownerId: string) {
  const allowed = assignableUserIds(actor);
  if (allowed !== 'all' && !allowed.includes(ownerId)) throw invalid({ ownerId: 'notAllowedOwner' });
}

async function resolveStage(db: Db, actor: Actor, pipelineId: string | null, stageId: string) {
  if (!pipelineId) {
    const stage = (await listPipelines(db, actor)).flatMap((p) => p.stages).find((s) => s.id === stageId);
    if (!stage) throw invalid({ stageId: 'unknownStage' });
    return stage;
  }
  const pipeline = await getPipeline(db, actor, pipelineId).catch(() => null);
  if (!pipeline) throw invalid({ pipelineId: 'invalidChoice' });
  const stage = pipeline.stages.find((s) => s.id === stageId);
  if (!stage) throw invalid({ stageId: 'unknownStage' });
  return stage;
}

async function checkLost(db: Db, actor: Actor, lostReasonId: string | null) {
  if (!lostReasonId) throw invalid({ lostReasonId: 'lostReasonRequired' });
  const [r] = await db.select({ id: lostReasons.id }).from(lostReasons).where(and(eq(lostReasons.id, lostReasonId), eq(lostReasons.orgId, actor.orgId)));
  if (!r) throw invalid({ lostReasonId: 'invalidChoice' });
}

export async function createOpportunity(db: Db, actor: Actor, input: OpportunityInput, lost: { lostReasonId?: string | null; lostNote?: string } = {}): Promise<string> {
  assertCan(actor, 'opportunity.create');
  const amount = parseAmount(input.amount, input.currency);
  if ('error' in amount) throw invalid({ amount: amount.error });
  const stage = await resolveStage(db, actor, input.pipelineId, input.stageId);
  if (stage.kind === 'lost') await checkLost(db, actor, lost.lostReasonId ?? null);
  const ownerId = input.ownerId || actor.id;
  checkOwner(actor, ownerId);
  if (input.customerId) await getCustomer(db, actor, input.customerId).catch(() => {
    throw invalid({ customerId: 'invalidChoice' });
  });
  if (input.contactId) {
    if (!input.customerId) throw invalid({ contactId: 'invalidChoice' });
    const [c] = await db.select({ id: contacts.id }).from(contacts).where(and(eq(contacts.id, input.contactId), eq(contacts.customerId, input.customerId)));
    if (!c) throw invalid({ contactId: 'invalidChoice' });
  }
  return db.transaction(async (tx) => {
    const customerId =
      input.customerId ??
      (await createCustomer(tx, actor, { name: input.newCustomerName, taxId: '', branch: '', phone: '', email: '', address: '', notes: '', territoryId: null, ownerId: null }));
    const [row] = await tx
      .insert(opportunities)
      .values({
        orgId: actor.orgId,
        title: input.title,
        customerId,
        contactId: input.contactId,
        pipelineId: stage.pipelineId,
        stageId: stage.id,
        amount: amount.value,
        currency: input.currency,
        expectedCloseDate: input.expectedCloseDate,
        probability: input.probability ?? stage.probability,
        source: input.source,
        description: input.description,
        ownerId,
        status: stage.kind,
        closedOn: stage.kind === 'open' ? null : todayIn(actor.org.timeZone),
        lostReasonId: stage.kind === 'lost' ? (lost.lostReasonId ?? null) : null,
        lostNote: stage.kind === 'lost' ? (lost.lostNote ?? '') : '',
      })
      .returning({ id: opportunities.id });
    await writeHistory(tx, actor, row.id, [{ field: 'stage', from: null, to: stage.id }]);
    await writeAudit(tx, actor, actor.orgId, 'opportunity', row.id, 'create', { title: input.title });
    return row.id;
  });
}

/** Edits the deal's fields (not its stage: moving is its own verb with its own rules). */
export async function updateOpportunity(db: Db, actor: Actor, id: string, expectedVersion: number, input: OpportunityInput): Promise<void> {
  const current = await getOpportunity(db, actor, id);
  assertCan(actor, 'opportunity.edit');
  const amount = parseAmount(input.amount, input.currency);
  if ('error' in amount) throw invalid({ amount: amount.error });
  const ownerId = input.ownerId || current.ownerId;
  if (ownerId !== current.ownerId) await assertMayHandOver(db, actor, current.ownerId, ownerId);
  if (input.contactId && input.contactId !== current.contactId) {
    const [c] = await db.select({ id: contacts.id }).from(contacts).where(and(eq(contacts.id, input.contactId), eq(contacts.customerId, current.customerId)));
    if (!c) throw invalid({ contactId: 'invalidChoice' });
  }
  await db.transaction(async (tx) => {
    const done = await tx
      .update(opportunities)
      .set({
        title: input.title,
        contactId: input.contactId,
        amount: amount.value,
        currency: input.currency,
        expectedCloseDate: input.expectedCloseDate,
        probability: input.probability ?? current.probability,
        source: input.source,
        description: input.description,
        ownerId,
        version: expectedVersion + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(opportunities.id, id), eq(opportunities.version, expectedVersion)))
      .returning({ id: opportunities.id });
    if (!done.length) throw stale();
    await writeHistory(tx, actor, id, [
      { field: 'amount', from: `${current.amount} ${current.currency}`, to: `${normalize(amount.value)} ${input.currency}` },
      { field: 'owner', from: current.ownerId, to: ownerId },
    ]);
    await tellOwners(tx, actor, { id, title: input.title, before: current.ownerId, after: ownerId });
  });
}

const normalize = (v: string) => (v.includes('.') ? v.replace(/0+$/, '').replace(/\.$/, '') : v);

/** The owner may hand a deal to a teammate; their manager to anyone in the team; an admin to anyone. */
async function assertMayHandOver(db: Db, actor: Actor, currentOwner: string, newOwner: string) {
  assertCan(actor, 'opportunity.reassign');
  if (actor.role === 'rep' && currentOwner !== actor.id) throw invalid({ ownerId: 'notAllowedOwner' });
  if (actor.role !== 'rep') checkOwner(actor, newOwner);
  const [u] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, newOwner), eq(users.orgId, actor.orgId), eq(users.active, true), inArray(users.role, ['rep', 'manager', 'admin'])));
  if (!u) throw invalid({ ownerId: 'notAllowedOwner' });
}

export async function moveOpportunity(db: Db, actor: Actor, input: MoveInput): Promise<void> {
  const current = await getOpportunity(db, actor, input.id);
  assertCan(actor, 'opportunity.edit');
  if (current.stageId === input.stageId) return;
  const stage = await resolveStage(db, actor, current.pipelineId, input.stageId);
  if (stage.kind === 'lost') await checkLost(db, actor, input.lostReasonId);
  await db.transaction(async (tx) => {
    const done = await tx
      .update(opportunities)
      .set({
        stageId: stage.id,
        status: stage.kind,
        probability: stage.probability,
        closedOn: stage.kind === 'open' ? null : todayIn(actor.org.timeZone),
        lostReasonId: stage.kind === 'lost' ? input.lostReasonId : null,
        lostNote: stage.kind === 'lost' ? input.lostNote : '',
        standbyUntil: stage.kind === 'open' ? current.standbyUntil : null,
        version: current.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(opportunities.id, current.id), eq(opportunities.version, current.version)))
      .returning({ id: opportunities.id });
    if (!done.length) throw stale();
    await writeHistory(tx, actor, current.id, [{ field: 'stage', from: current.stageId, to: stage.id }]);
    await tellOwners(tx, actor, { id: current.id, title: current.title, before: current.ownerId, after: current.ownerId });
  });
}

/** The owner hears when someone else changes their deal; a new owner hears that it is now theirs. */
async function tellOwners(tx: Db, actor: Actor, deal: { id: string; title: string; before: string; after: string }) {
  const link = `/opportunities/${deal.id}`;
  const params = { title: deal.title, by: actor.name };
  if (deal.after !== deal.before && deal.after !== actor.id) {
    await notify(tx, { orgId: actor.orgId, userId: deal.after, kind: 'dealAssigned', params, link });
  }
  if (deal.before !== actor.id) {
    await notify(tx, { orgId: actor.orgId, userId: deal.before, kind: 'dealChanged', params, link });
  }
}

export async function setStandby(db: Db, actor: Actor, id: string, until: string | null): Promise<void> {
  const current = await getOpportunity(db, actor, id);
  assertCan(actor, 'opportunity.edit');
  if (until && until <= todayIn(actor.org.timeZone)) throw invalid({ standbyUntil: 'dateMustBeFuture' });
  if (current.status !== 'open') throw invalid({ standbyUntil: 'onlyOpenDeals' });
  await db.transaction(async (tx) => {
    await tx.update(opportunities).set({ standbyUntil: until, updatedAt: new Date() }).where(eq(opportunities.id, id));
    await writeHistory(tx, actor, id, [{ field: 'standby', from: current.standbyUntil, to: until }]);
  });
}

export async function setStarred(db: Db, actor: Actor, id: string, starred: boolean): Promise<void> {
  await getOpportunity(db, actor, id);
  assertCan(actor, 'opportunity.edit');
  await db.update(opportunities).set({ starred }).where(eq(opportunities.id, id));
}

