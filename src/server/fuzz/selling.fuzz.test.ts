import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { makeWorld, type World } from '../../../tests/support/world';
import { FUZZ_CASES, typed, type FuzzSpec, fuzzSuite } from '../../../tests/support/fuzz';
import type { FormValues } from '../../../tests/support/act';
import { activities, contacts, customers, opportunities, tasks } from '../db/schema';
import { addContact, createCustomer, deleteContact, updateContact, updateCustomer } from '../customers/commands';
import { contactInput, customerInput } from '../customers/schemas';
import { createOpportunity, moveOpportunity, setStandby, setStarred, updateOpportunity } from '../opportunities/commands';
import { moveInput, opportunityInput } from '../opportunities/schemas';
import { createTask, setTaskDone, taskInput } from '../tasks';
import { activityInput, logActivity } from '../activities';
import { attachFile, deleteAttachment } from '../files';
import { attachments } from '../db/schema';
import { rng, hostile } from '../../../tests/support/fuzz';
import { runAction } from '../action-core';
import { keyT } from '../../../tests/support/act';
import { listPipelines, listLostReasons } from '../pipelines';
import { CURRENCIES } from '../organization';
import { longText, optionalDate, optionalUuid, uuid, version } from '../validation';

/**
 * Every selling action, 1,000+ hostile submissions each (seeded, so a failure repeats): no input
 * a form can send reaches the user as a database error, and what is accepted is stored as typed.
 * The schemas and command calls mirror src/app/(app)/<area>/actions.ts.
 */
let w: World;
let stageIds: string[];
let pipelineId: string;
let lostReasonIds: string[];
let dealId: string;
let contactId: string;
let taskId: string;
const anyIds = () => [
  w.customers.a1, w.customers.b1, w.customers.other, w.people.repA1.id, w.people.repA2.id, w.people.repB1.id, w.people.admin2.id,
  w.territories.A1, w.territories.B1, ...stageIds, ...lostReasonIds, dealId, contactId,
];

beforeAll(async () => {
  w = await makeWorld();
  const [p] = await listPipelines(w.db, w.actors.admin);
  pipelineId = p.id;
  stageIds = p.stages.map((s) => s.id);
  lostReasonIds = (await listLostReasons(w.db, w.actors.admin)).map((r) => r.id);
  dealId = await createOpportunity(w.db, w.actors.repA1, {
    title: 'Fuzz deal', customerId: w.customers.a1, newCustomerName: '', contactId: null, pipelineId, stageId: stageIds[0], amount: '1000',
    currency: 'THB', expectedCloseDate: null, probability: null, source: '', description: '', ownerId: '',
  });
  contactId = await addContact(w.db, w.actors.repA1, w.customers.a1, { name: 'Fuzz contact', title: '', phone: '', email: '', isPrimary: false });
  taskId = await createTask(w.db, w.actors.repA1, { title: 'Fuzz task', notes: '', dueAt: '2030-01-01T10:00', assigneeId: null, customerId: null, opportunityId: null });
});

const ids = () => ({ ids: anyIds() });
const run = <S extends z.ZodType, R>(spec: FuzzSpec<S, R>, seed: number) => fuzzSuite(w.db, spec, seed);

