import 'server-only';
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { lostReasons, opportunities, organizations, pipelines, stages, teams } from '../db/schema';
import type { Actor } from '../access/actor';
import { assertCan } from '../access/permissions';
import { DomainError, invalid, notFound, stale } from '../errors';
import { writeAudit } from '../audit/write';
import { isLocale, LOCALES } from '../i18n/locales';
import { integer, isUuid, optionalUuid, requiredText, text, uuid } from '../validation';
import { namesFrom } from '@/lib/local-name';
import { defaultPipeline } from './defaults';
import { holdRefs } from '../access/refs';

export const pipelineInput = z.object({ name: requiredText(120), teamId: optionalUuid });

/** Optional names per language (`name_en`, `name_th`, ...); `name` is the organization's language. */
const namesPerLanguage = (max: number) => {
  const optional = z.preprocess((v) => v ?? '', text(max));
  return { name_en: optional, name_th: optional, name_vi: optional, name_ru: optional };
};

export const stageInput = z.object({
  name: requiredText(80),
  ...namesPerLanguage(80),
  probability: integer(0, 100, 'invalidProbability'),
  kind: z.enum(['open', 'won', 'lost'], { message: 'invalidChoice' }),
});
type NameKey = `name_${(typeof LOCALES)[number]}`;
/** What a stage command takes: the form's fields, the names per language optional. */
export type StageInput = Omit<z.infer<typeof stageInput>, NameKey> & Partial<Pick<z.infer<typeof stageInput>, NameKey>>;

/** Creates the default pipeline (and lost reasons) the first time an organization needs one. */
export async function ensureDefaultPipeline(db: Db, orgId: string): Promise<void> {
  const [{ n }] = await db.select({ n: count() }).from(pipelines).where(eq(pipelines.orgId, orgId));
  if (Number(n) > 0) return;
  const [org] = await db.select({ locale: organizations.locale }).from(organizations).where(eq(organizations.id, orgId));
  const d = defaultPipeline(isLocale(org?.locale) ? org.locale : 'en');
  await db.transaction(async (tx) => {
    // Lock the organization row so two first visits cannot both create a default pipeline.
    await tx.execute(sql`select id from organizations where id = ${orgId} for update`);
    const [{ n: again }] = await tx.select({ n: count() }).from(pipelines).where(eq(pipelines.orgId, orgId));
    if (Number(again) > 0) return;
    const [p] = await tx.insert(pipelines).values({ orgId, name: d.name, isDefault: true }).returning({ id: pipelines.id });
    await tx.insert(stages).values(d.stages.map((s, i) => ({ orgId, pipelineId: p.id, position: i, name: s.name, names: s.names, probability: s.probability, kind: s.kind })));
    await tx.insert(lostReasons).values(d.reasons.map((r) => ({ orgId, name: r.name, names: r.names })));
  });
}

export type PipelineWithStages = Awaited<ReturnType<typeof listPipelines>>[number];

/** The teams whose pipelines are the actor's own: the team they belong to and, for a manager, those they manage. */
export async function teamIdsOf(db: Db, actor: Actor): Promise<string[]> {
  const ids = actor.teamId ? [actor.teamId] : [];
  if (actor.role === 'manager') {
    const managed = await db.select({ id: teams.id }).from(teams).where(and(eq(teams.orgId, actor.orgId), eq(teams.managerId, actor.id)));
    for (const t of managed) if (!ids.includes(t.id)) ids.push(t.id);
  }
  return ids;
}

/**
 * Every pipeline of the organization with its stages in order. The actor's own team's pipelines come
 * first, then the company-wide ones (the default first): the first one is what the board opens on and
 * what a new deal starts in, so a team that has a pipeline of its own works in it.
 */
export async function listPipelines(db: Db, actor: Actor) {
  await ensureDefaultPipeline(db, actor.orgId);
  const [ps, mine] = await Promise.all([
    db.select().from(pipelines).where(eq(pipelines.orgId, actor.orgId)).orderBy(sql`${pipelines.isDefault} desc`, asc(pipelines.position), asc(pipelines.name)),
    teamIdsOf(db, actor),
  ]);
  const rank = (p: { teamId: string | null }) => (p.teamId && mine.includes(p.teamId) ? 0 : p.teamId === null ? 1 : 2);
  const ordered = [...ps].sort((a, b) => rank(a) - rank(b));
  const ss = ordered.length
    ? await db.select().from(stages).where(inArray(stages.pipelineId, ordered.map((p) => p.id))).orderBy(asc(stages.position))
    : [];
  return ordered.map((p) => ({ ...p, stages: ss.filter((s) => s.pipelineId === p.id) }));
}

