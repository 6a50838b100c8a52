import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { lostReasons, opportunities, opportunityHistory, stages, teams, users } from '../db/schema';
import type { Actor } from '../access/actor';
import { assertCan, can } from '../access/permissions';
import { checkRefs } from '../access/refs';
import { assignableUserIds } from '../access/visibility';
import { invalid, stale } from '../errors';
import { writeAudit } from '../audit/write';
import { createDealCustomer } from './new-customer';
import { getPipeline, listPipelines } from '../pipelines';
import { parseAmount } from './amount';
import { getOpportunity } from './queries';
import { notify } from '../notifications';
import type { MoveInput, OpportunityInput } from './schemas';
import { holdRefs } from '../access/refs';

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
  // A retired reason is no longer offered, so it is not accepted either.
  const [r] = await db.select({ id: lostReasons.id }).from(lostReasons).where(and(eq(lostReasons.id, lostReasonId), eq(lostReasons.orgId, actor.orgId), eq(lostReasons.active, true)));
  if (!r) throw invalid({ lostReasonId: 'invalidChoice' });
}

/**
 * Everything a deal form refers to, re-read in scope and reported at once: customer (visible),
 * contact (of that customer), pipeline and stage (of this organization), owner (assignable),
 * lost reason (active). Also the amount in the deal's currency.
 */
async function checkDealInput(
  db: Db,
  actor: Actor,
  input: OpportunityInput,
  opts: { customerId: string | null; customerChanges: boolean; ownerId: string | null; ownerAmong?: string[] | 'all'; lostReasonId?: string | null; stageRequired: boolean },
) {
  const extra: Record<string, string> = {};
  const amount = parseAmount(input.amount, input.currency);
  if ('error' in amount) extra.amount = amount.error;
  if (input.contactId && !opts.customerId) extra.contactId = 'invalidChoice';
  const refs = await checkRefs(
    db,
    actor,
    {
      // A deal's customer is checked when it is chosen; one already on the deal stays (the deal may be
      // visible to someone who does not see its customer).
      customerId: { kind: 'customer', id: opts.customerChanges ? opts.customerId : null, message: 'invalidChoice' },
      contactId: { kind: 'contact', id: opts.customerId ? input.contactId : null, customerId: opts.customerId },
      pipelineId: { kind: 'pipeline', id: opts.stageRequired ? input.pipelineId : null },
      stageId: { kind: 'stage', id: opts.stageRequired ? input.stageId : null, pipelineId: input.pipelineId },
      ownerId: { kind: 'user', id: opts.ownerId, among: opts.ownerAmong ?? assignableUserIds(actor), roles: ['rep', 'manager', 'admin'] },
      lostReasonId: { kind: 'lostReason', id: opts.lostReasonId },
    },
    extra,
  );
  return { amount: (amount as { value: string }).value, stage: refs.stageId as { id: string; pipelineId: string; kind: 'open' | 'won' | 'lost'; probability: number } | null };
}

