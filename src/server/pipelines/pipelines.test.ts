import { beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, type World } from '../../../tests/support/world';
import { addStage, createPipeline, listLostReasons, listPipelines, moveStage, removeStage, renamePipeline, updateStage } from './index';
import { createOpportunity } from '../opportunities/commands';
import { getOpportunity } from '../opportunities/queries';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});

describe('pipelines and stages', () => {
  it('a default pipeline with the classic five stages exists out of the box', async () => {
    const [p] = await listPipelines(w.db, w.actors.repA1);
    expect(p.isDefault).toBe(true);
    expect(p.stages.map((s) => [s.name, s.probability, s.kind])).toEqual([
      ['Qualified', 10, 'open'], ['Proposal submitted', 30, 'open'], ['Negotiating', 60, 'open'], ['Sale agreed', 100, 'won'], ['Sale lost', 0, 'lost'],
    ]);
    expect((await listPipelines(w.db, w.actors.admin)).length).toBe(1);
    expect((await listLostReasons(w.db, w.actors.repA1)).length).toBeGreaterThan(0);
  });

  it('an admin adds, renames, reorders and edits stages; open stages go before the closing ones', async () => {
    const id = await createPipeline(w.db, w.actors.admin, { name: 'Projects', teamId: null });
    await renamePipeline(w.db, w.actors.admin, id, 'Big projects');
    await addStage(w.db, w.actors.admin, id, { name: 'Site survey', probability: 70, kind: 'open' });
    let p = (await listPipelines(w.db, w.actors.admin)).find((x) => x.id === id)!;
    expect(p.name).toBe('Big projects');
    expect(p.stages.map((s) => s.name)).toEqual(['Qualified', 'Proposal submitted', 'Negotiating', 'Site survey', 'Sale agreed', 'Sale lost']);
    await moveStage(w.db, w.actors.admin, p.stages[3].id, 'up');
    await updateStage(w.db, w.actors.admin, p.stages[0].id, { name: 'Lead', probability: 5, kind: 'open' });
    p = (await listPipelines(w.db, w.actors.admin)).find((x) => x.id === id)!;
    expect(p.stages.map((s) => `${s.name}:${s.probability}`)).toEqual(['Lead:5', 'Proposal submitted:30', 'Site survey:70', 'Negotiating:60', 'Sale agreed:100', 'Sale lost:0']);
  });

  it('removing a stage that holds deals asks where to move them, and moves them', async () => {
    const [p] = await listPipelines(w.db, w.actors.admin);
    const proposal = p.stages[1];
    const negotiating = p.stages[2];
    const deal = await createOpportunity(w.db, w.actors.repA1, { title: 'Kept deal', customerId: w.customers.a1, newCustomerName: '', contactId: null, pipelineId: p.id, stageId: proposal.id, amount: '1000', currency: 'THB', expectedCloseDate: null, probability: null, source: '', description: '', ownerId: '' });
    await expect(removeStage(w.db, w.actors.admin, proposal.id, null)).rejects.toMatchObject({ fields: { moveToStageId: 'chooseStageForDeals' } });
    expect(await removeStage(w.db, w.actors.admin, proposal.id, negotiating.id)).toBe(1);
    expect((await getOpportunity(w.db, w.actors.repA1, deal)).stageId).toBe(negotiating.id);
  });

  it('keeps at least one open stage', async () => {
    const id = await createPipeline(w.db, w.actors.admin, { name: 'Tiny', teamId: null });
    const p = (await listPipelines(w.db, w.actors.admin)).find((x) => x.id === id)!;
    await removeStage(w.db, w.actors.admin, p.stages[0].id, null);
    await removeStage(w.db, w.actors.admin, p.stages[1].id, null);
    await expect(removeStage(w.db, w.actors.admin, p.stages[2].id, null)).rejects.toMatchObject({ fields: { stageId: 'lastOpenStage' } });
    await expect(updateStage(w.db, w.actors.admin, p.stages[2].id, { name: 'x', probability: 0, kind: 'won' })).rejects.toMatchObject({ fields: { kind: 'lastOpenStage' } });
  });

  it('a manager shapes only their own team\'s pipelines; reps and finance none', async () => {
    const mine = await createPipeline(w.db, w.actors.mA, { name: 'Team A flow', teamId: w.teams.teamA.id });
    await expect(createPipeline(w.db, w.actors.mA, { name: 'Not mine', teamId: w.teams.teamB.id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(createPipeline(w.db, w.actors.mA, { name: 'Company-wide', teamId: null })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(renamePipeline(w.db, w.actors.mB, mine, 'Hijack')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(createPipeline(w.db, w.actors.repA1, { name: 'x', teamId: null })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(createPipeline(w.db, w.actors.finance, { name: 'x', teamId: null })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(renamePipeline(w.db, w.actors.admin2, mine, 'x')).rejects.toMatchObject({ code: 'notFound' });
  });
});

describe('lost reasons', () => {
  it('an admin adds, renames and retires reasons; retired ones are no longer offered', async () => {
    const { addLostReason, updateLostReason, listAllLostReasons } = await import('./index');
    const id = await addLostReason(w.db, w.actors.admin, 'Delivery time');
    await updateLostReason(w.db, w.actors.admin, id, { name: 'Delivery too slow', active: true });
    expect((await listLostReasons(w.db, w.actors.repA1)).map((r) => r.name)).toContain('Delivery too slow');
    await updateLostReason(w.db, w.actors.admin, id, { active: false });
    expect((await listLostReasons(w.db, w.actors.repA1)).map((r) => r.name)).not.toContain('Delivery too slow');
    expect((await listAllLostReasons(w.db, w.actors.admin)).find((r) => r.id === id)?.active).toBe(false);
    await expect(addLostReason(w.db, w.actors.mA, 'x')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(updateLostReason(w.db, w.actors.admin2, id, { active: true })).rejects.toMatchObject({ code: 'notFound' });
  });
});

describe('names per language', () => {
  it('the default stages and lost reasons carry a name in every language; `name` is the organization\'s', async () => {
    const { localName } = await import('@/lib/local-name');
    const [p] = await listPipelines(w.db, w.actors.admin);
    const qualified = p.stages.find((s) => s.probability === 10)!;
    expect(qualified.name).toBe('Qualified');
    expect(Object.keys(qualified.names).sort()).toEqual(['en', 'ru', 'th', 'vi']);
    expect(localName(qualified, 'ru')).toBe('Квалифицирована');
    expect(localName(qualified, 'th')).toBe('ผ่านการคัดกรอง');
    const price = (await listLostReasons(w.db, w.actors.admin)).find((r) => r.name === 'Price')!;
    expect(localName(price, 'vi')).toBe('Giá');
  });

  it('a stage keeps the names typed per language; an empty one falls back to the main name', async () => {
    const { localName } = await import('@/lib/local-name');
    const { act } = await import('../../../tests/support/act');
    const { stageInput } = await import('./index');
    const { z } = await import('zod');
    const id = await createPipeline(w.db, w.actors.admin, { name: 'Names', teamId: null });
    const schema = stageInput.extend({ pipelineId: z.string() });
    const out = await act(w.db, w.actors.admin, schema, ({ db, actor, input }) => addStage(db, actor, input.pipelineId, input), {
      pipelineId: id, name: 'Site visit', probability: '40', kind: 'open', name_ru: '  Выезд на объект ', name_th: '', name_vi: 'Khảo sát', name_en: '',
    });
    expect(out.state.status).toBe('ok');
    const stage = (await listPipelines(w.db, w.actors.admin)).find((p) => p.id === id)!.stages.find((s) => s.id === out.result)!;
    expect(stage.names).toEqual({ ru: 'Выезд на объект', vi: 'Khảo sát' });
    expect(localName(stage, 'ru')).toBe('Выезд на объект');
    expect(localName(stage, 'th')).toBe('Site visit');
    expect(localName(stage, 'en')).toBe('Site visit');
    // Hostile text in a name per language is refused like any name.
    const bad = await act(w.db, w.actors.admin, schema, ({ db, actor, input }) => addStage(db, actor, input.pipelineId, input), {
      pipelineId: id, name: 'x', probability: '40', kind: 'open', name_ru: 'a\u0000b', name_vi: 'y'.repeat(81),
    });
    expect(bad.state.status).toBe('error');
    expect(bad.state.fieldErrors).toMatchObject({ name_ru: expect.any(String), name_vi: expect.any(String) });
    // Editing replaces the names: one cleared falls back again.
    await updateStage(w.db, w.actors.admin, stage.id, { name: 'Site survey', name_vi: 'Khảo sát hiện trường', probability: 40, kind: 'open' });
    const again = (await listPipelines(w.db, w.actors.admin)).find((p) => p.id === id)!.stages.find((s) => s.id === stage.id)!;
    expect(again.names).toEqual({ vi: 'Khảo sát hiện trường' });
    expect(localName(again, 'ru')).toBe('Site survey');
  });

  it('a lost reason keeps its names per language, and a lost deal shows its reason even once retired', async () => {
    const { localName } = await import('@/lib/local-name');
    const { addLostReason, updateLostReason, listAllLostReasons } = await import('./index');
    const { moveOpportunity } = await import('../opportunities/commands');
    const id = await addLostReason(w.db, w.actors.admin, 'Delivery', { ru: 'Сроки поставки' });
    let r = (await listAllLostReasons(w.db, w.actors.admin)).find((x) => x.id === id)!;
    expect(localName(r, 'ru')).toBe('Сроки поставки');
    expect(localName(r, 'vi')).toBe('Delivery');
    await updateLostReason(w.db, w.actors.admin, id, { name: 'Delivery', names: { vi: 'Giao hàng chậm' }, active: true });
    r = (await listAllLostReasons(w.db, w.actors.admin)).find((x) => x.id === id)!;
    expect(r.names).toEqual({ vi: 'Giao hàng chậm' });

    const [p] = await listPipelines(w.db, w.actors.admin);
    const lostStage = p.stages.find((s) => s.kind === 'lost')!;
    const deal = await createOpportunity(w.db, w.actors.repA1, { title: 'Lost one', customerId: w.customers.a1, newCustomerName: '', contactId: null, pipelineId: p.id, stageId: p.stages[0].id, amount: '1', currency: 'THB', expectedCloseDate: null, probability: null, source: '', description: '', ownerId: '' });
    const before = await getOpportunity(w.db, w.actors.repA1, deal);
    await moveOpportunity(w.db, w.actors.repA1, { id: deal, stageId: lostStage.id, lostReasonId: id, lostNote: '' }, before.version);
    await updateLostReason(w.db, w.actors.admin, id, { active: false });
    const lost = await getOpportunity(w.db, w.actors.repA1, deal);
    expect(localName({ name: lost.lostReasonName!, names: lost.lostReasonNames }, 'vi')).toBe('Giao hàng chậm');
    expect(localName({ name: lost.stageName, names: lost.stageNames }, 'ru')).toBe('Сделка проиграна');
    const { listOpportunities } = await import('../opportunities/queries');
    const row = (await listOpportunities(w.db, w.actors.repA1, { q: 'Lost one' })).rows[0];
    expect(localName({ name: row.stageName, names: row.stageNames }, 'th')).toBe('ไม่ได้งาน');
  });
});

describe('a team\'s own pipeline', () => {
  let v: World;
  beforeAll(async () => {
    v = await makeWorld();
  });

  it('a manager copies the shared pipeline for their team: same stages and names; the team starts there, deals stay where they are', async () => {
    const { copyPipeline } = await import('./index');
    const [shared] = await listPipelines(v.db, v.actors.mA);
    expect(shared.teamId).toBeNull();
    const old = await createOpportunity(v.db, v.actors.repA1, { title: 'Before the copy', customerId: v.customers.a1, newCustomerName: '', contactId: null, pipelineId: shared.id, stageId: shared.stages[1].id, amount: '10', currency: 'THB', expectedCloseDate: null, probability: null, source: '', description: '', ownerId: '' });

    const copy = await copyPipeline(v.db, v.actors.mA, { pipelineId: shared.id, teamId: v.teams.teamA.id });
    const mine = await listPipelines(v.db, v.actors.repA1);
    expect(mine[0].id).toBe(copy);
    expect(mine[0].teamId).toBe(v.teams.teamA.id);
    expect(mine[0].stages.map((s) => [s.name, s.names, s.probability, s.kind, s.position])).toEqual(shared.stages.map((s, i) => [s.name, s.names, s.probability, s.kind, i]));
    expect(mine[0].stages.every((s) => !shared.stages.some((x) => x.id === s.id))).toBe(true);
    // The manager's page and board open on it too; another team still starts on the shared one.
    expect((await listPipelines(v.db, v.actors.mA))[0].id).toBe(copy);
    expect((await listPipelines(v.db, v.actors.repB1))[0].id).toBe(shared.id);
    expect((await getOpportunity(v.db, v.actors.repA1, old)).pipelineId).toBe(shared.id);

    // The manager shapes the copy, not the shared pipeline nor another team's.
    await addStage(v.db, v.actors.mA, copy, { name: 'Site visit', probability: 50, kind: 'open' });
    await expect(addStage(v.db, v.actors.mA, shared.id, { name: 'x', probability: 50, kind: 'open' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(updateStage(v.db, v.actors.mA, shared.stages[0].id, { name: 'x', probability: 5, kind: 'open' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(renamePipeline(v.db, v.actors.mA, shared.id, 'Mine now')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(renamePipeline(v.db, v.actors.mB, copy, 'Hijack')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(updateStage(v.db, v.actors.mB, mine[0].stages[0].id, { name: 'x', probability: 5, kind: 'open' })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await listPipelines(v.db, v.actors.admin)).find((p) => p.id === shared.id)!.stages.length).toBe(5);
  });

  it('only for a team the manager manages, in the same organization; reps cannot copy', async () => {
    const { copyPipeline } = await import('./index');
    const [shared] = (await listPipelines(v.db, v.actors.admin)).filter((p) => p.teamId === null);
    await expect(copyPipeline(v.db, v.actors.mA, { pipelineId: shared.id, teamId: v.teams.teamB.id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(copyPipeline(v.db, v.actors.repA1, { pipelineId: shared.id, teamId: v.teams.teamA.id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(copyPipeline(v.db, v.actors.mA, { pipelineId: shared.id, teamId: shared.id })).rejects.toMatchObject({ fields: { teamId: 'invalidChoice' } });
    await expect(copyPipeline(v.db, v.actors.admin2, { pipelineId: shared.id, teamId: v.teams.teamA.id })).rejects.toMatchObject({ fields: { pipelineId: 'invalidChoice', teamId: 'invalidChoice' } });
    // An admin may give any team of theirs a copy.
    const id = await copyPipeline(v.db, v.actors.admin, { pipelineId: shared.id, teamId: v.teams.teamB.id });
    expect((await listPipelines(v.db, v.actors.repB1))[0].id).toBe(id);
  });
});