describe('fuzz: customers and contacts', () => {
  const customerFields = {
    name: 'text', taxId: 'text', branch: 'text', phone: 'phone', email: 'email', address: 'long', notes: 'long', territoryId: 'id', ownerId: 'id',
    priceListId: 'id', customerGroup: 'text', confirmDuplicate: 'bool',
  } as const;
  const customerBase = (): FormValues => ({
    name: `Fuzz ${w.tag}`, taxId: '', branch: '', phone: '', email: '', address: '', notes: '', territoryId: '', ownerId: '', priceListId: '', customerGroup: '', confirmDuplicate: '',
  });
  const verifyCustomer = async (id: string, v: FormValues) => {
    const [c] = await w.db.select().from(customers).where(eq(customers.id, id));
    for (const f of ['name', 'taxId', 'branch', 'phone', 'email', 'address', 'notes'] as const) expect(c[f], f).toBe(typed(v[f]));
    expect(c.orgId).toBe(w.org.id);
  };

  it('create customer', async () => {
    const r = await run({
      name: 'createCustomer', schema: customerInput, run: ({ db, actor, input }) => createCustomer(db, actor, input), actor: w.actors.repA1,
      base: customerBase, fields: customerFields, ctx: { territoryId: ids(), ownerId: ids(), priceListId: ids() }, verify: verifyCustomer,
    }, 101);
    expect(r.ok).toBeGreaterThan(0);
  });

  it('update customer', async () => {
    const schema = customerInput.extend({ id: uuid, version });
    await run({
      name: 'updateCustomer', schema, run: ({ db, actor, input }) => updateCustomer(db, actor, input.id, input.version, input), actor: w.actors.admin,
      base: async () => {
        const [c] = await w.db.select({ version: customers.version }).from(customers).where(eq(customers.id, w.customers.a2));
        return { ...customerBase(), id: w.customers.a2, version: String(c.version) };
      },
      fields: { ...customerFields, id: 'id', version: 'int' }, ctx: { territoryId: ids(), ownerId: ids(), priceListId: ids(), id: ids() },
      verify: async (_r, v) => verifyCustomer(w.customers.a2, v),
    }, 102);
  });

  const contactFields = { name: 'text', title: 'text', phone: 'phone', email: 'email', isPrimary: 'bool', customerId: 'id', contactId: 'id' } as const;
  const contactBase = (): FormValues => ({ name: 'Som', title: 'Buyer', phone: '081 000 0000', email: '', isPrimary: '', customerId: w.customers.a1 });

  it('add contact', async () => {
    await run({
      name: 'addContact', schema: contactInput.extend({ customerId: uuid }), run: ({ db, actor, input }) => addContact(db, actor, input.customerId, input),
      actor: w.actors.repA1, base: contactBase, fields: contactFields, ctx: { customerId: ids() },
      verify: async (id, v) => {
        const [c] = await w.db.select().from(contacts).where(eq(contacts.id, id));
        for (const f of ['name', 'title', 'phone', 'email'] as const) expect(c[f], f).toBe(typed(v[f]));
        // Whatever was sent, a contact is only ever added to a customer the actor may see.
        expect([w.customers.a1, w.customers.shared]).toContain(c.customerId);
      },
    }, 103);
  });

  it('update contact: never moves it to another customer', async () => {
    await run({
      name: 'updateContact', schema: contactInput.extend({ contactId: uuid, customerId: uuid }),
      run: ({ db, actor, input }) => updateContact(db, actor, input.contactId, input), actor: w.actors.repA1,
      base: () => ({ ...contactBase(), contactId }), fields: contactFields, ctx: { customerId: ids(), contactId: ids() },
      verify: async (_r, v) => {
        const [c] = await w.db.select().from(contacts).where(eq(contacts.id, contactId));
        expect(c.customerId).toBe(w.customers.a1);
        expect(c.name).toBe(typed(v.name));
      },
    }, 104);
  });

  it('delete contact', async () => {
    const victim = await addContact(w.db, w.actors.repB1, w.customers.b1, { name: 'Keep me', title: '', phone: '', email: '', isPrimary: false });
    await run({
      name: 'deleteContact', schema: z.object({ contactId: uuid, customerId: uuid }), run: ({ db, actor, input }) => deleteContact(db, actor, input.contactId),
      // repA1 tries ids of every kind; the only contact they may delete is their own customer's.
      actor: w.actors.repA1, base: () => ({ contactId: victim, customerId: w.customers.b1 }), fields: { contactId: 'id', customerId: 'id' },
      ctx: { contactId: { ids: [victim, w.customers.b1, randomLike()] }, customerId: ids() },
    }, 105);
    const [still] = await w.db.select().from(contacts).where(eq(contacts.id, victim));
    expect(still).toBeTruthy();
  });
});

const randomLike = () => '6f1c1a4e-0000-4000-8000-000000000001';

