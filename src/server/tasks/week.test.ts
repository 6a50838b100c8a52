import { beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, type World } from '../../../tests/support/world';
import { countQueries } from '../../../tests/support/query-count';
import { tasks } from '../db/schema';
import { tasksOfWeek, tasksOwner, weekOf } from './week';
import { hostile, rng } from '../../../tests/support/fuzz';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});

const TZ = 'Asia/Bangkok';
const wed = new Date('2026-06-17T05:00:00Z'); // Wednesday 12:00 in Bangkok

describe('the week of My tasks', () => {
  it('reads ?week= as a real date and shows its Monday-to-Sunday; anything else is this week', () => {
    expect(weekOf('2026-06-17', TZ, wed)).toMatchObject({ monday: '2026-06-15', previous: '2026-06-08', next: '2026-06-22', isThisWeek: true, today: '2026-06-17' });
    expect(weekOf('2026-06-21', TZ, wed).monday).toBe('2026-06-15');
    expect(weekOf('2026-06-22', TZ, wed)).toMatchObject({ monday: '2026-06-22', isThisWeek: false });
    expect(weekOf('2026-03-01', TZ, wed).days).toEqual(['2026-02-23', '2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28', '2026-03-01']);
    for (const bad of ['2026-02-30', '2026-13-01', '1999-12-31', '2101-01-01', 'next', '', ' ', '2026-6-1', undefined, ['2026-06-01'], '2026-06-01T00:00']) {
      expect(weekOf(bad, TZ, wed).monday, String(bad)).toBe('2026-06-15');
    }
    // Sunday 18:00 UTC is already Monday in Bangkok: the new week has begun there.
    expect(weekOf(undefined, TZ, new Date('2026-06-21T18:00:00Z')).monday).toBe('2026-06-22');
  });

  it("places each task on its day where the organization is, in one query, and only that week's", async () => {
    const at = (iso: string) => new Date(iso);
    const mine = w.people.repA1.id;
    const add = (title: string, dueAt: Date, o: { done?: boolean; assigneeId?: string } = {}) =>
      w.db.insert(tasks).values({ orgId: w.org.id, title, dueAt, assigneeId: o.assigneeId ?? mine, createdById: o.assigneeId ?? mine, done: o.done ?? false });
    await add('Sunday before', at('2026-06-14T16:30:00Z')); // 23:30 Sunday in Bangkok
    await add('Monday early', at('2026-06-14T17:30:00Z')); // 00:30 Monday in Bangkok
    await add('Monday done', at('2026-06-15T02:00:00Z'), { done: true });
    await add('Wednesday', at('2026-06-17T08:00:00Z'));
    await add('Sunday late', at('2026-06-21T16:30:00Z')); // 23:30 Sunday in Bangkok
    await add('Next Monday', at('2026-06-21T17:10:00Z')); // 00:10 Monday in Bangkok
    await add('Not mine', at('2026-06-16T03:00:00Z'), { assigneeId: w.people.repA2.id });

    const week = weekOf('2026-06-18', TZ, wed);
    const { n, result } = await countQueries(w.db, () => tasksOfWeek(w.db, w.actors.repA1, week));
    expect(n).toBe(1);
    expect(result.map((t) => [t.title, t.day, t.overdue, t.done])).toEqual([
      ['Monday early', '2026-06-15', true, false],
      ['Monday done', '2026-06-15', false, true],
      ['Wednesday', '2026-06-17', false, false],
      ['Sunday late', '2026-06-21', false, false],
    ]);
    expect((await tasksOfWeek(w.db, w.actors.repA1, weekOf('2026-06-08', TZ, wed))).map((t) => t.title)).toEqual(['Sunday before']);
    // A manager looking at a team member's week sees that member's tasks.
    expect((await tasksOfWeek(w.db, w.actors.mA, week, w.people.repA2.id)).map((t) => t.title)).toEqual(['Not mine']);
  });

  it("opens someone else's tasks only for whoever sees their records; anything else shows one's own", async () => {
    const self = (a: { id: string }) => expect.objectContaining({ id: a.id, own: true });
    expect(await tasksOwner(w.db, w.actors.mA, w.people.repA2.id)).toEqual({ id: w.people.repA2.id, name: 'repA2', own: false });
    expect(await tasksOwner(w.db, w.actors.mA, w.people.repA2.id.toUpperCase())).toMatchObject({ id: w.people.repA2.id, own: false });
    expect(await tasksOwner(w.db, w.actors.mA, w.people.repB1.id)).toEqual(self(w.people.mA));
    expect(await tasksOwner(w.db, w.actors.repA1, w.people.repA2.id)).toEqual(self(w.people.repA1));
    expect(await tasksOwner(w.db, w.actors.admin, w.people.repB1.id)).toMatchObject({ id: w.people.repB1.id, own: false });
    expect(await tasksOwner(w.db, w.actors.admin, w.people.admin2.id)).toEqual(self(w.people.admin));
    for (const bad of ['', 'x', undefined, ['a'], "' or 1=1 --"]) expect(await tasksOwner(w.db, w.actors.mA, bad)).toEqual(self(w.people.mA));
  });

  it('a hostile address (week, assignee) never fails: it shows a real week of tasks the viewer may see', async () => {
    const r = rng(11);
    const ids = [w.people.repA2.id, w.people.repB1.id, w.people.admin2.id, w.people.mA.id];
    for (let i = 0; i < 300; i++) {
      const week = weekOf(hostile(r, 'date', 'week', { ids: [] }), TZ, wed);
      expect(week.days).toHaveLength(7);
      expect(new Date(`${week.monday}T00:00:00Z`).getUTCDay()).toBe(1);
      const whose = await tasksOwner(w.db, w.actors.mA, hostile(r, 'id', 'assignee', { ids }));
      expect([w.people.mA.id, w.people.repA1.id, w.people.repA2.id]).toContain(whose.id);
      if (i % 30 === 0) await tasksOfWeek(w.db, w.actors.mA, week, whose.id);
    }
  });
});