/** One pipeline of the organization with its stages in order (two reads, however many pipelines there are). */
export async function getPipeline(db: Db, actor: Actor, id: string): Promise<PipelineWithStages> {
  if (!isUuid(id)) throw notFound();
  const [p] = await db.select().from(pipelines).where(and(eq(pipelines.id, id), eq(pipelines.orgId, actor.orgId)));
  if (!p) throw notFound();
  const ss = await db.select().from(stages).where(eq(stages.pipelineId, id)).orderBy(asc(stages.position));
  return { ...p, stages: ss };
}

export async function listLostReasons(db: Db, actor: Actor) {
  await ensureDefaultPipeline(db, actor.orgId);
  return db.select().from(lostReasons).where(and(eq(lostReasons.orgId, actor.orgId), eq(lostReasons.active, true))).orderBy(asc(lostReasons.name));
}

/** Admins shape any pipeline; a manager only the pipelines of a team they manage. */
async function assertCanShape(db: Db, actor: Actor, teamId: string | null) {
  if (actor.role === 'admin') return;
  if (actor.role !== 'manager' || !teamId) throw new DomainError('forbidden');
  const [t] = await db.select({ id: teams.id }).from(teams).where(and(eq(teams.id, teamId), eq(teams.managerId, actor.id)));
  if (!t) throw new DomainError('forbidden');
}

export async function createPipeline(db: Db, actor: Actor, input: z.infer<typeof pipelineInput>): Promise<string> {
  assertCan(actor, 'pipeline.manage');
  if (input.teamId) {
    const [t] = await db.select({ id: teams.id }).from(teams).where(and(eq(teams.id, input.teamId), eq(teams.orgId, actor.orgId)));
    if (!t) throw invalid({ teamId: 'invalidChoice' });
  }
  await assertCanShape(db, actor, input.teamId);
  const d = defaultPipeline(isLocale(actor.org.locale) ? actor.org.locale : 'en');
  return db.transaction(async (tx) => {
    await holdRefs(tx, { teamId: { table: 'team', id: input.teamId } });
    const [p] = await tx.insert(pipelines).values({ orgId: actor.orgId, name: input.name, teamId: input.teamId }).returning({ id: pipelines.id });
    await tx.insert(stages).values(d.stages.map((s, i) => ({ orgId: actor.orgId, pipelineId: p.id, position: i, name: s.name, names: s.names, probability: s.probability, kind: s.kind })));
    await writeAudit(tx, actor, actor.orgId, 'pipeline', p.id, 'create', { name: input.name });
    return p.id;
  });
}

export const copyPipelineInput = z.object({ pipelineId: uuid, teamId: uuid });

/**
 * A team's own copy of a pipeline (usually the shared default): the same stages, with their names in
 * every language, probabilities and kinds. The team's new deals and its board start there; deals
 * already in the original stay where they are, and the original is unchanged.
 */
export async function copyPipeline(db: Db, actor: Actor, input: z.infer<typeof copyPipelineInput>): Promise<string> {
  assertCan(actor, 'pipeline.manage');
  // Both ids are choices on the form: unknown or foreign ones are field errors, reported together.
  const source = await getPipeline(db, actor, input.pipelineId).catch(() => null);
  const [team] = await db.select({ id: teams.id, name: teams.name }).from(teams).where(and(eq(teams.id, input.teamId), eq(teams.orgId, actor.orgId)));
  if (!source || !team) throw invalid({ ...(source ? {} : { pipelineId: 'invalidChoice' }), ...(team ? {} : { teamId: 'invalidChoice' }) });
  await assertCanShape(db, actor, team.id);
  const name = `${source.name} · ${team.name}`.slice(0, 120).trim();
  return db.transaction(async (tx) => {
    await holdRefs(tx, { teamId: { table: 'team', id: team.id } });
    // The stages as they are now, read under the source's lock, so a stage edited meanwhile is copied whole.
    const current = await lockStages(tx, source.id);
    const [p] = await tx.insert(pipelines).values({ orgId: actor.orgId, name, teamId: team.id }).returning({ id: pipelines.id });
    await tx.insert(stages).values(
      current.map((s, i) => ({ orgId: actor.orgId, pipelineId: p.id, position: i, name: s.name, names: s.names, probability: s.probability, kind: s.kind })),
    );
    await writeAudit(tx, actor, actor.orgId, 'pipeline', p.id, 'copy', { from: source.id, teamId: team.id });
    return p.id;
  });
}

