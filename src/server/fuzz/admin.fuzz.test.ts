import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { makeWorld, type World } from '../../../tests/support/world';
import { typed, type FuzzSpec, fuzzSuite } from '../../../tests/support/fuzz';
import type { FormValues } from '../../../tests/support/act';
import { organizations, teams, territories, users } from '../db/schema';
import { createUser, reassignCustomers, updateUser } from '../users/commands';
import { editUserInput, newUserInput } from '../users/schemas';
import { createTeam, deleteTeam, teamEdit, teamInput, updateTeam } from '../teams';
import { createTerritory, deleteTerritory, setTerritoryRetired, territoryInput, updateTerritory } from '../territories';
import { organizationInput, updateOrganization } from '../organization';
import { changeOwnLocale, changeOwnPassword, emailOptIn, localeChange, passwordChange, setEmailNotifications } from '../account';
import {
  addLostReason, addStage, createPipeline, listLostReasons, listPipelines, lostReasonInput, moveStage, pipelineInput, removeStage, renamePipeline,
  stageInput, updateLostReason, updateStage,
} from '../pipelines';
import { LOCALES } from '../i18n/locales';
import { CURRENCIES } from '../organization';
import { optionalUuid, requiredText, uuid, version } from '../validation';
import { PASSWORD } from '../../../tests/support/world';

/**
 * Administration, pipelines and the account page, 1,000+ hostile submissions per action (seeded).
 * Mirrors src/app/(app)/admin, pipelines and account actions.
 */
let w: World;
let pipelineId: string;
let stageIds: string[];
let reasonIds: string[];
const run = <S extends z.ZodType, R>(spec: FuzzSpec<S, R>, seed: number) => fuzzSuite(w.db, spec, seed);

beforeAll(async () => {
  w = await makeWorld();
  const [p] = await listPipelines(w.db, w.actors.admin);
  pipelineId = p.id;
  stageIds = p.stages.map((s) => s.id);
  reasonIds = (await listLostReasons(w.db, w.actors.admin)).map((r) => r.id);
});

const anyIds = () => [
  w.people.repA1.id, w.people.mA.id, w.people.admin2.id, w.teams.teamA.id, w.teams.teamB.id, w.territories.A1, w.territories.regionB, pipelineId,
  ...stageIds, ...reasonIds, w.customers.other,
];
const ids = () => ({ ids: anyIds() });
const enumOf = (name: string, values: readonly string[]) => ({ ids: [], enums: { [name]: [...values] } });

