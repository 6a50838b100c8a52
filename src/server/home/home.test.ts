import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { makeWorld, type World } from '../../../tests/support/world';
import { countQueries } from '../../../tests/support/query-count';
import type { Db } from '../db/client';
import type { Actor } from '../access/actor';
import { notifications, opportunities, pipelines, quotations, stages, tasks } from '../db/schema';
import { ensureDefaultPipeline } from '../pipelines';
import { todayIn } from '../opportunities/commands';
import { addDays, monthOf } from './dates';
import { homeFor, repHome, teamHome, financeHome } from './index';
import { HOME_LIST } from './rep';

let w: World;
let stage: { open: string; open2: string; won: string; pipelineId: string };
let stage2: { open: string; pipelineId: string };
const now = new Date();
let today: string;
let month: { from: string; to: string };

async function stagesOf(db: Db, orgId: string) {
  await ensureDefaultPipeline(db, orgId);
  const [p] = await db.select().from(pipelines).where(eq(pipelines.orgId, orgId));
  const rows = await db.select().from(stages).where(eq(stages.pipelineId, p.id)).orderBy(stages.position);
  const open = rows.filter((s) => s.kind === 'open');
  return { pipelineId: p.id, open: open[0].id, open2: open[1].id, won: rows.find((s) => s.kind === 'won')!.id };
}

type DealOver = { stageId?: string; status?: 'open' | 'won' | 'lost'; amount?: string; currency?: string; close?: string | null; closedOn?: string | null; orgId?: string; pipelineId?: string };
async function deal(title: string, ownerId: string, customerId: string, o: DealOver = {}) {
  const status = o.status ?? 'open';
  await w.db.insert(opportunities).values({
    orgId: o.orgId ?? w.org.id,
    title,
    customerId,
    pipelineId: o.pipelineId ?? stage.pipelineId,
    stageId: o.stageId ?? (status === 'won' ? stage.won : stage.open),
    amount: o.amount ?? '100.00',
    currency: o.currency ?? 'THB',
    expectedCloseDate: o.close === undefined ? today : o.close,
    ownerId,
    status,
    closedOn: status === 'open' ? null : (o.closedOn ?? today),
  });
}

async function task(title: string, assigneeId: string, dueAt: Date, o: { done?: boolean; orgId?: string; customerId?: string } = {}) {
  await w.db.insert(tasks).values({ orgId: o.orgId ?? w.org.id, title, dueAt, assigneeId, createdById: assigneeId, done: o.done ?? false, customerId: o.customerId ?? null });
}

async function quote(number: string, ownerId: string, customerId: string, o: { status?: 'accepted' | 'sent'; total?: string; currency?: string; orgId?: string; acceptedAt?: Date } = {}) {
  await w.db.insert(quotations).values({
    orgId: o.orgId ?? w.org.id,
    familyId: randomUUID(),
    number,
    status: o.status ?? 'accepted',
    customerId,
    ownerId,
    language: 'en',
    currency: o.currency ?? 'THB',
    validUntil: addDays(today, 30),
    grandTotal: o.total ?? '1000.00',
    acceptedAt: (o.status ?? 'accepted') === 'accepted' ? (o.acceptedAt ?? now) : null,
  });
}

const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
const titlesOf = (rows: { title: string }[]) => rows.map((r) => r.title).sort();

/** Adds `n` of everything in every scope, so the second count runs over more data than the first. */
async function more(n: number, tag: string) {
  const people: [string, string][] = [
    [w.people.repA1.id, w.customers.a1],
    [w.people.repA2.id, w.customers.a2],
    [w.people.repB1.id, w.customers.b1],
  ];
  for (let i = 0; i < n; i++) {
    for (const [owner, customer] of people) {
      await deal(`${tag} open ${i}`, owner, customer, { stageId: i % 2 ? stage.open : stage.open2, amount: '1.00' });
      await deal(`${tag} won ${i}`, owner, customer, { status: 'won', amount: '1.00' });
      await task(`${tag} late ${i}`, owner, daysAgo(3 + i));
      await task(`${tag} today ${i}`, owner, now);
      await quote(`${tag}-${owner.slice(0, 4)}-${i}`, owner, customer);
      await w.db.insert(notifications).values({ orgId: w.org.id, userId: owner, kind: 'taskDue', params: { title: `${tag} ${i}` } });
    }
  }
}