export async function renamePipeline(db: Db, actor: Actor, id: string, name: string): Promise<void> {
  assertCan(actor, 'pipeline.manage');
  const p = await getPipeline(db, actor, id);
  await assertCanShape(db, actor, p.teamId);
  await db.transaction(async (tx) => {
    const done = await tx
      .update(pipelines)
      .set({ name, version: p.version + 1 })
      .where(and(eq(pipelines.id, id), eq(pipelines.version, p.version)))
      .returning({ id: pipelines.id });
    if (!done.length) throw stale();
    await writeAudit(tx, actor, actor.orgId, 'pipeline', id, 'rename', { from: p.name, to: name });
  });
}

/**
 * Locks a pipeline against other changes to its stages and returns its stages as they are now.
 * Every command that shapes stages (add, edit, reorder, remove) starts its transaction with it, so
 * rules over the whole set ("one open stage at least", positions) are checked on fresh rows. The
 * lock is NO KEY UPDATE: deals can still be created in the pipeline meanwhile.
 */
async function lockStages(tx: Db, pipelineId: string) {
  const [p] = await tx.select({ id: pipelines.id }).from(pipelines).where(eq(pipelines.id, pipelineId)).for('no key update');
  if (!p) throw notFound();
  return tx.select().from(stages).where(eq(stages.pipelineId, pipelineId)).orderBy(asc(stages.position));
}

export async function addStage(db: Db, actor: Actor, pipelineId: string, input: StageInput): Promise<string> {
  assertCan(actor, 'pipeline.manage');
  const p = await getPipeline(db, actor, pipelineId);
  await assertCanShape(db, actor, p.teamId);
  return db.transaction(async (tx) => {
    const current = await lockStages(tx, pipelineId);
    // New open stages go before the closing (won/lost) ones.
    const firstClosed = current.find((s) => s.kind !== 'open');
    const position = input.kind === 'open' && firstClosed ? firstClosed.position : (current.at(-1)?.position ?? -1) + 1;
    await tx.update(stages).set({ position: sql`${stages.position} + 1` }).where(and(eq(stages.pipelineId, pipelineId), sql`${stages.position} >= ${position}`));
    const [s] = await tx
      .insert(stages)
      .values({ orgId: actor.orgId, pipelineId, position, name: input.name, names: namesFrom(input, LOCALES), probability: input.probability, kind: input.kind })
      .returning({ id: stages.id });
    await writeAudit(tx, actor, actor.orgId, 'pipeline', pipelineId, 'addStage', { name: input.name });
    return s.id;
  });
}

async function stageOf(db: Db, actor: Actor, stageId: string) {
  if (!isUuid(stageId)) throw notFound();
  const [s] = await db.select().from(stages).where(and(eq(stages.id, stageId), eq(stages.orgId, actor.orgId)));
  if (!s) throw notFound();
  const p = await getPipeline(db, actor, s.pipelineId);
  await assertCanShape(db, actor, p.teamId);
  return { stage: s, pipeline: p };
}

export async function updateStage(db: Db, actor: Actor, stageId: string, input: StageInput): Promise<void> {
  assertCan(actor, 'pipeline.manage');
  const { stage, pipeline } = await stageOf(db, actor, stageId);
  const lastOpen = (ss: { id: string; kind: string }[]) =>
    ss.find((s) => s.id === stageId)?.kind === 'open' && input.kind !== 'open' && ss.filter((s) => s.kind === 'open').length === 1;
  if (lastOpen(pipeline.stages)) throw invalid({ kind: 'lastOpenStage' });
  await db.transaction(async (tx) => {
    // Checked again on the locked set: two open stages closed at once must not leave none.
    const current = await lockStages(tx, stage.pipelineId);
    if (!current.some((s) => s.id === stageId)) throw notFound();
    if (lastOpen(current)) throw invalid({ kind: 'lastOpenStage' });
    const names = namesFrom(input, LOCALES);
    await tx.update(stages).set({ name: input.name, names, probability: input.probability, kind: input.kind }).where(eq(stages.id, stageId));
    await writeAudit(tx, actor, actor.orgId, 'stage', stageId, 'update', { name: input.name, names, probability: input.probability, kind: input.kind });
  });
}