describe('fuzz: users, teams, territories, organization', () => {
  let n = 0;
  const userFields = { name: 'text', email: 'email', role: 'enum', locale: 'enum', teamId: 'id', territoryIds: 'id' } as const;
  const userCtx = () => ({ role: enumOf('role', ['admin', 'manager', 'rep', 'finance']), locale: enumOf('locale', LOCALES), teamId: ids(), territoryIds: ids() });
  const userBase = (): FormValues => ({
    name: 'New rep', email: `fuzz${++n}.${w.tag}@test.local`, role: 'rep', locale: 'th', teamId: '', territoryIds: [w.territories.A1],
  });

  it('create and update user, reassign', async () => {
    await run({
      name: 'createUser', schema: newUserInput, run: ({ db, actor, input }) => createUser(db, actor, input), actor: w.actors.admin,
      base: userBase, fields: userFields, ctx: userCtx(),
      verify: async (id, v) => {
        const [u] = await w.db.select().from(users).where(eq(users.id, id));
        expect(u.name).toBe(typed(v.name));
        expect(u.orgId).toBe(w.org.id);
      },
    }, 801);
    await run({
      name: 'updateUser', schema: editUserInput.extend({ id: uuid, version }),
      run: ({ db, actor, input }) => updateUser(db, actor, input.id, input.version, input), actor: w.actors.admin,
      base: async () => {
        const [u] = await w.db.select({ version: users.version, email: users.email }).from(users).where(eq(users.id, w.people.repA2.id));
        return { ...userBase(), email: u.email, active: 'on', id: w.people.repA2.id, version: String(u.version) };
      },
      fields: { ...userFields, active: 'bool', id: 'id', version: 'int' }, ctx: { ...userCtx(), id: ids() },
    }, 802);
    await run({
      name: 'reassignCustomers', schema: z.object({ fromUserId: uuid, toUserId: uuid }),
      run: ({ db, actor, input }) => reassignCustomers(db, actor, input.fromUserId, input.toUserId), actor: w.actors.admin,
      base: () => ({ fromUserId: w.people.repA2.id, toUserId: w.people.repA1.id }), fields: { fromUserId: 'id', toUserId: 'id' }, ctx: { fromUserId: ids(), toUserId: ids() },
    }, 803);
  });

  it('teams', async () => {
    let k = 0;
    const teamBase = (): FormValues => ({ name: `Team ${++k}`, managerId: w.people.mA.id, memberIds: [w.people.repA1.id] });
    const teamFields = { name: 'text', managerId: 'id', memberIds: 'id' } as const;
    await run({
      name: 'createTeam', schema: teamInput, run: ({ db, actor, input }) => createTeam(db, actor, input), actor: w.actors.admin,
      base: teamBase, fields: teamFields, ctx: { managerId: ids(), memberIds: ids() },
      verify: async (id, v) => {
        const [t] = await w.db.select().from(teams).where(eq(teams.id, id));
        expect(t.name).toBe(typed(v.name));
      },
    }, 811);
    await run({
      name: 'updateTeam', schema: teamEdit.extend({ id: uuid }), run: ({ db, actor, input }) => updateTeam(db, actor, input.id, input.version, input), actor: w.actors.admin,
      base: async () => {
        const [t] = await w.db.select({ version: teams.version }).from(teams).where(eq(teams.id, w.teams.teamB.id));
        return { name: 'Team B', managerId: w.people.mB.id, memberIds: [w.people.repB1.id], id: w.teams.teamB.id, version: String(t.version) };
      },
      fields: { ...teamFields, id: 'id', version: 'int' }, ctx: { managerId: ids(), memberIds: ids(), id: ids() },
    }, 812);
    const spare = await createTeam(w.db, w.actors.admin, { name: `Spare ${w.tag}`, managerId: null, memberIds: [] });
    await run({
      name: 'deleteTeam', schema: z.object({ id: uuid }), run: ({ db, actor, input }) => deleteTeam(db, actor, input.id), actor: w.actors.admin,
      base: () => ({ id: spare }), fields: { id: 'id' }, ctx: { id: ids() },
    }, 813);
  });

  it('territories', async () => {
    let k = 0;
    await run({
      name: 'createTerritory', schema: territoryInput, run: ({ db, actor, input }) => createTerritory(db, actor, input), actor: w.actors.admin,
      base: () => ({ name: `Zone ${++k}`, parentId: w.territories.regionA }), fields: { name: 'text', parentId: 'id' }, ctx: { parentId: ids() },
      verify: async (id, v) => {
        const [t] = await w.db.select().from(territories).where(eq(territories.id, id));
        expect(t.name).toBe(typed(v.name));
        expect(t.orgId).toBe(w.org.id);
      },
    }, 821);
    const leaf = await createTerritory(w.db, w.actors.admin, { name: `Leaf ${w.tag}`, parentId: w.territories.regionB });
    await run({
      name: 'updateTerritory', schema: territoryInput.extend({ id: uuid }), run: ({ db, actor, input }) => updateTerritory(db, actor, input.id, input), actor: w.actors.admin,
      base: () => ({ id: leaf, name: 'Leaf', parentId: w.territories.regionB }), fields: { id: 'id', name: 'text', parentId: 'id' }, ctx: { id: { ids: [leaf, ...anyIds()] }, parentId: { ids: [leaf, ...anyIds()] } },
    }, 822);
    await run({
      name: 'retireTerritory', schema: z.object({ id: uuid, retired: z.enum(['true', 'false']) }),
      run: ({ db, actor, input }) => setTerritoryRetired(db, actor, input.id, input.retired === 'true'), actor: w.actors.admin,
      base: () => ({ id: leaf, retired: 'true' }), fields: { id: 'id', retired: 'enum' }, ctx: { id: ids(), retired: enumOf('retired', ['true', 'false']) },
    }, 823);
    await run({
      name: 'deleteTerritory', schema: z.object({ id: uuid }), run: ({ db, actor, input }) => deleteTerritory(db, actor, input.id), actor: w.actors.admin,
      base: () => ({ id: leaf }), fields: { id: 'id' }, ctx: { id: ids() },
    }, 824);
  });

  it('organization settings', async () => {
    await run({
      name: 'updateOrganization', schema: organizationInput, run: ({ db, actor, input }) => updateOrganization(db, actor, input), actor: w.actors.admin,
      base: async () => {
        const [o] = await w.db.select().from(organizations).where(eq(organizations.id, w.org.id));
        return {
          legalName: o.legalName, address: 'Bangkok', taxId: '0105551234567', branch: '00000', currency: 'THB', locale: 'th', timeZone: 'Asia/Bangkok',
          removeLogo: '', quoteValidityDays: '30', quoteTerms: 'Net 30', version: String(o.version),
        };
      },
      fields: {
        legalName: 'text', address: 'long', taxId: 'text', branch: 'text', currency: 'enum', locale: 'enum', timeZone: 'text', removeLogo: 'bool',
        quoteValidityDays: 'int', quoteTerms: 'long', version: 'int',
      },
      ctx: { currency: enumOf('currency', CURRENCIES), locale: enumOf('locale', LOCALES) },
      verify: async (_r, v) => {
        const [o] = await w.db.select().from(organizations).where(eq(organizations.id, w.org.id));
        expect(o.legalName).toBe(typed(v.legalName));
        expect(o.quoteTerms).toBe(typed(v.quoteTerms));
      },
    }, 831);
  });
});