beforeAll(async () => {
  w = await makeWorld();
  today = todayIn(w.actors.admin.org.timeZone, now);
  month = monthOf(today);
  stage = await stagesOf(w.db, w.org.id);
  const s2 = await stagesOf(w.db, w.org2.id);
  stage2 = { open: s2.open, pipelineId: s2.pipelineId };

  // Team A: repA1 and repA2; team B: repB1. Amounts are distinct powers so any leak shows in a sum.
  await deal('A1 closing', w.people.repA1.id, w.customers.a1, { amount: '10.00', close: month.to });
  await deal('A1 next month', w.people.repA1.id, w.customers.a1, { amount: '20.00', close: addDays(month.to, 1) });
  await deal('A1 VND', w.people.repA1.id, w.customers.a1, { amount: '123456789012.00', currency: 'VND', close: month.from, stageId: stage.open2 });
  await deal('A2 closing', w.people.repA2.id, w.customers.a2, { amount: '40.00' });
  await deal('B1 closing', w.people.repB1.id, w.customers.b1, { amount: '800.00' });
  // Owned by repB1 but placed in A1: seen by team A through the territory, as on the deal list.
  await deal('Shared B1', w.people.repB1.id, w.customers.shared, { amount: '1600.00', close: null });
  await deal('A1 won', w.people.repA1.id, w.customers.a1, { status: 'won', amount: '3200.00' });
  await deal('A1 won last month', w.people.repA1.id, w.customers.a1, { status: 'won', amount: '6400.00', closedOn: addDays(month.from, -1) });
  await deal('B1 won', w.people.repB1.id, w.customers.b1, { status: 'won', amount: '12800.00' });
  await deal('Foreign', w.people.admin2.id, w.customers.other, { amount: '25600.00', orgId: w.org2.id, pipelineId: stage2.pipelineId, stageId: stage2.open });

  await task('A1 today', w.people.repA1.id, now, { customerId: w.customers.a1 });
  await task('A1 late', w.people.repA1.id, daysAgo(2));
  await task('A1 tomorrow', w.people.repA1.id, new Date(now.getTime() + 2 * 86_400_000));
  await task('A1 done', w.people.repA1.id, hoursAgo(30), { done: true });
  await task('A2 late', w.people.repA2.id, daysAgo(5));
  await task('B1 today', w.people.repB1.id, now);
  await task('B1 late', w.people.repB1.id, daysAgo(1));
  await task('Foreign late', w.people.admin2.id, daysAgo(1), { orgId: w.org2.id });

  await w.db.insert(notifications).values([
    { orgId: w.org.id, userId: w.people.repA1.id, kind: 'taskDue', params: { title: 'for A1' } },
    { orgId: w.org.id, userId: w.people.repA2.id, kind: 'taskDue', params: { title: 'for A2' } },
  ]);

  await quote('Q-A1', w.people.repA1.id, w.customers.a1, { total: '500.00', acceptedAt: hoursAgo(1) });
  await quote('Q-B1', w.people.repB1.id, w.customers.b1, { total: '250.00', acceptedAt: hoursAgo(2) });
  await quote('Q-SENT', w.people.repA1.id, w.customers.a1, { status: 'sent' });
  await quote('Q-FOREIGN', w.people.admin2.id, w.customers.other, { orgId: w.org2.id });
});

