import { beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, type World } from '../../../tests/support/world';
import { createTask, myTasks, setTaskDone } from './index';
import { listNotifications, markAllRead, unreadCount } from '../notifications';
import { raiseDueReminders } from '../jobs/reminders';
import { createOpportunity, moveOpportunity, setStandby, updateOpportunity } from '../opportunities/commands';
import { getOpportunity } from '../opportunities/queries';
import { listPipelines } from '../pipelines';
import { opportunities } from '../db/schema';
import { eq } from 'drizzle-orm';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});
const now = new Date('2026-06-15T05:00:00Z'); // 12:00 in Bangkok
const task = (over: Record<string, unknown> = {}) => ({ title: 'Call back', notes: '', dueAt: '2026-06-15T15:00', assigneeId: null, customerId: null, opportunityId: null, ...over });

describe('tasks and reminders', () => {
  it('sorts my open tasks into overdue, today and upcoming in the organization\'s time zone', async () => {
    await createTask(w.db, w.actors.repA1, task({ title: 'Old', dueAt: '2026-06-10T09:00', customerId: w.customers.a1 }));
    await createTask(w.db, w.actors.repA1, task({ title: 'Later today' }));
    await createTask(w.db, w.actors.repA1, task({ title: 'Next week', dueAt: '2026-06-22T09:00' }));
    const mine = await myTasks(w.db, w.actors.repA1, now);
    expect(mine.overdue.map((t) => t.title)).toEqual(['Old']);
    expect(mine.today.map((t) => t.title)).toEqual(['Later today']);
    expect(mine.upcoming.map((t) => t.title)).toEqual(['Next week']);
    expect(mine.overdue[0].customerName).toContain('Alpha One');
  });

  it('the reminders job raises one notification per due task, however often it runs', async () => {
    await raiseDueReminders(w.db, { now, orgId: w.org.id });
    await raiseDueReminders(w.db, { now, orgId: w.org.id });
    const list = await listNotifications(w.db, w.actors.repA1);
    expect(list.filter((n) => n.kind === 'taskDue').map((n) => n.params.title)).toEqual(['Old']);
    expect(await unreadCount(w.db, w.actors.repA1)).toBe(1);
    await markAllRead(w.db, w.actors.repA1);
    expect(await unreadCount(w.db, w.actors.repA1)).toBe(0);
  });

  it('a done task leaves the list and raises nothing', async () => {
    const id = await createTask(w.db, w.actors.repA2, task({ title: 'Done soon', dueAt: '2026-06-01T09:00' }));
    await setTaskDone(w.db, w.actors.repA2, id, true);
    await raiseDueReminders(w.db, { now, orgId: w.org.id });
    expect((await myTasks(w.db, w.actors.repA2, now)).overdue).toEqual([]);
    expect(await unreadCount(w.db, w.actors.repA2)).toBe(0);
    await expect(setTaskDone(w.db, w.actors.repB1, id, false)).rejects.toMatchObject({ code: 'notFound' });
  });

  it('a rep gives tasks only to themselves; a manager to the team; links are scoped', async () => {
    await expect(createTask(w.db, w.actors.repA1, task({ assigneeId: w.people.repA2.id }))).rejects.toMatchObject({ fields: { assigneeId: 'notAllowedOwner' } });
    await expect(createTask(w.db, w.actors.mA, task({ assigneeId: w.people.repA2.id }))).resolves.toBeTruthy();
    await expect(createTask(w.db, w.actors.mA, task({ assigneeId: w.people.repB1.id }))).rejects.toMatchObject({ fields: { assigneeId: 'notAllowedOwner' } });
    // An id out of the creator's scope is a field error, like an unknown one.
    await expect(createTask(w.db, w.actors.repA1, task({ customerId: w.customers.b1 }))).rejects.toMatchObject({ fields: { customerId: 'unknownCustomer' } });
    await expect(createTask(w.db, w.actors.admin, task({ customerId: w.customers.other }))).rejects.toMatchObject({ fields: { customerId: 'unknownCustomer' } });
    // The assignee must see the record: mA sees a1 but repA2 does not.
    await expect(createTask(w.db, w.actors.mA, task({ assigneeId: w.people.repA2.id, customerId: w.customers.a1 }))).rejects.toMatchObject({ fields: { assigneeId: 'assigneeCannotSee' } });
    await expect(createTask(w.db, w.actors.mA, task({ assigneeId: w.people.repA1.id, customerId: w.customers.a1 }))).resolves.toBeTruthy();
    // An admin cannot give a task to a user of another organization.
    await expect(createTask(w.db, w.actors.admin, task({ assigneeId: w.people.admin2.id }))).rejects.toMatchObject({ fields: { assigneeId: 'notAllowedOwner' } });
  });

  it('the owner hears when someone else moves or hands over their deal, and when a standby ends', async () => {
    const [p] = await listPipelines(w.db, w.actors.admin);
    const id = await createOpportunity(w.db, w.actors.repB1, { title: 'Watched', customerId: w.customers.b1, newCustomerName: '', contactId: null, pipelineId: p.id, stageId: p.stages[0].id, amount: '1', currency: 'THB', expectedCloseDate: null, probability: null, source: '', description: '', ownerId: '' });
    await moveOpportunity(w.db, w.actors.repB1, { id, stageId: p.stages[1].id, lostReasonId: null, lostNote: '' });
    expect(await unreadCount(w.db, w.actors.repB1)).toBe(0);
    await moveOpportunity(w.db, w.actors.mB, { id, stageId: p.stages[2].id, lostReasonId: null, lostNote: '' });
    let list = await listNotifications(w.db, w.actors.repB1);
    expect(list[0]).toMatchObject({ kind: 'dealChanged', params: { title: 'Watched', by: 'mB' }, link: `/opportunities/${id}` });
    const d = await getOpportunity(w.db, w.actors.admin, id);
    await updateOpportunity(w.db, w.actors.admin, id, d.version, { title: 'Watched', customerId: d.customerId, newCustomerName: '', contactId: null, pipelineId: '', stageId: d.stageId, amount: '1', currency: 'THB', expectedCloseDate: null, probability: null, source: '', description: '', ownerId: w.people.mB.id } as never);
    expect((await listNotifications(w.db, w.actors.mB))[0]).toMatchObject({ kind: 'dealAssigned' });

    await setStandby(w.db, w.actors.mB, id, '2999-01-01');
    await w.db.update(opportunities).set({ standbyUntil: '2026-06-14' }).where(eq(opportunities.id, id));
    await raiseDueReminders(w.db, { now, orgId: w.org.id });
    await raiseDueReminders(w.db, { now, orgId: w.org.id });
    list = await listNotifications(w.db, w.actors.mB);
    expect(list.filter((n) => n.kind === 'standbyReopened')).toHaveLength(1);
  });
});