describe('fuzz: pipelines and account', () => {
  it('pipelines, stages and lost reasons', async () => {
    await run({
      name: 'createPipeline', schema: pipelineInput, run: ({ db, actor, input }) => createPipeline(db, actor, input), actor: w.actors.mA,
      base: () => ({ name: 'Projects', teamId: w.teams.teamA.id }), fields: { name: 'text', teamId: 'id' }, ctx: { teamId: ids() },
    }, 901);
    await run({
      name: 'renamePipeline', schema: z.object({ id: uuid, name: requiredText(120) }), run: ({ db, actor, input }) => renamePipeline(db, actor, input.id, input.name),
      actor: w.actors.admin, base: () => ({ id: pipelineId, name: 'Sales' }), fields: { id: 'id', name: 'text' }, ctx: { id: ids() },
    }, 902);
    const stageFields = { name: 'text', probability: 'int', kind: 'enum' } as const;
    const kind = { kind: enumOf('kind', ['open', 'won', 'lost']) };
    await run({
      name: 'addStage', schema: stageInput.extend({ pipelineId: uuid }), run: ({ db, actor, input }) => addStage(db, actor, input.pipelineId, input), actor: w.actors.admin,
      base: () => ({ pipelineId, name: 'Demo', probability: '40', kind: 'open' }), fields: { ...stageFields, pipelineId: 'id' }, ctx: { ...kind, pipelineId: ids() },
    }, 903);
    await run({
      name: 'updateStage', schema: stageInput.extend({ stageId: uuid }), run: ({ db, actor, input }) => updateStage(db, actor, input.stageId, input), actor: w.actors.admin,
      base: () => ({ stageId: stageIds[1], name: 'Qualified', probability: '30', kind: 'open' }), fields: { ...stageFields, stageId: 'id' }, ctx: { ...kind, stageId: ids() },
    }, 904);
    await run({
      name: 'moveStage', schema: z.object({ stageId: uuid, direction: z.enum(['up', 'down']) }), run: ({ db, actor, input }) => moveStage(db, actor, input.stageId, input.direction),
      actor: w.actors.admin, base: () => ({ stageId: stageIds[1], direction: 'down' }), fields: { stageId: 'id', direction: 'enum' }, ctx: { stageId: ids(), direction: enumOf('direction', ['up', 'down']) },
    }, 905);
    await run({
      name: 'removeStage', schema: z.object({ stageId: uuid, moveToStageId: optionalUuid }), run: ({ db, actor, input }) => removeStage(db, actor, input.stageId, input.moveToStageId),
      actor: w.actors.mB, base: () => ({ stageId: stageIds[2], moveToStageId: stageIds[1] }), fields: { stageId: 'id', moveToStageId: 'id' }, ctx: { stageId: ids(), moveToStageId: ids() },
    }, 906);
    await run({
      name: 'addLostReason', schema: lostReasonInput, run: ({ db, actor, input }) => addLostReason(db, actor, input.name), actor: w.actors.admin,
      base: () => ({ name: 'Budget cut' }), fields: { name: 'text' },
    }, 907);
    await run({
      name: 'updateLostReason', schema: z.object({ id: uuid, name: requiredText(120), active: z.preprocess((v) => v === 'on' || v === 'true', z.boolean()) }),
      run: ({ db, actor, input }) => updateLostReason(db, actor, input.id, { name: input.name, active: input.active }), actor: w.actors.admin,
      base: () => ({ id: reasonIds[0], name: 'Price', active: 'on' }), fields: { id: 'id', name: 'text', active: 'bool' }, ctx: { id: ids() },
    }, 908);
  });

  it('account', async () => {
    await run({
      name: 'changeOwnPassword', schema: passwordChange, run: ({ db, actor, input }) => changeOwnPassword(db, actor, input), actor: w.actors.repB1,
      base: () => ({ current: 'wrong-password', next: 'another-long-pass', confirm: 'another-long-pass' }),
      fields: { current: 'password', next: 'password', confirm: 'password' },
    }, 911);
    await run({
      name: 'changeOwnLocale', schema: localeChange, run: ({ db, actor, input }) => changeOwnLocale(db, actor, input.locale), actor: w.actors.repB1,
      base: () => ({ locale: 'vi' }), fields: { locale: 'enum' }, ctx: { locale: enumOf('locale', LOCALES) },
    }, 912);
    await run({
      name: 'setEmailNotifications', schema: emailOptIn.extend({ x: z.string().max(1).optional() }), run: ({ db, actor, input }) => setEmailNotifications(db, actor, input.emailNotifications),
      actor: w.actors.repB1, base: () => ({ emailNotifications: 'on' }), fields: { emailNotifications: 'bool', x: 'text' },
    }, 913);
    expect(PASSWORD).toBeTruthy();
  });
});
