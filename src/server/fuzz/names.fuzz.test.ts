import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { makeWorld, type World } from '../../../tests/support/world';
import { typed, type FuzzSpec, fuzzSuite } from '../../../tests/support/fuzz';
import type { FormValues } from '../../../tests/support/act';
import { lostReasons, pipelines, stages } from '../db/schema';
import {
  addLostReason, addStage, copyPipeline, copyPipelineInput, createPipeline, listLostReasons, listPipelines, lostReasonInput, lostReasonUpdateInput,
  stageInput, updateLostReason, updateStage,
} from '../pipelines';
import { LOCALES } from '../i18n/locales';
import { namesFrom } from '@/lib/local-name';
import { uuid } from '../validation';

/**
 * Names per language on stages and lost reasons (issue 11), and a team's copy of a pipeline: 1,000+
 * hostile submissions per action (seeded), as src/app/(app)/pipelines/actions.ts sends them.
 */
let w: World;
let sharedId: string;
let teamPipelineId: string;
let stageIds: string[];
let reasonIds: string[];
const run = <S extends z.ZodType, R>(spec: FuzzSpec<S, R>, seed: number) => fuzzSuite(w.db, spec, seed);

beforeAll(async () => {
  w = await makeWorld();
  const [p] = await listPipelines(w.db, w.actors.admin);
  sharedId = p.id;
  teamPipelineId = await createPipeline(w.db, w.actors.mA, { name: 'Team A', teamId: w.teams.teamA.id });
  stageIds = (await listPipelines(w.db, w.actors.mA)).find((x) => x.id === teamPipelineId)!.stages.map((s) => s.id);
  reasonIds = (await listLostReasons(w.db, w.actors.admin)).map((r) => r.id);
});

const anyIds = () => [
  w.people.repA1.id, w.people.admin2.id, w.teams.teamA.id, w.teams.teamB.id, w.territories.A1, sharedId, teamPipelineId, ...stageIds, ...reasonIds, w.customers.other,
];
const ids = () => ({ ids: anyIds() });
const enumOf = (name: string, values: readonly string[]) => ({ ids: [], enums: { [name]: [...values] } });
const nameFields = { name_en: 'text', name_th: 'text', name_vi: 'text', name_ru: 'text' } as const;
const names = (): FormValues => ({ name_en: 'Qualified', name_th: 'ผ่านการคัดกรอง', name_vi: 'Đã xác định', name_ru: 'Квалифицирована' });
/** What a form's names per language store: each typed name trimmed, empty ones left out. */
const typedNames = (v: FormValues) => namesFrom(Object.fromEntries(LOCALES.map((l) => [`name_${l}`, typed(v[`name_${l}`])])), LOCALES);

describe('fuzz: names per language', () => {
  const stageFields = { name: 'text', probability: 'int', kind: 'enum', ...nameFields } as const;
  const kind = { kind: enumOf('kind', ['open', 'won', 'lost']) };

  it('stages', async () => {
    await run({
      name: 'addStage (names)', schema: stageInput.extend({ pipelineId: uuid }), run: ({ db, actor, input }) => addStage(db, actor, input.pipelineId, input),
      actor: w.actors.mA, base: () => ({ pipelineId: teamPipelineId, name: 'Demo', probability: '40', kind: 'open', ...names() }),
      fields: { ...stageFields, pipelineId: 'id' }, ctx: { ...kind, pipelineId: ids() },
      verify: async (id, v) => {
        const [s] = await w.db.select().from(stages).where(eq(stages.id, id));
        expect(s.name).toBe(typed(v.name));
        expect(s.names).toEqual(typedNames(v));
      },
    }, 1101);
    await run({
      name: 'updateStage (names)', schema: stageInput.extend({ stageId: uuid }), run: ({ db, actor, input }) => updateStage(db, actor, input.stageId, input),
      actor: w.actors.mA, base: () => ({ stageId: stageIds[1], name: 'Proposal', probability: '30', kind: 'open', ...names() }),
      fields: { ...stageFields, stageId: 'id' }, ctx: { ...kind, stageId: ids() },
      verify: async (_, v) => {
        const [s] = await w.db.select().from(stages).where(eq(stages.id, String(v.stageId)));
        expect(s.names).toEqual(typedNames(v));
      },
    }, 1102);
  });

  it('lost reasons', async () => {
    await run({
      name: 'addLostReason (names)', schema: lostReasonInput, run: ({ db, actor, input }) => addLostReason(db, actor, input.name, namesFrom(input, LOCALES)),
      actor: w.actors.admin, base: () => ({ name: 'Budget cut', ...names() }), fields: { name: 'text', ...nameFields },
      verify: async (id, v) => {
        const [r] = await w.db.select().from(lostReasons).where(eq(lostReasons.id, id));
        expect(r.name).toBe(typed(v.name));
        expect(r.names).toEqual(typedNames(v));
      },
    }, 1103);
    await run({
      name: 'updateLostReason (names)', schema: lostReasonUpdateInput,
      run: ({ db, actor, input }) => updateLostReason(db, actor, input.id, { name: input.name, names: namesFrom(input, LOCALES), active: input.active }),
      actor: w.actors.admin, base: () => ({ id: reasonIds[0], name: 'Price', active: 'on', ...names() }),
      fields: { id: 'id', name: 'text', active: 'bool', ...nameFields }, ctx: { id: ids() },
      verify: async (_, v) => {
        const [r] = await w.db.select().from(lostReasons).where(eq(lostReasons.id, String(v.id)));
        expect(r.names).toEqual(typedNames(v));
      },
    }, 1104);
  });

  it('a team\'s copy of a pipeline', async () => {
    await run({
      name: 'copyPipeline', schema: copyPipelineInput, run: ({ db, actor, input }) => copyPipeline(db, actor, input), actor: w.actors.mA,
      base: () => ({ pipelineId: sharedId, teamId: w.teams.teamA.id }), fields: { pipelineId: 'id', teamId: 'id' }, ctx: { pipelineId: ids(), teamId: ids() },
      verify: async (id, v) => {
        const [p] = await w.db.select().from(pipelines).where(eq(pipelines.id, id));
        // Only into the manager's own team, whatever was sent.
        expect(p.teamId).toBe(w.teams.teamA.id);
        expect(typed(v.teamId).toLowerCase()).toBe(w.teams.teamA.id);
      },
    }, 1105);
    // Every accepted case adds a pipeline of five stages.
  }, 180_000);
});
