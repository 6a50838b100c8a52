import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { makeWorld, type World } from '../../../tests/support/world';
import { keyT } from '../../../tests/support/act';
import { contacts, customers, opportunities, outbox, quotations } from '../db/schema';
import { listPipelines } from '../pipelines';
import { runAction } from '../action-core';
import { createOpportunity, todayIn } from './commands';
import { opportunityInput } from './schemas';
import { addContact } from '../customers/commands';
import { addDays, createQuotation, quotationInput, sendQuotation } from '../quotations';

let w: World;
let stageId: string;
beforeAll(async () => {
  w = await makeWorld();
  stageId = (await listPipelines(w.db, w.actors.admin))[0].stages[0].id;
});

/** The deal form as the browser sends it, with a customer typed in. */
const dealForm = (over: Record<string, string> = {}) => ({
  title: `Quick ${w.tag}`, customerId: '', customerName: '', contactId: '', stageId, amount: '1000', currency: 'THB', expectedCloseDate: '',
  probability: '', source: '', description: '', ownerId: '', newCustomerName: '', newCustomerContact: '', newCustomerPhone: '',
  newCustomerEmail: '', newCustomerTaxId: '', newCustomerBranch: '', newCustomerTerritoryId: '', ...over,
});
async function submitDeal(values: Record<string, string>, actor = w.actors.repA1) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) fd.set(k, v);
  return runAction(opportunityInput, ({ db, actor: a, input }) => createOpportunity(db, a, input), { actor, db: w.db, t: keyT, formData: fd });
}
const quoteFor = (opportunityId: string) =>
  quotationInput.parse({
    customerId: '', contactId: '', opportunityId, ownerId: '', language: 'en', currency: 'THB', validUntil: addDays(todayIn('Asia/Bangkok'), 30),
    discountKind: 'percent', discountValue: '0', terms: '', notes: '',
    lines: JSON.stringify([{ productId: '', description: 'Service', unit: 'hr', quantity: '1', unitPrice: '100', discountKind: 'percent', discountValue: '0', taxRateId: '' }]),
  });

describe('a customer quick-created from the deal form', () => {
  it('makes the customer and its primary contact in the rep\'s own territory, and a quotation from the deal is sendable at once', async () => {
    const email = `nok.${w.tag}@quick.test`;
    const { state, result: dealId } = await submitDeal(dealForm({
      newCustomerName: `Krungthep Packaging ${w.tag}`, newCustomerContact: 'Nok Srisuk', newCustomerPhone: '089 765 4321',
      newCustomerEmail: email, newCustomerTaxId: '0-9940-00159-80-3', newCustomerBranch: '00000',
    }));
    expect(state.status).toBe('ok');
    const [deal] = await w.db.select().from(opportunities).where(eq(opportunities.id, dealId!));
    const [c] = await w.db.select().from(customers).where(eq(customers.id, deal.customerId));
    expect(c).toMatchObject({ name: `Krungthep Packaging ${w.tag}`, territoryId: w.territories.A1, ownerId: w.people.repA1.id, taxId: '0994000159803', branch: '00000', phone: '089 765 4321', email });
    const people = await w.db.select().from(contacts).where(eq(contacts.customerId, c.id));
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({ name: 'Nok Srisuk', email, phone: '089 765 4321', isPrimary: true });
    expect(deal.contactId).toBe(people[0].id);

    const quoteId = await createQuotation(w.db, w.actors.repA1, quoteFor(dealId!));
    const [q] = await w.db.select().from(quotations).where(eq(quotations.id, quoteId));
    expect(q.contactId).toBe(people[0].id);
    await sendQuotation(w.db, w.actors.repA1, quoteId);
    const mails = await w.db.select().from(outbox).where(eq(outbox.to, email));
    expect(mails).toHaveLength(1);
  });

  it('a quotation made before the customer had a contact goes to the primary contact added since, without editing it', async () => {
    const { result: dealId } = await submitDeal(dealForm({ newCustomerName: `Chiang Mai Ceramics ${w.tag}` }));
    const quoteId = await createQuotation(w.db, w.actors.repA1, quoteFor(dealId!));
    await expect(sendQuotation(w.db, w.actors.repA1, quoteId)).rejects.toMatchObject({ fields: { contactId: 'noRecipient' } });
    const [deal] = await w.db.select().from(opportunities).where(eq(opportunities.id, dealId!));
    const email = `ploy.${w.tag}@quick.test`;
    const ploy = await addContact(w.db, w.actors.repA1, deal.customerId, { name: 'Ploy', title: '', phone: '', email, isPrimary: true });
    await sendQuotation(w.db, w.actors.repA1, quoteId);
    expect(await w.db.select().from(outbox).where(eq(outbox.to, email))).toHaveLength(1);
    const [q] = await w.db.select().from(quotations).where(eq(quotations.id, quoteId));
    expect(q).toMatchObject({ status: 'sent', sentTo: email, contactId: ploy });
  });

  it('follows the customer rules: Thai tax ID, duplicates, territory in scope; nothing is written when refused', async () => {
    const name = `Refused Co ${w.tag}`;
    const bad = await submitDeal(dealForm({ newCustomerName: name, newCustomerTaxId: '0994000159804' }));
    expect(bad.state.fieldErrors).toEqual({ newCustomerTaxId: 'invalidThaiTaxId' });
    const far = await submitDeal(dealForm({ newCustomerName: name, newCustomerTerritoryId: w.territories.B1 }));
    expect(far.state.fieldErrors).toEqual({ newCustomerTerritoryId: 'notAllowedTerritory' });
    // Same tax ID and branch as the first test's customer: refused even when confirmed.
    const twin = await submitDeal(dealForm({ newCustomerName: name, newCustomerTaxId: '0994000159803', newCustomerBranch: '', confirmDuplicate: 'on' }));
    expect(twin.state.fieldErrors).toEqual({ newCustomerTaxId: 'duplicateTaxIdBranch' });
    expect(twin.state.duplicates?.seen.map((d) => d.name)).toEqual([`Krungthep Packaging ${w.tag}`]);
    // The world's customers share one phone: a warning first, saved once confirmed.
    const phone = await submitDeal(dealForm({ newCustomerName: name, newCustomerPhone: '081-234-5678' }));
    expect(phone.state.fieldErrors).toEqual({ newCustomerPhone: 'duplicatePhone' });
    expect(await w.db.select().from(customers).where(and(eq(customers.orgId, w.org.id), eq(customers.name, name)))).toHaveLength(0);
    const ok = await submitDeal(dealForm({ newCustomerName: name, newCustomerPhone: '081-234-5678', confirmDuplicate: 'on' }));
    expect(ok.state.status).toBe('ok');
    expect(await w.db.select().from(customers).where(and(eq(customers.orgId, w.org.id), eq(customers.name, name)))).toHaveLength(1);
  });
});