/** Swaps a stage with its neighbour. */
export async function moveStage(db: Db, actor: Actor, stageId: string, direction: 'up' | 'down'): Promise<void> {
  assertCan(actor, 'pipeline.manage');
  const { stage: found } = await stageOf(db, actor, stageId);
  await db.transaction(async (tx) => {
    // Positions are read under the lock, so two reorders at once cannot leave two stages in one place.
    const current = await lockStages(tx, found.pipelineId);
    const i = current.findIndex((s) => s.id === stageId);
    if (i < 0) throw notFound();
    const stage = current[i];
    const other = current[direction === 'up' ? i - 1 : i + 1];
    if (!other) return;
    await tx.update(stages).set({ position: other.position }).where(eq(stages.id, stage.id));
    await tx.update(stages).set({ position: stage.position }).where(eq(stages.id, other.id));
  });
}

/** Removes a stage; deals in it move to `moveToStageId`, which is required when there are any. */
export async function removeStage(db: Db, actor: Actor, stageId: string, moveToStageId: string | null): Promise<number> {
  assertCan(actor, 'pipeline.manage');
  const { stage } = await stageOf(db, actor, stageId);
  return db.transaction(async (tx) => {
    // Every rule is checked under the locks: the stage set is locked, and the stage itself FOR
    // UPDATE, which waits for a deal being moved into it (moveOpportunity share-locks its stage)
    // and keeps new ones out until the stage is gone. So the deal count below is the final one.
    const current = await lockStages(tx, stage.pipelineId);
    const fresh = current.find((s) => s.id === stageId);
    if (!fresh) throw notFound();
    if (current.length <= 1) throw invalid({ stageId: 'lastStage' });
    if (fresh.kind === 'open' && current.filter((s) => s.kind === 'open').length === 1) throw invalid({ stageId: 'lastOpenStage' });
    await tx.select({ id: stages.id }).from(stages).where(eq(stages.id, stageId)).for('update');
    const [{ n }] = await tx.select({ n: count() }).from(opportunities).where(eq(opportunities.stageId, stageId));
    const target = moveToStageId ? current.find((s) => s.id === moveToStageId && s.id !== stageId) : undefined;
    if (Number(n) > 0 && !target) throw invalid({ moveToStageId: 'chooseStageForDeals' });
    if (target) {
      await tx
        .update(opportunities)
        .set({
          stageId: target.id, status: target.kind, version: sql`${opportunities.version} + 1`, updatedAt: new Date(),
          // A deal moved into a closing stage is closed: it keeps no standby date.
          ...(target.kind !== 'open' ? { standbyUntil: null } : {}),
        })
        .where(eq(opportunities.stageId, stageId));
    }
    await tx.delete(stages).where(eq(stages.id, stageId));
    await writeAudit(tx, actor, actor.orgId, 'stage', stageId, 'delete', { name: stage.name, moved: Number(n), to: target?.id });
    return Number(n);
  });
}

export const lostReasonInput = z.object({ name: requiredText(120), ...namesPerLanguage(120) });
export const lostReasonUpdateInput = lostReasonInput.extend({ id: uuid, active: z.preprocess((v) => v === 'on' || v === 'true', z.boolean()) });

/** Every lost reason, retired ones too, for the admin's list. */
export async function listAllLostReasons(db: Db, actor: Actor) {
  await ensureDefaultPipeline(db, actor.orgId);
  return db.select().from(lostReasons).where(eq(lostReasons.orgId, actor.orgId)).orderBy(sql`${lostReasons.active} desc`, asc(lostReasons.name));
}

/** `names`: the reason in other languages (`namesFrom` of the form), shown to users who speak them. */
export async function addLostReason(db: Db, actor: Actor, name: string, names: Record<string, string> = {}): Promise<string> {
  assertCan(actor, 'org.manage');
  const [r] = await db.insert(lostReasons).values({ orgId: actor.orgId, name, names }).returning({ id: lostReasons.id });
  return r.id;
}

/** Renames a reason (and its names per language), or retires / reinstates it; deals that used it keep it. */
export async function updateLostReason(db: Db, actor: Actor, id: string, change: { name?: string; names?: Record<string, string>; active?: boolean }): Promise<void> {
  assertCan(actor, 'org.manage');
  if (!isUuid(id)) throw notFound();
  const set: Partial<typeof lostReasons.$inferInsert> = {};
  if (change.name !== undefined) set.name = change.name;
  if (change.names !== undefined) set.names = change.names;
  if (change.active !== undefined) set.active = change.active;
  const done = await db.update(lostReasons).set(set).where(and(eq(lostReasons.id, id), eq(lostReasons.orgId, actor.orgId))).returning({ id: lostReasons.id });
  if (!done.length) throw notFound();
}