describe('fuzz: deals', () => {
  const dealFields = {
    title: 'text', customerId: 'id', newCustomerName: 'text', contactId: 'id', pipelineId: 'id', stageId: 'id', amount: 'money', currency: 'enum',
    expectedCloseDate: 'date', probability: 'int', source: 'text', description: 'long', ownerId: 'id', lostReasonId: 'id', lostNote: 'long',
    newCustomerContact: 'text', newCustomerPhone: 'phone', newCustomerEmail: 'email', newCustomerTaxId: 'text', newCustomerBranch: 'text',
    newCustomerTerritoryId: 'id', confirmDuplicate: 'bool',
  } as const;
  const dealBase = (): FormValues => ({
    title: 'Fuzz', customerId: w.customers.a1, newCustomerName: '', contactId: '', pipelineId, stageId: stageIds[0], amount: '1000.50', currency: 'THB',
    expectedCloseDate: '2031-01-31', probability: '', source: '', description: '', ownerId: '', lostReasonId: '', lostNote: '',
    newCustomerContact: '', newCustomerPhone: '', newCustomerEmail: '', newCustomerTaxId: '', newCustomerBranch: '', newCustomerTerritoryId: '', confirmDuplicate: '',
  });
  const dealCtx = () => ({
    customerId: ids(), contactId: ids(), pipelineId: ids(), stageId: ids(), ownerId: ids(), lostReasonId: ids(), newCustomerTerritoryId: ids(),
    currency: { ids: [], enums: { currency: [...CURRENCIES] } },
  });
  const verifyDeal = async (id: string, v: FormValues) => {
    const [d] = await w.db.select().from(opportunities).where(eq(opportunities.id, id));
    expect(d.title).toBe(typed(v.title));
    expect(d.description).toBe(typed(v.description));
    expect(d.source).toBe(typed(v.source));
    expect(d.expectedCloseDate ?? '').toBe(typed(v.expectedCloseDate));
    expect(d.orgId).toBe(w.org.id);
  };

  it('create deal', async () => {
    const schema = opportunityInput.and(z.object({ lostReasonId: optionalUuid.optional().default(''), lostNote: longText(2000).optional().default('') }));
    const r = await run({
      name: 'createOpportunity', schema, run: ({ db, actor, input }) => createOpportunity(db, actor, input, input), actor: w.actors.repA1,
      base: dealBase, fields: dealFields, ctx: dealCtx(), verify: verifyDeal,
    }, 201);
    expect(r.ok).toBeGreaterThan(0);
  });

  it('update deal', async () => {
    const schema = opportunityInput.and(z.object({ id: uuid, version }));
    await run({
      name: 'updateOpportunity', schema, run: ({ db, actor, input }) => updateOpportunity(db, actor, input.id, input.version, input), actor: w.actors.repA1,
      base: async () => {
        const [d] = await w.db.select({ version: opportunities.version }).from(opportunities).where(eq(opportunities.id, dealId));
        return { ...dealBase(), id: dealId, version: String(d.version) };
      },
      fields: { ...dealFields, id: 'id', version: 'int' }, ctx: { ...dealCtx(), id: ids() },
      verify: async (_r, v) => verifyDeal(dealId, v),
    }, 202);
  });

  it('move deal', async () => {
    const moving = await createOpportunity(w.db, w.actors.repA1, {
      title: 'Mover', customerId: w.customers.a1, newCustomerName: '', contactId: null, pipelineId, stageId: stageIds[0], amount: '1',
      currency: 'THB', expectedCloseDate: null, probability: null, source: '', description: '', ownerId: '',
    });
    await run({
      name: 'moveOpportunity', schema: moveInput, run: ({ db, actor, input }) => moveOpportunity(db, actor, input), actor: w.actors.repA1,
      base: () => ({ id: moving, stageId: stageIds[1], lostReasonId: '', lostNote: '' }),
      fields: { id: 'id', stageId: 'id', lostReasonId: 'id', lostNote: 'long' }, ctx: { id: ids(), stageId: ids(), lostReasonId: ids() },
    }, 203);
  });

  it('standby and star', async () => {
    await run({
      name: 'setStandby', schema: z.object({ id: uuid, standbyUntil: optionalDate() }),
      run: ({ db, actor, input }) => setStandby(db, actor, input.id, input.standbyUntil), actor: w.actors.repA1,
      base: () => ({ id: dealId, standbyUntil: '2031-06-30' }), fields: { id: 'id', standbyUntil: 'date' }, ctx: { id: ids() },
      verify: async (_r, v) => {
        const [d] = await w.db.select({ s: opportunities.standbyUntil }).from(opportunities).where(eq(opportunities.id, dealId));
        expect(d.s ?? '').toBe(typed(v.standbyUntil));
      },
    }, 204);
    await run({
      name: 'setStarred', schema: z.object({ id: uuid, starred: z.enum(['true', 'false']) }),
      run: ({ db, actor, input }) => setStarred(db, actor, input.id, input.starred === 'true'), actor: w.actors.repA1,
      base: () => ({ id: dealId, starred: 'true' }), fields: { id: 'id', starred: 'enum' }, ctx: { id: ids(), starred: { ids: [], enums: { starred: ['true', 'false'] } } },
    }, 205);
  });
});

