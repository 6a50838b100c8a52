import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { makeWorld, type World } from '../../../tests/support/world';
import { raiseDueReminders } from './reminders';
import { createTask, setTaskDone } from '../tasks';
import { listNotifications } from '../notifications';
import { setEmailNotifications } from '../account';
import { createOpportunity } from '../opportunities/commands';
import { listPipelines } from '../pipelines';
import { opportunities, outbox, tasks } from '../db/schema';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
  await setEmailNotifications(w.db, w.actors.repA1, true);
  await setEmailNotifications(w.db, w.actors.repB1, true);
});

const run = (now: Date) => raiseDueReminders(w.db, { now, orgId: w.org.id });
const mailsTo = async (email: string) => w.db.select().from(outbox).where(and(eq(outbox.orgId, w.org.id), eq(outbox.to, email)));
const task = (over: Record<string, unknown>) => ({ title: 'Call back', notes: '', dueAt: '2026-06-15T15:00', assigneeId: null, customerId: null, opportunityId: null, ...over });

describe('the reminders job', () => {
  it('raises a due task once, by bell and by mail, however often it runs, and nothing before it is due', async () => {
    // 15:00 in Bangkok is 08:00 UTC.
    await createTask(w.db, w.actors.repA1, task({ title: 'Send the brochure' }));
    const done = await createTask(w.db, w.actors.repA1, task({ title: 'Already done' }));
    await setTaskDone(w.db, w.actors.repA1, done, true);

    expect(await run(new Date('2026-06-15T07:59:59Z'))).toEqual({ tasks: 0, standbys: 0 });
    expect((await listNotifications(w.db, w.actors.repA1)).filter((n) => n.kind === 'taskDue')).toEqual([]);
    expect(await mailsTo(w.people.repA1.email)).toEqual([]);

    const at = new Date('2026-06-15T08:00:00Z');
    expect((await run(at)).tasks).toBe(1);
    // Twice more, one of them overlapping another run: nothing new.
    await Promise.all([run(at), run(new Date('2026-06-15T09:00:00Z'))]);
    const bell = (await listNotifications(w.db, w.actors.repA1)).filter((n) => n.kind === 'taskDue');
    expect(bell.map((n) => n.params.title)).toEqual(['Send the brochure']);
    const mails = await mailsTo(w.people.repA1.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain('Send the brochure');
    // The done task was never announced and stays unmarked.
    const [d] = await w.db.select({ remindedAt: tasks.remindedAt }).from(tasks).where(eq(tasks.id, done));
    expect(d.remindedAt).toBeNull();
  });

  it('announces a standby that ended on its date in the organization\'s time zone, once per standby date', async () => {
    const [p] = await listPipelines(w.db, w.actors.admin);
    const id = await createOpportunity(w.db, w.actors.repB1, {
      title: 'Pumps on hold', customerId: w.customers.b1, newCustomerName: '', contactId: null, pipelineId: p.id, stageId: p.stages[0].id,
      amount: '1', currency: 'THB', expectedCloseDate: null, probability: null, source: '', description: '', ownerId: '',
    });
    await w.db.update(opportunities).set({ standbyUntil: '2026-06-16' }).where(eq(opportunities.id, id));
    const reopened = async () => (await listNotifications(w.db, w.actors.repB1)).filter((n) => n.kind === 'standbyReopened');

    // 23:59 on the 15th in Bangkok: still on standby.
    expect((await run(new Date('2026-06-15T16:59:00Z'))).standbys).toBe(0);
    // Midnight on the 16th in Bangkok.
    expect((await run(new Date('2026-06-15T17:00:00Z'))).standbys).toBe(1);
    await run(new Date('2026-06-15T18:00:00Z'));
    expect(await reopened()).toHaveLength(1);
    expect((await reopened())[0]).toMatchObject({ params: { title: 'Pumps on hold' }, link: `/opportunities/${id}` });
    expect((await mailsTo(w.people.repB1.email)).filter((m) => m.subject.includes('Pumps on hold'))).toHaveLength(1);

    // Put on standby again: its new end is announced in its turn.
    await w.db.update(opportunities).set({ standbyUntil: '2026-06-20' }).where(eq(opportunities.id, id));
    expect((await run(new Date('2026-06-18T00:00:00Z'))).standbys).toBe(0);
    expect((await run(new Date('2026-06-20T00:00:00Z'))).standbys).toBe(1);
    expect(await reopened()).toHaveLength(2);
  });

  it('leaves other organizations alone when limited to one', async () => {
    const other = await raiseDueReminders(w.db, { now: new Date('2030-01-01T00:00:00Z'), orgId: w.org2.id });
    expect(other).toEqual({ tasks: 0, standbys: 0 });
  });

  it('no page load raises reminders or sends mail any more (the signed-in frame only counts unread)', () => {
    for (const file of ['src/components/ui/app-shell.tsx', 'src/app/(app)/layout.tsx']) {
      const source = readFileSync(file, 'utf8');
      expect(source).not.toMatch(/raiseDueReminders|dispatchOutbox|sendOutbox|sendDueMail/);
    }
  });
});
