import { beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, type World } from '../../../tests/support/world';
import { customerTimeline, dealTimeline, logActivity, TIMELINE_PAGE, zonedToInstant } from './index';
import { createOpportunity } from '../opportunities/commands';
import { listPipelines } from '../pipelines';

let w: World;
let deal: string;
const entry = (over: Record<string, unknown> = {}) => ({ kind: 'call' as const, customerId: null as string | null, opportunityId: null as string | null, occurredAt: '', outcome: 'Spoke to the buyer', nextStep: 'Send a quote', notes: '', ...over });

beforeAll(async () => {
  w = await makeWorld();
  const [p] = await listPipelines(w.db, w.actors.admin);
  deal = await createOpportunity(w.db, w.actors.repA1, { title: 'Deal', customerId: w.customers.a1, newCustomerName: '', contactId: null, pipelineId: p.id, stageId: p.stages[0].id, amount: '1', currency: 'THB', expectedCloseDate: null, probability: null, source: '', description: '', ownerId: '' });
});

describe('contact history', () => {
  it('logs on a customer and on a deal; the customer timeline shows both, newest first', async () => {
    await logActivity(w.db, w.actors.repA1, entry({ customerId: w.customers.a1, occurredAt: '2026-01-05T09:30' }));
    await logActivity(w.db, w.actors.repA1, entry({ opportunityId: deal, kind: 'meeting', occurredAt: '2026-02-01T14:00' }));
    const c = await customerTimeline(w.db, w.actors.repA1, w.customers.a1);
    expect(c.rows.map((r) => r.kind)).toEqual(['meeting', 'call']);
    expect(c.rows[0].actorName).toBe('repA1');
    const d = await dealTimeline(w.db, w.actors.mA, deal);
    expect(d.rows.map((r) => r.kind)).toEqual(['meeting']);
  });

  it('reads the typed time in the organization\'s time zone', () => {
    expect(zonedToInstant('2026-01-05T09:30', 'Asia/Bangkok').toISOString()).toBe('2026-01-05T02:30:00.000Z');
    expect(zonedToInstant('2026-07-01T12:00', 'Europe/Moscow').toISOString()).toBe('2026-07-01T09:00:00.000Z');
  });

  it('is scoped like its customer or deal', async () => {
    await expect(logActivity(w.db, w.actors.repB1, entry({ customerId: w.customers.a1 }))).rejects.toMatchObject({ fields: { customerId: 'unknownCustomer' } });
    await expect(logActivity(w.db, w.actors.repA2, entry({ opportunityId: deal }))).rejects.toMatchObject({ fields: { opportunityId: 'invalidChoice' } });
    await expect(customerTimeline(w.db, w.actors.repB1, w.customers.a1)).rejects.toMatchObject({ code: 'notFound' });
    await expect(dealTimeline(w.db, w.actors.admin2, deal)).rejects.toMatchObject({ code: 'notFound' });
    await expect(logActivity(w.db, w.actors.finance, entry({ customerId: w.customers.a1 }))).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('needs something said for a call, meeting, email or visit', async () => {
    await expect(logActivity(w.db, w.actors.repA1, entry({ customerId: w.customers.a1, outcome: '' }))).rejects.toMatchObject({ fields: { outcome: 'required' } });
    await expect(logActivity(w.db, w.actors.repA1, entry({ kind: 'note', customerId: w.customers.a1, outcome: '', notes: 'x' }))).resolves.toBeTruthy();
  });

  it('pages older entries', async () => {
    for (let i = 0; i < TIMELINE_PAGE + 3; i++) {
      await logActivity(w.db, w.actors.repB1, entry({ customerId: w.customers.b1, occurredAt: `2025-03-${String((i % 28) + 1).padStart(2, '0')}T${String(8 + (i % 10)).padStart(2, '0')}:00` }));
    }
    const first = await customerTimeline(w.db, w.actors.repB1, w.customers.b1);
    expect(first.rows.length).toBe(TIMELINE_PAGE);
    const second = await customerTimeline(w.db, w.actors.repB1, w.customers.b1, first.older!);
    expect(second.rows.length).toBe(3);
    expect(second.older).toBeNull();
    expect(second.rows[0].occurredAt.getTime()).toBeLessThan(first.rows.at(-1)!.occurredAt.getTime());
  });
});

describe('activity form input', () => {
  it('accepts a form that names only the deal', async () => {
    const { activityInput } = await import('./index');
    const r = activityInput.safeParse({ kind: 'call', opportunityId: '00000000-0000-4000-8000-000000000000', outcome: 'ok' });
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject({ customerId: null, occurredAt: null });
  });
});
