import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeWorld, type World } from '../../../tests/support/world';
import { contacts } from '../db/schema';
import { addContact, createCustomer, updateContact, updateCustomer } from '../customers/commands';
import { getCustomer } from '../customers/queries';
import { createOpportunity, updateOpportunity } from '../opportunities/commands';
import { getOpportunity } from '../opportunities/queries';
import { listLostReasons, listPipelines, createPipeline } from '../pipelines';
import { createQuotation, quotationInput, addDays } from '../quotations';
import { createTask } from '../tasks';
import { createPriceList, createProduct, listTaxRates, priceListInput, productInput, setListPrice } from '../catalog';
import { createTeam } from '../teams';
import { createUser } from '../users/commands';
import { createTerritory } from '../territories';
import { todayIn } from '../opportunities/commands';

/**
 * Every entity, re-parented across scope and across organizations: each id a client sends is
 * re-read in the actor's organization and scope, and a foreign or out-of-scope one is a field error
 * (the same one an unknown id gets), never a write.
 */
let w: World;
let foreign: {
  territory: string; team: string; priceList: string; product: string; taxRate: string; stage: string; pipeline: string; lostReason: string; contact: string;
};
let stageId: string;
let pipelineId: string;

beforeAll(async () => {
  w = await makeWorld();
  const a2 = w.actors.admin2;
  const [p2] = await listPipelines(w.db, a2);
  foreign = {
    territory: await createTerritory(w.db, a2, { name: 'Elsewhere', parentId: null }),
    team: await createTeam(w.db, a2, { name: 'Their team', managerId: null, memberIds: [] }),
    priceList: await createPriceList(w.db, a2, priceListInput.parse({ name: 'Theirs', currency: 'THB', active: 'on' })),
    product: await createProduct(w.db, a2, productInput.parse({ code: 'THEIRS', name: 'Theirs', price: '1', active: 'on' })),
    taxRate: (await listTaxRates(w.db, a2))[0].id,
    stage: p2.stages[0].id,
    pipeline: p2.id,
    lostReason: (await listLostReasons(w.db, a2))[0].id,
    contact: await addContact(w.db, a2, w.customers.other, { name: 'Their buyer', title: '', phone: '', email: 'x@y.zz', isPrimary: true }),
  };
  const [p] = await listPipelines(w.db, w.actors.admin);
  pipelineId = p.id;
  stageId = p.stages[0].id;
});

const customer = (o: Record<string, unknown> = {}) => ({
  name: 'Moved', taxId: '', branch: '', phone: '', email: '', address: '', notes: '', territoryId: null, ownerId: null, ...o,
}) as Parameters<typeof createCustomer>[2];
const deal = (o: Record<string, unknown> = {}) => ({
  title: 'D', customerId: w.customers.a1, newCustomerName: '', contactId: null, pipelineId, stageId, amount: '1', currency: 'THB' as const,
  expectedCloseDate: null, probability: null, source: '', description: '', ownerId: '', ...o,
}) as Parameters<typeof createOpportunity>[2];
const quote = (o: Record<string, unknown> = {}) => quotationInput.parse({
  customerId: w.customers.a1, contactId: '', opportunityId: '', ownerId: '', language: 'en', currency: 'THB', validUntil: addDays(todayIn('Asia/Bangkok'), 10),
  discountKind: 'percent', discountValue: '0', terms: '', notes: '',
  lines: JSON.stringify([{ productId: '', description: 'x', unit: '', quantity: '1', unitPrice: '1', discountKind: 'percent', discountValue: '0', taxRateId: '' }]), ...o,
});

