import { beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, type World } from '../../../tests/support/world';
import { listLostReasons, listPipelines, type PipelineWithStages } from '../pipelines';
import { createOpportunity, moveOpportunity, setStandby, setStarred, todayIn, updateOpportunity } from './commands';
import { getOpportunity, listOpportunities, opportunityHistoryOf } from './queries';
import { boardColumns, funnelSummary } from './funnel';
import { opportunityInput } from './schemas';
import { getCustomer } from '../customers/queries';
import { createTask, setTaskDone } from '../tasks';

let w: World;
let p: PipelineWithStages;
const deals: Record<string, string> = {};
const input = (over: Record<string, unknown> = {}) => ({
  title: 'Deal', customerId: null as string | null, newCustomerName: '', contactId: null, pipelineId: p.id, stageId: p.stages[0].id,
  amount: '1000', currency: 'THB' as const, expectedCloseDate: null as string | null, probability: null as number | null, source: '', description: '', ownerId: '', ...over,
});
const today = () => todayIn('Asia/Bangkok');
const period = () => ({ from: '2000-01-01', to: '2999-12-31' });

beforeAll(async () => {
  w = await makeWorld();
  [p] = await listPipelines(w.db, w.actors.admin);
  deals.a1 = await createOpportunity(w.db, w.actors.repA1, input({ title: 'A1 deal', customerId: w.customers.a1, amount: '100000.50' }));
  deals.a2 = await createOpportunity(w.db, w.actors.repA2, input({ title: 'A2 deal', customerId: w.customers.a2, amount: '20000', stageId: p.stages[2].id }));
  deals.b1 = await createOpportunity(w.db, w.actors.repB1, input({ title: 'B1 deal', customerId: w.customers.b1, amount: '5000' }));
  // repB1's deal on a customer placed in A1: visible to repA1 through the territory.
  deals.shared = await createOpportunity(w.db, w.actors.repB1, input({ title: 'Shared deal', customerId: w.customers.shared, amount: '7000', currency: 'USD' }));
});

const EXPECTED: Record<string, string[]> = {
  admin: ['a1', 'a2', 'b1', 'shared'],
  finance: ['a1', 'a2', 'b1', 'shared'],
  mA: ['a1', 'a2', 'shared'],
  mB: ['b1', 'shared'],
  repA1: ['a1', 'shared'],
  repA2: ['a2'],
  repB1: ['b1', 'shared'],
  admin2: [],
};

describe.each(Object.keys(EXPECTED))('deal visibility for %s', (who) => {
  const actor = () => w.actors[who as keyof World['actors']];
  const want = () => EXPECTED[who].map((k) => deals[k]).sort();

  it('list, search and funnel count cover exactly the deals in scope', async () => {
    expect((await listOpportunities(w.db, actor(), {}, 100)).rows.map((r) => r.id).sort()).toEqual(want());
    expect((await listOpportunities(w.db, actor(), { q: 'deal' }, 100)).rows.map((r) => r.id).sort()).toEqual(want());
    expect((await funnelSummary(w.db, actor(), {}, period())).openCount).toBe(want().length);
  });

  it('detail and moves answer only in scope', async () => {
    for (const [key, id] of Object.entries(deals)) {
      if (EXPECTED[who].includes(key)) expect((await getOpportunity(w.db, actor(), id)).id).toBe(id);
      else {
        await expect(getOpportunity(w.db, actor(), id)).rejects.toMatchObject({ code: 'notFound' });
        await expect(moveOpportunity(w.db, actor(), { id, stageId: p.stages[1].id, lostReasonId: null, lostNote: '' })).rejects.toMatchObject({ code: 'notFound' });
      }
    }
  });
});

