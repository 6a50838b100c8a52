import { beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { makeWorld, type World } from '../../../tests/support/world';
import { contacts, notifications, opportunities, opportunityHistory, outbox, products, quotations, taxRatePeriods, taxRates } from '../db/schema';
import { listPipelines } from '../pipelines';
import { createOpportunity, todayIn } from '../opportunities/commands';
import { listTaxRates } from '../catalog/tax-rates';
import { createProduct } from '../catalog/products';
import {
  acceptByToken, addDays, createQuotation, declineByToken, duplicateQuotation, findByToken, getQuotation,
  listQuotations, quotationInput, quotationsOf, reviseQuotation, revokeLink, sendQuotation, updateQuotation,
  type QuotationInput,
} from '.';
import { quotationPdf } from './pdf';
import { quotationDocument } from './document';
import { LocalDiskStore } from '../files/store';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { act, type FormValues } from '../../../tests/support/act';
import { pdfTextOf, squash } from '../../../tests/support/pdf-text';

let w: World;
let dealId: string;
let contactId: string;
let productId: string;
const today = () => todayIn('Asia/Bangkok');

const line = (over: Record<string, unknown> = {}) => ({
  productId: '', description: 'Consulting', unit: 'hr', quantity: '2', unitPrice: '1500', discountKind: 'percent', discountValue: '0', taxRateId: '', ...over,
});
/** The form's fields as the browser sends them. */
const raw = (over: Record<string, unknown> = {}) => ({
  customerId: w.customers.a1, contactId: '', opportunityId: '', ownerId: '', language: 'th', currency: 'THB',
  validUntil: addDays(today(), 30), discountKind: 'percent', discountValue: '0', terms: 'Net 30', notes: '',
  lines: JSON.stringify([line()]), ...over,
});
const input = (over: Record<string, unknown> = {}): QuotationInput => quotationInput.parse(raw(over));

/** The link in the last mail sent to an address: the test reads the outbox like a customer reads mail. */
async function linkFromOutbox(to: string) {
  const [m] = await w.db.select().from(outbox).where(eq(outbox.to, to)).orderBy(outbox.createdAt);
  const all = await w.db.select().from(outbox).where(eq(outbox.to, to));
  const last = all.sort((a, b) => +b.createdAt - +a.createdAt)[0] ?? m;
  const token = /\/q\/([A-Za-z0-9_-]{43})/.exec(last.text)?.[1];
  expect(token).toBeTruthy();
  return { token: token!, mail: last };
}

beforeAll(async () => {
  w = await makeWorld();
  const [p] = await listPipelines(w.db, w.actors.admin);
  [{ id: contactId }] = await w.db.insert(contacts).values({ orgId: w.org.id, customerId: w.customers.a1, name: 'Somchai', email: `somchai.${w.tag}@cust.test` }).returning();
  dealId = await createOpportunity(w.db, w.actors.repA1, {
    title: 'Network upgrade', customerId: w.customers.a1, newCustomerName: '', contactId, pipelineId: p.id, stageId: p.stages[1].id,
    amount: '50000', currency: 'THB', expectedCloseDate: null, probability: null, source: '', description: '', ownerId: '',
  });
  productId = await createProduct(w.db, w.actors.admin, {
    code: `SW-${w.tag}`, name: 'Switch 24 port', name_en: '', name_th: 'สวิตช์ 24 พอร์ต', name_vi: '', name_ru: '', unit: 'pc', description: '', price: '12000', taxRateId: null, active: true,
  });
});

describe('tax rates', () => {
  it("start with the country's rates (Thailand by default): standard VAT 7 % as default, zero-rated and exempt", async () => {
    const rates = await listTaxRates(w.db, w.actors.repA1);
    expect(rates.map((r) => [r.kind, r.rate, r.isDefault])).toEqual([['vat', '7.00', true], ['zero', '0.00', false], ['exempt', '0.00', false]]);
  });
});

describe('creating quotations', () => {
  it('from a deal carries the customer and contact over and stores exact totals', async () => {
    const id = await createQuotation(w.db, w.actors.repA1, input({
      customerId: '', opportunityId: dealId,
      lines: JSON.stringify([line({ productId, description: '', unit: '', quantity: '1.5', unitPrice: '12,000.50' }), line({ discountKind: 'amount', discountValue: '100' })]),
      discountKind: 'percent', discountValue: '5',
    }));
    const q = await getQuotation(w.db, w.actors.repA1, id);
    expect(q.customerId).toBe(w.customers.a1);
    expect(q.contactId).toBe(contactId);
    expect(q.number).toBeNull();
    expect(q.status).toBe('draft');
    expect(q.lines.map((l) => [l.description, l.unit, l.net])).toEqual([['สวิตช์ 24 พอร์ต', 'pc', '18000.75'], ['Consulting', 'hr', '2900.00']]);
    expect(q.subtotal).toBe('20900.75');
    expect(q.taxBase).toBe('19855.71'); // 5 % off: 1045.04 (1045.0375 half-up)
    expect(q.taxTotal).toBe('1389.90'); // 19855.71 * 7 % = 1389.8997
    expect(q.grandTotal).toBe('21245.61');
    expect(q.discountTotal).toBe('1145.04');
  });

  it.each([
    ['negative quantity', { lines: JSON.stringify([line({ quantity: '-1' })]) }, 'lines.0.quantity', 'negativeQuantity'],
    ['negative price', { lines: JSON.stringify([line({ unitPrice: '-5' })]) }, 'lines.0.unitPrice', 'negativePrice'],
    ['discount above 100 %', { lines: JSON.stringify([line({ discountValue: '120' })]) }, 'lines.0.discountValue', 'discountOver100'],
    ['document discount above 100 %', { discountValue: '100.5' }, 'discountValue', 'discountOver100'],
    ['unknown product', { lines: JSON.stringify([line({ productId: '00000000-0000-4000-8000-000000000000' })]) }, 'lines.0.productId', 'unknownProduct'],
    ['tax rate that does not exist', { lines: JSON.stringify([line({ taxRateId: '00000000-0000-4000-8000-000000000000' })]) }, 'lines.0.taxRateId', 'unknownTaxRate'],
    ['customer out of scope', { customerId: 'b1' }, 'customerId', 'unknownCustomer'],
    ['customer of another organization', { customerId: 'other' }, 'customerId', 'unknownCustomer'],
    ['validity in the past', { validUntil: '2020-01-01' }, 'validUntil', 'validUntilPast'],
  ])('refuses a %s and saves nothing', async (_name, over, field, key) => {
    const o = { ...over } as Record<string, unknown>;
    if (o.customerId === 'b1') o.customerId = w.customers.b1;
    if (o.customerId === 'other') o.customerId = w.customers.other;
    const before = await w.db.select({ n: count() }).from(quotations).where(eq(quotations.orgId, w.org.id));
    // Through the action's own path: some of these are caught by the schema, others by the command.
    const r = await act(w.db, w.actors.repA1, quotationInput, ({ db, actor, input: i }) => createQuotation(db, actor, i), raw(o) as FormValues);
    expect(r.state.status).toBe('error');
    expect(r.state.fieldErrors).toMatchObject({ [field]: key });
    const after = await w.db.select({ n: count() }).from(quotations).where(eq(quotations.orgId, w.org.id));
    expect(after[0].n).toBe(before[0].n);
  });

  it('refuses a retired tax rate on a new line', async () => {
    const [r] = await w.db.insert(taxRates).values({ orgId: w.org.id, name: 'Old 10%', kind: 'vat', active: false }).returning();
    await w.db.insert(taxRatePeriods).values({ taxRateId: r.id, rate: '10', validFrom: '2000-01-01' });
    await expect(createQuotation(w.db, w.actors.repA1, input({ lines: JSON.stringify([line({ taxRateId: r.id })]) }))).rejects.toMatchObject({ fields: { 'lines.0.taxRateId': 'unknownTaxRate' } });
  });

  it('edits a draft with a version check', async () => {
    const id = await createQuotation(w.db, w.actors.repA1, input());
    await updateQuotation(w.db, w.actors.repA1, id, 1, input({ lines: JSON.stringify([line({ quantity: '3' })]) }));
    expect((await getQuotation(w.db, w.actors.repA1, id)).grandTotal).toBe('4815.00');
    await expect(updateQuotation(w.db, w.actors.repA1, id, 1, input())).rejects.toMatchObject({ code: 'staleVersion' });
  });
});

describe('numbering, sending, versions', () => {
  it('gives numbers only when sent, consecutive per year, and mails the contact a link', async () => {
    const a = await createQuotation(w.db, w.actors.repA1, input({ contactId }));
    const b = await createQuotation(w.db, w.actors.repA1, input({ contactId }));
    const year = today().slice(0, 4);
    const first = await sendQuotation(w.db, w.actors.repA1, b);
    const second = await sendQuotation(w.db, w.actors.repA1, a);
    expect(first.number).toBe(`QT-${year}-00001`);
    expect(second.number).toBe(`QT-${year}-00002`);
    const { token, mail } = await linkFromOutbox(`somchai.${w.tag}@cust.test`);
    expect(token).toBe(second.token);
    expect(mail.subject).toContain(`QT-${year}-00002`);
    const found = await findByToken(w.db, token);
    expect(found?.quotation.id).toBe(a);
    expect(found?.state).toBe('open');
    const stored = await w.db.select({ h: quotations.tokenHash }).from(quotations).where(eq(quotations.id, a));
    expect(stored[0].h).not.toContain(token);
    expect(stored[0].h).toHaveLength(64);
  });

  it('refuses to send without lines or without any address', async () => {
    const empty = await createQuotation(w.db, w.actors.repA1, input({ lines: '[]' }));
    await expect(sendQuotation(w.db, w.actors.repA1, empty)).rejects.toMatchObject({ fields: { lines: 'noLines' } });
    const noMail = await createQuotation(w.db, w.actors.repA1, input());
    await expect(sendQuotation(w.db, w.actors.repA1, noMail)).rejects.toMatchObject({ fields: { contactId: 'noRecipient' } });
    expect((await getQuotation(w.db, w.actors.repA1, noMail)).number).toBeNull();
  });

  it('revises a sent quotation into v2 with the same number, retiring the old link', async () => {
    const id = await createQuotation(w.db, w.actors.repA1, input({ contactId, opportunityId: dealId, customerId: '' }));
    const sent = await sendQuotation(w.db, w.actors.repA1, id);
    await expect(updateQuotation(w.db, w.actors.repA1, id, 2, input())).rejects.toMatchObject({ code: 'conflict' });
    const v2 = await reviseQuotation(w.db, w.actors.repA1, id);
    expect((await findByToken(w.db, sent.token))?.state).toBe('withdrawn');
    const draft = await getQuotation(w.db, w.actors.repA1, v2);
    expect(draft).toMatchObject({ status: 'draft', revision: 2, number: sent.number, familyId: id });
    expect(draft.lines).toHaveLength(1);
    expect(draft.grandTotal).toBe((await getQuotation(w.db, w.actors.repA1, id)).grandTotal);
    const again = await sendQuotation(w.db, w.actors.repA1, v2);
    expect(again.number).toBe(`${sent.number}-v2`);
    expect((await findByToken(w.db, again.token))?.state).toBe('open');
    await expect(acceptByToken(w.db, sent.token, { name: 'Somchai', ip: '1.2.3.4' })).rejects.toMatchObject({ message: 'linkWithdrawn' });
    const all = await quotationsOf(w.db, w.actors.repA1, { opportunityId: dealId });
    expect(all.filter((r) => r.familyId === id).map((r) => [r.revision, r.status])).toEqual([[2, 'sent'], [1, 'revised']]);
    expect((await getQuotation(w.db, w.actors.repA1, v2)).versions.map((v) => v.revision)).toEqual([2, 1]);
  });

  it('duplicates any quotation into a new draft, also for another customer', async () => {
    const id = await createQuotation(w.db, w.actors.repA1, input({ contactId }));
    await sendQuotation(w.db, w.actors.repA1, id);
    const copy = await duplicateQuotation(w.db, w.actors.mA, id, w.customers.a2);
    const q = await getQuotation(w.db, w.actors.mA, copy);
    expect(q).toMatchObject({ status: 'draft', number: null, revision: 1, customerId: w.customers.a2, contactId: null, duplicatedFromId: id, ownerId: w.people.mA.id });
    expect(q.grandTotal).toBe('3210.00');
    await expect(duplicateQuotation(w.db, w.actors.repA1, id, w.customers.b1)).rejects.toMatchObject({ fields: { customerId: 'unknownCustomer' } });
  });
});

describe("the customer's link", () => {
  async function sentQuote(over: Record<string, unknown> = {}) {
    const id = await createQuotation(w.db, w.actors.repA1, input({ contactId, ...over }));
    return { id, ...(await sendQuotation(w.db, w.actors.repA1, id)) };
  }

  it('answers nothing for a wrong or malformed token', async () => {
    expect(await findByToken(w.db, 'x'.repeat(43))).toBeNull();
    expect(await findByToken(w.db, 'short')).toBeNull();
    await expect(acceptByToken(w.db, 'x'.repeat(43), { name: 'A B', ip: '1.1.1.1' })).rejects.toMatchObject({ code: 'notFound' });
  });

  it('accepting records who and where, wins the deal, tells the salesperson, and cannot happen twice', async () => {
    const q = await sentQuote({ opportunityId: dealId, customerId: '' });
    await acceptByToken(w.db, q.token, { name: 'Somchai Jaidee', ip: '203.0.113.7' });
    const stored = await getQuotation(w.db, w.actors.repA1, q.id);
    expect(stored).toMatchObject({ status: 'accepted', acceptedName: 'Somchai Jaidee', acceptedIp: '203.0.113.7' });
    expect(stored.acceptedAt).toBeInstanceOf(Date);
    const [deal] = await w.db.select().from(opportunities).where(eq(opportunities.id, dealId));
    expect(deal.status).toBe('won');
    expect(deal.closedOn).toBe(today());
    // Won at the accepted total, not at the rep's earlier guess, with a history row saying so.
    expect(deal).toMatchObject({ amount: stored.grandTotal, currency: stored.currency });
    const moves = await w.db.select().from(opportunityHistory).where(and(eq(opportunityHistory.opportunityId, dealId), eq(opportunityHistory.field, 'amount')));
    expect(moves.at(-1)?.toValue).toBe(`${stored.grandTotal.replace(/0+$/, '').replace(/\.$/, '')} ${stored.currency}`);
    expect(moves.at(-1)?.actorId).toBeNull();
    const notes = await w.db.select().from(notifications).where(and(eq(notifications.userId, w.people.repA1.id), eq(notifications.kind, 'quoteAccepted')));
    expect(notes).toHaveLength(1);
    const mails = await w.db.select().from(outbox).where(eq(outbox.to, w.people.repA1.email));
    expect(mails.some((m) => m.text.includes(`/quotations/${q.id}`))).toBe(true);
    await expect(acceptByToken(w.db, q.token, { name: 'Again', ip: '1.1.1.1' })).rejects.toMatchObject({ message: 'alreadyAccepted' });
    await expect(declineByToken(w.db, q.token, '')).rejects.toMatchObject({ message: 'alreadyAccepted' });
    expect((await getQuotation(w.db, w.actors.repA1, q.id)).acceptedName).toBe('Somchai Jaidee');
    // The PDF's stamp prints what the customer typed and when.
    expect(await quotationDocument(w.db, stored)).toMatchObject({ status: 'accepted', acceptedName: 'Somchai Jaidee', acceptedAt: stored.acceptedAt!.toISOString() });
  });

  it('expires with the validity date', async () => {
    const q = await sentQuote();
    await w.db.update(quotations).set({ validUntil: addDays(today(), -1) }).where(eq(quotations.id, q.id));
    expect((await findByToken(w.db, q.token))?.state).toBe('expired');
    await expect(acceptByToken(w.db, q.token, { name: 'Late', ip: '1.1.1.1' })).rejects.toMatchObject({ message: 'quoteExpired' });
    expect((await getQuotation(w.db, w.actors.repA1, q.id)).effectiveStatus).toBe('expired');
    expect((await listQuotations(w.db, w.actors.repA1, { status: 'expired' })).rows.map((r) => r.id)).toContain(q.id);
  });

  it('can be revoked', async () => {
    const q = await sentQuote();
    await revokeLink(w.db, w.actors.repA1, q.id);
    expect((await findByToken(w.db, q.token))?.state).toBe('withdrawn');
    await expect(acceptByToken(w.db, q.token, { name: 'Someone', ip: '1.1.1.1' })).rejects.toMatchObject({ message: 'linkWithdrawn' });
    expect((await getQuotation(w.db, w.actors.repA1, q.id)).status).toBe('sent');
  });

  it('sending again makes a new link and kills the old one', async () => {
    const q = await sentQuote();
    const again = await sendQuotation(w.db, w.actors.repA1, q.id);
    expect(again.number).toBe(q.number);
    expect(await findByToken(w.db, q.token)).toBeNull();
    expect((await findByToken(w.db, again.token))?.state).toBe('open');
  });

  it('declining keeps the reason and tells the salesperson', async () => {
    const q = await sentQuote();
    await declineByToken(w.db, q.token, 'Too expensive');
    expect(await getQuotation(w.db, w.actors.repA1, q.id)).toMatchObject({ status: 'declined', declineReason: 'Too expensive' });
    await expect(acceptByToken(w.db, q.token, { name: 'Changed mind', ip: '1.1.1.1' })).rejects.toMatchObject({ message: 'alreadyDeclined' });
  });
});

describe('scope', () => {
  it('shows a quotation to its salesperson, their manager and admins only', async () => {
    const id = await createQuotation(w.db, w.actors.repA2, input({ customerId: w.customers.a2 }));
    for (const who of ['repA2', 'mA', 'admin', 'finance'] as const) {
      expect((await getQuotation(w.db, w.actors[who], id)).id).toBe(id);
      expect((await listQuotations(w.db, w.actors[who], {}, 500)).rows.map((r) => r.id)).toContain(id);
    }
    for (const who of ['repA1', 'repB1', 'mB', 'admin2'] as const) {
      await expect(getQuotation(w.db, w.actors[who], id)).rejects.toMatchObject({ code: 'notFound' });
      expect((await listQuotations(w.db, w.actors[who], {}, 500)).rows.map((r) => r.id)).not.toContain(id);
      await expect(sendQuotation(w.db, w.actors[who], id)).rejects.toMatchObject({ code: 'notFound' });
      await expect(duplicateQuotation(w.db, w.actors[who], id)).rejects.toMatchObject({ code: 'notFound' });
    }
  });

  it('finance sees quotations but may not write them', async () => {
    await expect(createQuotation(w.db, w.actors.finance, input())).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('a rep may not name another team as salesperson', async () => {
    await expect(createQuotation(w.db, w.actors.repA1, input({ ownerId: w.people.repB1.id }))).rejects.toMatchObject({ fields: { ownerId: 'notAllowedOwner' } });
  });

  it('the catalogue is the organization’s own', async () => {
    const [p] = await w.db.select().from(products).where(eq(products.id, productId));
    expect(p.orgId).toBe(w.org.id);
    await expect(createQuotation(w.db, w.actors.admin2, quotationInput.parse({ ...input({ customerId: w.customers.other }), lines: JSON.stringify([line({ productId })]) }))).rejects.toMatchObject({ fields: { 'lines.0.productId': 'unknownProduct' } });
  });
});

describe('the PDF of a stored quotation', () => {
  const store = new LocalDiskStore(mkdtempSync(path.join(tmpdir(), 'sfa-quote-pdf-')));
  it('prints the number, the customer, the Thai product name and the totals', async () => {
    const id = await createQuotation(w.db, w.actors.repA1, input({
      contactId, lines: JSON.stringify([line({ productId, description: '', unit: '', quantity: '2', unitPrice: '12000' })]),
    }));
    const { number } = await sendQuotation(w.db, w.actors.repA1, id);
    const q = await getQuotation(w.db, w.actors.repA1, id);
    const { text } = await pdfTextOf((await quotationPdf(w.db, q, { store })).bytes);
    const flat = squash(text);
    expect(flat).toContain(number);
    expect(flat).toContain(squash(q.customerName));
    expect(flat).toContain(squash('สวิตช์ 24 พอร์ต'));
    expect(flat).toContain('25,680.00'); // 24,000 + 7 %
    expect(flat).toContain('1,680.00');
    expect(flat).toContain('Somchai');
  });
});