describe('references are re-read in the actor organization and scope', () => {
  it('customer: owner, territory and price list', async () => {
    await expect(createCustomer(w.db, w.actors.admin, customer({ ownerId: w.people.admin2.id }))).rejects.toMatchObject({ fields: { ownerId: 'notAllowedOwner' } });
    await expect(createCustomer(w.db, w.actors.admin, customer({ territoryId: foreign.territory }))).rejects.toMatchObject({ fields: { territoryId: 'invalidChoice' } });
    await expect(createCustomer(w.db, w.actors.repA1, customer({ territoryId: foreign.territory }))).rejects.toMatchObject({ fields: { territoryId: 'notAllowedTerritory' } });
    await expect(createCustomer(w.db, w.actors.admin, customer({ priceListId: foreign.priceList }))).rejects.toMatchObject({ fields: { priceListId: 'invalidChoice' } });
    // All three at once: every bad field is reported in one answer.
    await expect(createCustomer(w.db, w.actors.repA1, customer({ ownerId: w.people.repB1.id, territoryId: w.territories.B1, priceListId: foreign.priceList }))).rejects.toMatchObject({
      fields: { ownerId: 'notAllowedOwner', territoryId: 'notAllowedTerritory', priceListId: 'invalidChoice' },
    });
    const c = await getCustomer(w.db, w.actors.mA, w.customers.a2);
    await expect(updateCustomer(w.db, w.actors.mA, c.id, c.version, customer({ name: c.name, ownerId: w.people.repB1.id }))).rejects.toMatchObject({ fields: { ownerId: 'notAllowedOwner' } });
  });

  it('contact: never moves to another customer, in or out of scope', async () => {
    const id = await addContact(w.db, w.actors.repA1, w.customers.a1, { name: 'Nok', title: '', phone: '', email: '', isPrimary: false });
    // The action's schema carries a customerId; the command never writes it.
    await updateContact(w.db, w.actors.repA1, id, { name: 'Nok 2', title: '', phone: '', email: '', isPrimary: false, customerId: w.customers.other } as never);
    const [c] = await w.db.select().from(contacts).where(eq(contacts.id, id));
    expect(c).toMatchObject({ customerId: w.customers.a1, name: 'Nok 2' });
    await expect(addContact(w.db, w.actors.repA1, w.customers.other, { name: 'x', title: '', phone: '', email: '', isPrimary: false })).rejects.toMatchObject({ code: 'notFound' });
    await expect(updateContact(w.db, w.actors.repA1, foreign.contact, { name: 'x', title: '', phone: '', email: '', isPrimary: false })).rejects.toMatchObject({ code: 'notFound' });
  });

  it('deal: customer, contact, pipeline, stage, owner, lost reason', async () => {
    await expect(createOpportunity(w.db, w.actors.admin, deal({ customerId: w.customers.other }))).rejects.toMatchObject({ fields: { customerId: 'invalidChoice' } });
    await expect(createOpportunity(w.db, w.actors.repA1, deal({ customerId: w.customers.b1 }))).rejects.toMatchObject({ fields: { customerId: 'invalidChoice' } });
    await expect(createOpportunity(w.db, w.actors.admin, deal({ contactId: foreign.contact }))).rejects.toMatchObject({ fields: { contactId: 'invalidChoice' } });
    await expect(createOpportunity(w.db, w.actors.admin, deal({ pipelineId: foreign.pipeline, stageId: foreign.stage }))).rejects.toMatchObject({ fields: { pipelineId: 'invalidChoice', stageId: 'unknownStage' } });
    await expect(createOpportunity(w.db, w.actors.admin, deal({ pipelineId: null, stageId: foreign.stage }))).rejects.toMatchObject({ fields: { stageId: 'unknownStage' } });
    await expect(createOpportunity(w.db, w.actors.admin, deal({ ownerId: w.people.admin2.id }))).rejects.toMatchObject({ fields: { ownerId: 'notAllowedOwner' } });
    await expect(createOpportunity(w.db, w.actors.admin, deal({ ownerId: w.people.finance.id }))).rejects.toMatchObject({ fields: { ownerId: 'notAllowedOwner' } });
    const lost = (await listPipelines(w.db, w.actors.admin))[0].stages.find((s) => s.kind === 'lost')!;
    await expect(createOpportunity(w.db, w.actors.admin, deal({ stageId: lost.id }), { lostReasonId: foreign.lostReason })).rejects.toMatchObject({ fields: { lostReasonId: 'invalidChoice' } });
    // Hand-over: an admin not to another organization; a rep only to a teammate.
    const id = await createOpportunity(w.db, w.actors.repA1, deal());
    const d = await getOpportunity(w.db, w.actors.repA1, id);
    await expect(updateOpportunity(w.db, w.actors.admin, id, d.version, deal({ ownerId: w.people.admin2.id }))).rejects.toMatchObject({ fields: { ownerId: 'notAllowedOwner' } });
    await expect(updateOpportunity(w.db, w.actors.repA1, id, d.version, deal({ ownerId: w.people.repB1.id }))).rejects.toMatchObject({ fields: { ownerId: 'notAllowedOwner' } });
    await expect(updateOpportunity(w.db, w.actors.repA1, id, d.version, deal({ ownerId: w.people.mA.id }))).resolves.toBeUndefined();
  });

  it('quotation: customer, contact, deal and salesperson', async () => {
    await expect(createQuotation(w.db, w.actors.admin, quote({ customerId: w.customers.other }))).rejects.toMatchObject({ fields: { customerId: 'unknownCustomer' } });
    await expect(createQuotation(w.db, w.actors.admin, quote({ contactId: foreign.contact }))).rejects.toMatchObject({ fields: { contactId: 'invalidChoice' } });
    await expect(createQuotation(w.db, w.actors.admin, quote({ ownerId: w.people.admin2.id }))).rejects.toMatchObject({ fields: { ownerId: 'notAllowedOwner' } });
    await expect(createQuotation(w.db, w.actors.repA1, quote({ ownerId: w.people.repA2.id }))).rejects.toMatchObject({ fields: { ownerId: 'notAllowedOwner' } });
    const theirDeal = await createOpportunity(w.db, w.actors.admin2, deal({ customerId: w.customers.other, pipelineId: foreign.pipeline, stageId: foreign.stage }));
    await expect(createQuotation(w.db, w.actors.admin, quote({ opportunityId: theirDeal }))).rejects.toMatchObject({ fields: { opportunityId: 'invalidChoice' } });
    await expect(createQuotation(w.db, w.actors.admin, quote({ lines: JSON.stringify([{ productId: foreign.product, description: '', unit: '', quantity: '1', unitPrice: '1', discountKind: 'percent', discountValue: '0', taxRateId: foreign.taxRate }]) }))).rejects.toMatchObject({
      fields: { 'lines.0.productId': 'unknownProduct', 'lines.0.taxRateId': 'unknownTaxRate' },
    });
  });

  it('task: assignee, customer and deal', async () => {
    const t = { title: 'T', notes: '', dueAt: '2031-01-01T10:00', assigneeId: null, customerId: null, opportunityId: null };
    await expect(createTask(w.db, w.actors.admin, { ...t, assigneeId: w.people.admin2.id })).rejects.toMatchObject({ fields: { assigneeId: 'notAllowedOwner' } });
    await expect(createTask(w.db, w.actors.admin, { ...t, customerId: w.customers.other })).rejects.toMatchObject({ fields: { customerId: 'unknownCustomer' } });
  });

  it('catalogue: tax rate on a product, product and list on a list price', async () => {
    await expect(createProduct(w.db, w.actors.admin, productInput.parse({ code: 'X1', name: 'x', price: '1', taxRateId: foreign.taxRate, active: 'on' }))).rejects.toMatchObject({ fields: { taxRateId: 'unknownTaxRate' } });
    const mine = await createPriceList(w.db, w.actors.admin, priceListInput.parse({ name: 'Mine', currency: 'THB', active: 'on' }));
    await expect(setListPrice(w.db, w.actors.admin, { priceListId: mine, productId: foreign.product, price: '5' })).rejects.toMatchObject({ fields: { productId: 'unknownProduct' } });
    await expect(setListPrice(w.db, w.actors.admin, { priceListId: foreign.priceList, productId: foreign.product, price: '5' })).rejects.toMatchObject({ code: 'notFound' });
  });

  it('organization structure: pipeline team, team members, user team and territories, territory parent', async () => {
    await expect(createPipeline(w.db, w.actors.admin, { name: 'P', teamId: foreign.team })).rejects.toMatchObject({ fields: { teamId: 'invalidChoice' } });
    await expect(createTeam(w.db, w.actors.admin, { name: 'Mixed', managerId: null, memberIds: [w.people.admin2.id] })).rejects.toMatchObject({ fields: { memberIds: 'invalidChoice' } });
    await expect(createUser(w.db, w.actors.admin, { name: 'N', email: `n.${w.tag}@test.local`, role: 'rep', locale: 'en', teamId: foreign.team, territoryIds: [] })).rejects.toMatchObject({ fields: { teamId: 'invalidChoice' } });
    await expect(createUser(w.db, w.actors.admin, { name: 'N', email: `m.${w.tag}@test.local`, role: 'rep', locale: 'en', teamId: null, territoryIds: [foreign.territory] })).rejects.toMatchObject({ fields: { territoryIds: 'invalidChoice' } });
    await expect(createTerritory(w.db, w.actors.admin, { name: 'Child', parentId: foreign.territory })).rejects.toMatchObject({ fields: { parentId: 'invalidChoice' } });
  });
});