describe('fuzz: tasks and activities', () => {
  it('create task', async () => {
    await run({
      name: 'createTask', schema: taskInput, run: ({ db, actor, input }) => createTask(db, actor, input), actor: w.actors.mA,
      base: () => ({ title: 'Call back', notes: '', dueAt: '2031-03-01T09:30', assigneeId: '', customerId: '', opportunityId: '' }),
      fields: { title: 'text', notes: 'long', dueAt: 'datetime', assigneeId: 'id', customerId: 'id', opportunityId: 'id' },
      ctx: { assigneeId: ids(), customerId: ids(), opportunityId: ids() },
      verify: async (id, v) => {
        const [t] = await w.db.select().from(tasks).where(eq(tasks.id, id));
        expect(t.title).toBe(typed(v.title));
        expect(t.notes).toBe(typed(v.notes));
        expect(t.dueAt.getUTCFullYear()).toBeGreaterThanOrEqual(1999);
        expect(t.dueAt.getUTCFullYear()).toBeLessThanOrEqual(2101);
      },
    }, 301);
  });

  it('task done', async () => {
    await run({
      name: 'setTaskDone', schema: z.object({ id: uuid, done: z.enum(['true', 'false']) }),
      run: ({ db, actor, input }) => setTaskDone(db, actor, input.id, input.done === 'true'), actor: w.actors.repA1,
      base: () => ({ id: taskId, done: 'true' }), fields: { id: 'id', done: 'enum' }, ctx: { id: { ids: [taskId, ...anyIds()] } },
    }, 302);
  });

  it('log activity', async () => {
    await run({
      name: 'logActivity', schema: activityInput, run: ({ db, actor, input }) => logActivity(db, actor, input), actor: w.actors.repA1,
      base: () => ({ kind: 'call', customerId: w.customers.a1, opportunityId: '', occurredAt: '2030-05-05T14:00', outcome: 'Talked', nextStep: '', notes: '' }),
      fields: { kind: 'enum', customerId: 'id', opportunityId: 'id', occurredAt: 'datetime', outcome: 'long', nextStep: 'long', notes: 'long' },
      ctx: { customerId: ids(), opportunityId: ids(), kind: { ids: [], enums: { kind: ['call', 'meeting', 'email', 'visit', 'note'] } } },
      verify: async (id, v) => {
        const [a] = await w.db.select().from(activities).where(eq(activities.id, id));
        expect(a.outcome).toBe(typed(v.outcome));
        expect(a.notes).toBe(typed(v.notes));
        expect([w.customers.a1, w.customers.shared]).toContain(a.customerId);
      },
    }, 401);
  });
});

describe('fuzz: attachments', () => {
  it('attach and delete files with hostile names, types, sizes and parents', async () => {
    const parent = z.object({ customerId: z.preprocess((v) => v ?? '', optionalUuid), opportunityId: z.preprocess((v) => v ?? '', optionalUuid) });
    const r = rng(501);
    const names = ['report.pdf', 'a\u0000b.pdf', '../../etc/passwd.pdf', 'C:\\x\\y.png', '\uD800.pdf', 'x'.repeat(500) + '.pdf', '.pdf', 'no-extension', 'ใบเสนอราคา.pdf', 'a\nb.png', ''];
    const types = ['application/pdf', 'image/png', 'text/html', '', 'application/x-msdownload', 'image/svg+xml'];
    let ok = 0;
    for (let i = 0; i < FUZZ_CASES; i++) {
      const fd = new FormData();
      fd.set('customerId', r.next() < 0.7 ? w.customers.a1 : String(hostile(r, 'id', 'customerId', ids())));
      if (r.next() < 0.2) fd.set('opportunityId', String(hostile(r, 'id', 'opportunityId', ids())));
      const size = r.pick([0, 1, 100, 2048]);
      if (r.next() < 0.95) fd.set('file', new File([new Uint8Array(size)], r.pick(names), { type: r.pick(types) }));
      else fd.set('file', 'not a file');
      const { state } = await runAction(parent, ({ db, actor, input, formData }) => attachFile(db, actor, input, formData.get('file') as File), { actor: w.actors.repA1, db: w.db, t: keyT, formData: fd });
      if (state.status === 'error') expect(state.message, `attach case ${i}`).not.toBe('unexpected');
      else ok++;
    }
    expect(ok).toBeGreaterThan(0);
    const stored = await w.db.select({ id: attachments.id, fileName: attachments.fileName }).from(attachments).where(eq(attachments.customerId, w.customers.a1));
    for (const a of stored) expect(a.fileName).not.toMatch(/[\u0000-\u001f/\\]/);
    await run({
      name: 'deleteAttachment', schema: parent.extend({ id: uuid }), run: ({ db, actor, input }) => deleteAttachment(db, actor, input.id), actor: w.actors.repB1,
      base: () => ({ id: stored[0]?.id ?? '', customerId: w.customers.a1 }), fields: { id: 'id', customerId: 'id' }, ctx: { id: { ids: [...stored.map((a) => a.id), ...anyIds()] } },
    }, 502);
  });
});
