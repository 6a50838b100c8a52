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