describe('home page per role', () => {
  it("a rep sees their tasks due today or overdue, their deals closing this month and their notifications, nobody else's", async () => {
    const h = await repHome(w.db, w.actors.repA1, now);
    expect(titlesOf(h.tasks.rows)).toEqual(['A1 late', 'A1 today']);
    expect(h.tasks.rows.find((t) => t.title === 'A1 late')!.overdue).toBe(true);
    expect(h.tasks.rows.find((t) => t.title === 'A1 today')!.overdue).toBe(false);
    expect(h.tasks.rows.find((t) => t.title === 'A1 today')!.customerId).toBe(w.customers.a1);
    expect(titlesOf(h.closing.rows)).toEqual(['A1 VND', 'A1 closing']);
    expect(h.closing.totals).toEqual([{ currency: 'THB', amount: '10.00' }, { currency: 'VND', amount: '123456789012.00' }]);
    expect(h.notifications.map((n) => n.params.title)).toEqual(['for A1']);

    const b = await repHome(w.db, w.actors.repB1, now);
    expect(titlesOf(b.tasks.rows)).toEqual(['B1 late', 'B1 today']);
    // The shared customer's deal is repB1's own, but it has no close date: not closing this month.
    expect(titlesOf(b.closing.rows)).toEqual(['B1 closing']);
    expect(b.closing.totals).toEqual([{ currency: 'THB', amount: '800.00' }]);
    expect(b.notifications).toEqual([]);
  });

  it("a manager sees their team's pipeline, wins and overdue tasks; never another team's or organization's", async () => {
    const h = await teamHome(w.db, w.actors.mA, now);
    // Team A's open deals plus the shared customer's (placed in A1): 10 + 20 + 40 + 1600 THB.
    expect(h.pipeline.totals).toEqual([{ currency: 'THB', amount: '1670.00' }, { currency: 'VND', amount: '123456789012.00' }]);
    expect(h.pipeline.count).toBe(5);
    const byStage = new Map(h.pipeline.stages.map((s) => [s.stageId, s]));
    expect(byStage.get(stage.open)).toMatchObject({ count: 4, totals: [{ currency: 'THB', amount: '1670.00' }] });
    expect(byStage.get(stage.open2)).toMatchObject({ count: 1, totals: [{ currency: 'VND', amount: '123456789012.00' }] });
    expect(h.won).toMatchObject({ count: 1, totals: [{ currency: 'THB', amount: '3200.00' }] });
    expect(titlesOf(h.won.rows)).toEqual(['A1 won']);
    expect(h.overdue.map((r) => [r.name, r.n]).sort()).toEqual([['repA1', 1], ['repA2', 1]]);

    const b = await teamHome(w.db, w.actors.mB, now);
    expect(b.pipeline.totals).toEqual([{ currency: 'THB', amount: '2400.00' }]);
    expect(b.won).toMatchObject({ count: 1, totals: [{ currency: 'THB', amount: '12800.00' }] });
    expect(b.overdue.map((r) => r.name)).toEqual(['repB1']);
  });

  it('an admin sees the whole organization and nothing of another', async () => {
    const h = await homeFor(w.db, w.actors.admin, now);
    expect(h.kind).toBe('team');
    if (h.kind !== 'team') return;
    expect(h.data.pipeline.totals).toEqual([{ currency: 'THB', amount: '2470.00' }, { currency: 'VND', amount: '123456789012.00' }]);
    expect(h.data.won.totals).toEqual([{ currency: 'THB', amount: '16000.00' }]);
    expect(h.data.overdue.map((r) => r.name).sort()).toEqual(['repA1', 'repA2', 'repB1']);
    const other = await teamHome(w.db, w.actors.admin2, now);
    expect(other.pipeline.totals).toEqual([{ currency: 'THB', amount: '25600.00' }]);
    expect(other.overdue.map((r) => r.name)).toEqual(['admin2']);
  });

  it('finance sees accepted quotations of its organization, latest first, with their total', async () => {
    const h = await financeHome(w.db, w.actors.finance);
    expect(h.accepted.rows.map((q) => q.number)).toEqual(['Q-A1', 'Q-B1']);
    expect(h.accepted).toMatchObject({ count: 2, totals: [{ currency: 'THB', amount: '750.00' }] });
    // The same predicate keeps a rep to their own scope, should the block ever be shown to one.
    expect((await financeHome(w.db, w.actors.repA1)).accepted.rows.map((q) => q.number)).toEqual(['Q-A1']);
    expect((await financeHome(w.db, w.actors.admin2)).accepted.rows.map((q) => q.number)).toEqual(['Q-FOREIGN']);
  });

  it("the page's query count does not grow with the data, and every list stays bounded", async () => {
    const roles: Actor[] = [w.actors.repA1, w.actors.mA, w.actors.admin, w.actors.finance];
    const before = [];
    for (const a of roles) before.push((await countQueries(w.db, () => homeFor(w.db, a, now))).n);
    expect(before).toEqual([4, 5, 5, 2]);
    await more(HOME_LIST + 4, 'Bulk');
    for (const [i, a] of roles.entries()) {
      const { n, result } = await countQueries(w.db, () => homeFor(w.db, a, now));
      expect(n, a.role).toBe(before[i]);
      if (result.kind === 'rep') {
        expect(result.data.tasks.rows).toHaveLength(HOME_LIST);
        expect(result.data.tasks.total).toBe(2 + 2 * (HOME_LIST + 4));
        expect(result.data.closing.rows).toHaveLength(HOME_LIST);
        expect(result.data.notifications.length).toBeLessThanOrEqual(5);
        expect(result.data.tasks.rows.every((t) => !t.title.startsWith('B1') && !t.title.startsWith('A2'))).toBe(true);
      } else if (result.kind === 'team') {
        expect(result.data.won.rows).toHaveLength(HOME_LIST);
        expect(result.data.won.count).toBe(a.role === 'admin' ? 2 + 3 * (HOME_LIST + 4) : 1 + 2 * (HOME_LIST + 4));
      } else {
        expect(result.data.accepted.rows).toHaveLength(HOME_LIST * 2);
        expect(result.data.accepted.count).toBe(2 + 3 * (HOME_LIST + 4));
      }
    }
  });
});

describe('scope after the data grows', () => {
  it('team A still sees none of team B in any sum', async () => {
    const h = await teamHome(w.db, w.actors.mA, now);
    const thb = h.pipeline.totals.find((t) => t.currency === 'THB')!.amount;
    // 1670 plus 2 x 10 bulk deals of 1.00.
    expect(thb).toBe('1690.00');
    const rows = await w.db.select({ n: tasks.id }).from(tasks).where(and(eq(tasks.assigneeId, w.people.repB1.id), eq(tasks.done, false)));
    expect(rows.length).toBeGreaterThan(0);
    expect(h.overdue.map((r) => r.name).sort()).toEqual(['repA1', 'repA2']);
  });
});