describe('deals', () => {
  it('creates the customer inline when it does not exist yet', async () => {
    const id = await createOpportunity(w.db, w.actors.repA2, input({ title: 'Inline', newCustomerName: `Brand new ${w.tag}` }));
    const deal = await getOpportunity(w.db, w.actors.repA2, id);
    const customer = await getCustomer(w.db, w.actors.repA2, deal.customerId);
    expect(customer).toMatchObject({ name: `Brand new ${w.tag}`, ownerId: w.people.repA2.id });
    expect(deal).toMatchObject({ probability: 10, status: 'open', ownerId: w.people.repA2.id, amount: '1000.00' });
  });

  it('refuses bad input with a field message and saves nothing', async () => {
    const before = (await listOpportunities(w.db, w.actors.repA1, {}, 100)).rows.length;
    await expect(createOpportunity(w.db, w.actors.repA1, input({ customerId: w.customers.a1, amount: '-5' }))).rejects.toMatchObject({ fields: { amount: 'negativeAmount' } });
    await expect(createOpportunity(w.db, w.actors.repA1, input({ customerId: w.customers.a1, stageId: '00000000-0000-4000-8000-000000000000' }))).rejects.toMatchObject({ fields: { stageId: 'unknownStage' } });
    await expect(createOpportunity(w.db, w.actors.repA1, input({ customerId: w.customers.b1 }))).rejects.toMatchObject({ fields: { customerId: 'invalidChoice' } });
    await expect(createOpportunity(w.db, w.actors.repA1, input({ customerId: w.customers.a1, ownerId: w.people.repA2.id }))).rejects.toMatchObject({ fields: { ownerId: 'notAllowedOwner' } });
    await expect(createOpportunity(w.db, w.actors.finance, input({ customerId: w.customers.a1 }))).rejects.toMatchObject({ code: 'forbidden' });
    const bad = opportunityInput.safeParse({ ...input({ customerId: w.customers.a1 }), expectedCloseDate: '2026-02-31', probability: '150' });
    expect(Object.fromEntries(bad.error!.issues.map((i) => [i.path[0], i.message]))).toMatchObject({ expectedCloseDate: 'invalidDate', probability: 'invalidProbability' });
    const noCustomer = opportunityInput.safeParse({ ...input(), contactId: '', expectedCloseDate: '', probability: '', customerId: '' });
    expect(noCustomer.error!.issues[0]).toMatchObject({ path: ['customerId'], message: 'customerRequired' });
    expect((await listOpportunities(w.db, w.actors.repA1, {}, 100)).rows.length).toBe(before);
  });

  it('moving to lost needs a reason; won records the close date; history keeps who, from and to', async () => {
    const id = await createOpportunity(w.db, w.actors.repA1, input({ title: 'To close', customerId: w.customers.a1 }));
    const lostStage = p.stages.find((s) => s.kind === 'lost')!;
    const wonStage = p.stages.find((s) => s.kind === 'won')!;
    await expect(moveOpportunity(w.db, w.actors.repA1, { id, stageId: lostStage.id, lostReasonId: null, lostNote: '' })).rejects.toMatchObject({ fields: { lostReasonId: 'lostReasonRequired' } });
    await moveOpportunity(w.db, w.actors.repA1, { id, stageId: p.stages[1].id, lostReasonId: null, lostNote: '' });
    await moveOpportunity(w.db, w.actors.repA1, { id, stageId: wonStage.id, lostReasonId: null, lostNote: '' });
    const won = await getOpportunity(w.db, w.actors.repA1, id);
    expect(won).toMatchObject({ status: 'won', probability: 100, closedOn: today() });
    const [reason] = await listLostReasons(w.db, w.actors.repA1);
    await moveOpportunity(w.db, w.actors.repA1, { id, stageId: lostStage.id, lostReasonId: reason.id, lostNote: 'Went elsewhere' });
    expect(await getOpportunity(w.db, w.actors.repA1, id)).toMatchObject({ status: 'lost', lostReasonId: reason.id, lostNote: 'Went elsewhere' });
    const history = await opportunityHistoryOf(w.db, w.actors.repA1, id);
    expect(history.filter((h) => h.field === 'stage').map((h) => h.to).reverse()).toEqual([p.stages[0].id, p.stages[1].id, wonStage.id, lostStage.id]);
    expect(history.every((h) => h.actorName === 'repA1')).toBe(true);
  });

  it('records amount and owner changes; a rep hands only their own deals; stale edits are refused', async () => {
    const d = await getOpportunity(w.db, w.actors.repA1, deals.a1);
    const edit = input({ title: d.title, customerId: d.customerId, amount: '120000', ownerId: w.people.repA2.id });
    // A rep hands deals to teammates only: repA1 is in another team.
    await expect(updateOpportunity(w.db, w.actors.repB1, deals.shared, (await getOpportunity(w.db, w.actors.repB1, deals.shared)).version, { ...edit, ownerId: w.people.repA1.id, currency: 'USD' })).rejects.toMatchObject({ fields: { ownerId: 'notAllowedOwner' } });
    await expect(updateOpportunity(w.db, w.actors.repB1, deals.shared, (await getOpportunity(w.db, w.actors.repB1, deals.shared)).version, { ...edit, ownerId: w.people.repB1.id, currency: 'USD' })).resolves.toBeUndefined();
    await expect(updateOpportunity(w.db, w.actors.repA1, deals.shared, (await getOpportunity(w.db, w.actors.repA1, deals.shared)).version, { ...edit, ownerId: w.people.repB1.id, currency: 'USD' })).resolves.toBeUndefined();
    await updateOpportunity(w.db, w.actors.repA1, d.id, d.version, edit);
    // repA1 still sees the deal through the customer's territory, but no longer owns it.
    await expect(updateOpportunity(w.db, w.actors.repA1, d.id, d.version, edit)).rejects.toMatchObject({ code: 'staleVersion' });
    const now = await getOpportunity(w.db, w.actors.repA2, d.id);
    expect(now).toMatchObject({ ownerId: w.people.repA2.id, amount: '120000.00' });
    await expect(updateOpportunity(w.db, w.actors.repA2, d.id, d.version, { ...edit, title: 'stale' })).rejects.toMatchObject({ code: 'staleVersion' });
    const history = await opportunityHistoryOf(w.db, w.actors.repA2, d.id);
    expect(history.find((h) => h.field === 'amount')).toMatchObject({ from: '100000.50 THB', to: '120000 THB' });
    expect(history.find((h) => h.field === 'owner')).toMatchObject({ from: w.people.repA1.id, to: w.people.repA2.id });
    // a rep cannot hand over a deal they do not own
    const a2 = await getOpportunity(w.db, w.actors.repA2, deals.a2);
    const mgr = await getOpportunity(w.db, w.actors.mA, deals.a2);
    expect(mgr.id).toBe(a2.id);
    await expect(updateOpportunity(w.db, w.actors.mA, a2.id, a2.version, input({ title: a2.title, customerId: a2.customerId, amount: '20000', ownerId: w.people.repB1.id }))).rejects.toMatchObject({ fields: { ownerId: 'notAllowedOwner' } });
  });

  it('standby hides a deal from the board and the open filter until its date; star is filterable', async () => {
    const id = await createOpportunity(w.db, w.actors.repB1, input({ title: 'Sleeper', customerId: w.customers.b1, amount: '3000' }));
    await expect(setStandby(w.db, w.actors.repB1, id, today())).rejects.toMatchObject({ fields: { standbyUntil: 'dateMustBeFuture' } });
    const boardBefore = await boardColumns(w.db, w.actors.repB1, p.id, {});
    await setStandby(w.db, w.actors.repB1, id, '2999-01-01');
    const boardAfter = await boardColumns(w.db, w.actors.repB1, p.id, {});
    const n = (b: typeof boardBefore) => b.reduce((s, c) => s + c.n, 0);
    expect(n(boardAfter)).toBe(n(boardBefore) - 1);
    expect((await listOpportunities(w.db, w.actors.repB1, { status: 'standby' })).rows.map((r) => r.id)).toEqual([id]);
    expect((await listOpportunities(w.db, w.actors.repB1, { status: 'open' })).rows.map((r) => r.id)).not.toContain(id);
    await setStarred(w.db, w.actors.repB1, id, true);
    expect((await listOpportunities(w.db, w.actors.repB1, { starred: '1' })).rows.map((r) => r.id)).toEqual([id]);
  });

  it('the funnel sums in SQL per currency, weights by probability and computes the win rate', async () => {
    const f = await funnelSummary(w.db, w.actors.repA2, {}, period());
    // repA2 sees: a1 (now theirs, 120000 at 10 %), a2 (20000 at 60 %), Inline (1000 at 10 %), plus closed none
    expect(f.pipelineValue).toEqual([{ currency: 'THB', amount: '141000.00' }]);
    expect(f.weightedValue).toEqual([{ currency: 'THB', amount: '24100.00' }]);
    const a = await funnelSummary(w.db, w.actors.repA1, {}, period());
    expect(a.won + a.lost).toBe(1);
    expect(a.winRate).toBe('0.0');
    expect(a.pipelineValue.find((m) => m.currency === 'USD')).toBeTruthy();
  });

  it('filters by amount range, close date and owner, and pages by keyset', async () => {
    for (let i = 0; i < 7; i++) {
      await createOpportunity(w.db, w.actors.admin, input({ title: `Bulk ${i}`, customerId: w.customers.mB, amount: String(100 + i), expectedCloseDate: `2030-01-0${i + 1}`, ownerId: w.people.mB.id }));
    }
    const mid = await listOpportunities(w.db, w.actors.mB, { amountMin: '102', amountMax: '104', q: 'Bulk' });
    expect(mid.rows.map((r) => r.title).sort()).toEqual(['Bulk 2', 'Bulk 3', 'Bulk 4']);
    const byClose = await listOpportunities(w.db, w.actors.mB, { closeFrom: '2030-01-06', closeTo: '2030-01-07', sort: 'close' });
    expect(byClose.rows.map((r) => r.title)).toEqual(['Bulk 5', 'Bulk 6']);
    const seen: string[] = [];
    let cursor = '';
    for (let guard = 0; guard < 10; guard++) {
      const page = await listOpportunities(w.db, w.actors.mB, { q: 'Bulk', sort: 'amount', cursor }, 3);
      seen.push(...page.rows.map((r) => r.title));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(['Bulk 6', 'Bulk 5', 'Bulk 4', 'Bulk 3', 'Bulk 2', 'Bulk 1', 'Bulk 0']);
    expect((await listOpportunities(w.db, w.actors.mB, { ownerId: w.people.mB.id, q: 'Bulk' }, 100)).rows.length).toBe(7);
    expect((await listOpportunities(w.db, w.actors.mB, { teamId: w.teams.teamB.id, q: 'Bulk' }, 100)).rows.length).toBe(7);
  });
});

describe('next planned activity', () => {
  let w2: World;
  let p2: PipelineWithStages;
  beforeAll(async () => {
    w2 = await makeWorld();
    [p2] = await listPipelines(w2.db, w2.actors.admin);
  });
  it('each listed deal carries its next planned activity: the earliest open task, none once done (issue 11)', async () => {
    const id = await createOpportunity(w2.db, w2.actors.repA1, { ...input({ title: `Next ${w2.tag}`, customerId: w2.customers.a1 }), pipelineId: p2.id, stageId: p2.stages[0].id });
    const row = async () => (await listOpportunities(w2.db, w2.actors.repA1, { q: `Next ${w2.tag}` })).rows.find((r) => r.id === id)!;
    expect(await row()).toMatchObject({ nextTaskTitle: null, nextTaskDueMs: null });
    const task = (title: string, dueAt: string) => createTask(w2.db, w2.actors.repA1, { title, notes: '', dueAt, assigneeId: null, customerId: null, opportunityId: id });
    await task('Send the brochure', '2031-03-02T10:00');
    const first = await task('Call the buyer', '2031-03-01T09:30');
    expect(await row()).toMatchObject({ nextTaskTitle: 'Call the buyer', nextTaskDueMs: Date.parse('2031-03-01T02:30:00Z') });
    await setTaskDone(w2.db, w2.actors.repA1, first, true);
    expect((await row()).nextTaskTitle).toBe('Send the brochure');
  });
});