export async function createOpportunity(db: Db, actor: Actor, input: OpportunityInput, lost: { lostReasonId?: string | null; lostNote?: string } = {}): Promise<string> {
  assertCan(actor, 'opportunity.create');
  const ownerId = input.ownerId || actor.id;
  const { amount: amountValue, stage: found } = await checkDealInput(db, actor, input, {
    customerId: input.customerId, customerChanges: true, ownerId, lostReasonId: lost.lostReasonId ?? null, stageRequired: true,
  });
  const stage = found!;
  if (stage.kind === 'lost' && !lost.lostReasonId) throw invalid({ lostReasonId: 'lostReasonRequired' });
  const amount = { value: amountValue };
  return db.transaction(async (tx) => {
    await holdRefs(tx, { customerId: { table: 'customer', id: input.customerId }, contactId: { table: 'contact', id: input.contactId }, stageId: { table: 'stage', id: stage.id }, lostReasonId: { table: 'lostReason', id: lost.lostReasonId } });
    const created = input.customerId ? null : await createDealCustomer(tx, actor, input);
    const customerId = input.customerId ?? created!.customerId;
    // A new customer's contact person is the deal's contact, so its quotations have a recipient.
    const contactId = input.contactId ?? created?.contactId ?? null;
    const [row] = await tx
      .insert(opportunities)
      .values({
        orgId: actor.orgId,
        title: input.title,
        customerId,
        contactId,
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
  const ownerId = input.ownerId || current.ownerId;
  const handOver = ownerId !== current.ownerId;
  const extra = handOver ? handOverError(actor, current.ownerId) : null;
  if (extra) throw invalid({ ownerId: extra });
  // The customer, pipeline and stage are not edited here (a deal moves by its own verb).
  const { amount: amountValue } = await checkDealInput(db, actor, { ...input, contactId: input.contactId === current.contactId ? null : input.contactId }, {
    customerId: current.customerId, customerChanges: false, ownerId: handOver ? ownerId : null, ownerAmong: handOver ? await handOverTargets(db, actor) : undefined, stageRequired: false,
  });
  const amount = { value: amountValue };
  await db.transaction(async (tx) => {
    await holdRefs(tx, { contactId: { table: 'contact', id: input.contactId } });
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

/**
 * Who may hand a deal over, and to whom: its owner (a rep) to a teammate (same team, or the team's
 * manager); a manager to anyone in their team; an admin to anyone active in the organization.
 */
function handOverError(actor: Actor, currentOwner: string): string | null {
  if (!can(actor, 'opportunity.reassign')) return 'notAllowedOwner';
  if (actor.role === 'rep' && currentOwner !== actor.id) return 'notAllowedOwner';
  return null;
}

async function handOverTargets(db: Db, actor: Actor): Promise<string[] | 'all'> {
  if (actor.role !== 'rep') return assignableUserIds(actor);
  if (!actor.teamId) return [actor.id];
  const [team] = await db.select({ managerId: teams.managerId }).from(teams).where(and(eq(teams.id, actor.teamId), eq(teams.orgId, actor.orgId)));
  const mates = await db.select({ id: users.id }).from(users).where(and(eq(users.orgId, actor.orgId), eq(users.teamId, actor.teamId)));
  return [...new Set([actor.id, ...mates.map((m) => m.id), ...(team?.managerId ? [team.managerId] : [])])];
}

/**
 * Moves a deal to a stage. `expectedVersion` is the version the user saw (the board card, the deal
 * page); without it the version read here is the one checked, which still refuses a move that lost
 * a race but lets a move that starts after another command has finished go through.
 */
export async function moveOpportunity(db: Db, actor: Actor, input: MoveInput, expectedVersion?: number): Promise<void> {
  const current = await getOpportunity(db, actor, input.id);
  assertCan(actor, 'opportunity.edit');
  if (current.stageId === input.stageId) return;
  if (expectedVersion !== undefined && expectedVersion !== current.version) throw stale();
  const stage = await resolveStage(db, actor, current.pipelineId, input.stageId);
  if (stage.kind === 'lost') await checkLost(db, actor, input.lostReasonId);
  await db.transaction(async (tx) => {
    // The stage must still be there and still of the kind read above: shared-locking it holds off
    // a stage being removed or re-kinded meanwhile (pipelines/index.ts locks it to do either).
    const [target] = await tx.select({ kind: stages.kind }).from(stages).where(eq(stages.id, stage.id)).for('share');
    if (!target) throw invalid({ stageId: 'unknownStage' });
    if (target.kind !== stage.kind) throw stale();
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

/**
 * Puts an open deal on standby until a date (or takes it off). The deal is locked and must still be
 * the open deal that was read, at the same version: a move to another stage at the same moment
 * either comes first (then this is refused) or finds the version bumped here and is refused itself,
 * so a standby date is never silently lost and a won or lost deal never keeps one.
 * `expectedVersion` is the version the user saw; without it, the version read here.
 */
export async function setStandby(db: Db, actor: Actor, id: string, until: string | null, expectedVersion?: number): Promise<void> {
  const current = await getOpportunity(db, actor, id);
  assertCan(actor, 'opportunity.edit');
  if (until && until <= todayIn(actor.org.timeZone)) throw invalid({ standbyUntil: 'dateMustBeFuture' });
  if (current.status !== 'open') throw invalid({ standbyUntil: 'onlyOpenDeals' });
  await db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ status: opportunities.status, version: opportunities.version, standbyUntil: opportunities.standbyUntil })
      .from(opportunities)
      .where(eq(opportunities.id, id))
      .for('update');
    if (!locked || locked.version !== (expectedVersion ?? current.version)) throw stale();
    if (locked.status !== 'open') throw invalid({ standbyUntil: 'onlyOpenDeals' });
    await tx.update(opportunities).set({ standbyUntil: until, version: locked.version + 1, updatedAt: new Date() }).where(eq(opportunities.id, id));
    await writeHistory(tx, actor, id, [{ field: 'standby', from: locked.standbyUntil, to: until }]);
  });
}

/**
 * Stars or unstars a deal. It writes the one column no other command writes, and sets it to a
 * value (it does not toggle), so two people starring at once agree and nothing else is clobbered.
 * It neither checks nor bumps the version on purpose: a star is a bookmark, not an edit, and must
 * not make a colleague's open edit form "changed by someone else".
 */
export async function setStarred(db: Db, actor: Actor, id: string, starred: boolean): Promise<void> {
  await getOpportunity(db, actor, id);
  assertCan(actor, 'opportunity.edit');
  await db.update(opportunities).set({ starred }).where(and(eq(opportunities.id, id), eq(opportunities.orgId, actor.orgId)));
}

