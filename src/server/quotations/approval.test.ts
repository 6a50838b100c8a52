import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { makeWorld, type World } from '../../../tests/support/world';
import { contacts, discountPolicies, notifications, priceListItems, priceLists, products, quotations } from '../db/schema';
import { todayIn } from '../opportunities/commands';
import { addDays, createQuotation, getQuotation, listQuotations, quotationInput, sendQuotation, updateQuotation, type QuotationInput } from '.';
import { approvalState, decideApproval, decideApprovalInput, discountIssues, requestApproval, requestApprovalInput } from './approval';
import { listDiscountPolicies, saveDiscountPolicies, discountPoliciesInput } from './discount-policies';
import { act } from '../../../tests/support/act';
import { quotationDocument } from './document';
import { priceItemInput, setListPrice } from '../catalog/price-lists';

let w: World;
let cheap: string; // a product with a floor price
let aircon: string; // priced in THB and, through a list, in VND
let cable: string; // priced in THB only
const today = () => todayIn('Asia/Bangkok');

const line = (over: Record<string, unknown> = {}) => ({
  productId: '', description: 'Consulting', unit: 'hr', quantity: '1', unitPrice: '1000', discountKind: 'percent', discountValue: '0', taxRateId: '', ...over,
});
const input = (over: Record<string, unknown> = {}): QuotationInput => quotationInput.parse({
  customerId: w.customers.a1, contactId: '', opportunityId: '', ownerId: '', language: 'en', currency: 'THB',
  validUntil: addDays(today(), 30), discountKind: 'percent', discountValue: '0', terms: '', notes: '',
  lines: JSON.stringify([line()]), ...over,
});
const lines = (...l: Record<string, unknown>[]) => JSON.stringify(l.map(line));

async function policy(role: 'rep' | 'manager' | 'admin', maxLinePercent: string | null, maxDocumentPercent: string | null) {
  await w.db.insert(discountPolicies).values({ orgId: w.org.id, role, maxLinePercent, maxDocumentPercent })
    .onConflictDoUpdate({ target: [discountPolicies.orgId, discountPolicies.role], set: { maxLinePercent, maxDocumentPercent } });
}
type A = World['actors'][keyof World['actors']];
const sendError = (actor: A, id: string) => sendQuotation(w.db, actor, id).then(() => 'sent', (e: { code: string; message: string }) => (e.code === 'conflict' ? e.message : e.code));
const ask = (actor: A, values: Record<string, string>) => act(w.db, actor, requestApprovalInput, ({ db, actor: a, input }) => requestApproval(db, a, input.id, input.version), values);
const decide = (actor: A, values: Record<string, string>) => act(w.db, actor, decideApprovalInput, ({ db, actor: a, input }) => decideApproval(db, a, input.id, input.version, input.decision, input.note), values);

beforeAll(async () => {
  w = await makeWorld();
  await w.db.insert(contacts).values({ orgId: w.org.id, customerId: w.customers.a1, name: 'Somchai', email: `somchai.${w.tag}@cust.test`, isPrimary: true });
  const mk = async (code: string, price: string, floorPrice: string | null) =>
    (await w.db.insert(products).values({ orgId: w.org.id, code: `${code}-${w.tag}`, name: code, price, floorPrice }).returning())[0].id;
  cheap = await mk('SRV', '250000', '200000');
  aircon = await mk('AC', '18900', null);
  cable = await mk('CBL', '100', null);
  const [vnd] = await w.db.insert(priceLists).values({ orgId: w.org.id, name: 'VND', currency: 'VND' }).returning();
  await w.db.insert(priceListItems).values({ priceListId: vnd.id, productId: aircon, price: '15000000' });
  await policy('rep', '10', '15');
  await policy('manager', '25', '25');
});

describe('discount limits per role', () => {
  it('a rep cannot send a line discount above their limit until a manager approves that very version', async () => {
    const id = await createQuotation(w.db, w.actors.repA1, input({ lines: lines({ discountValue: '20' }) }));
    expect(await sendError(w.actors.repA1, id)).toBe('approvalRequired');
    let q = await getQuotation(w.db, w.actors.repA1, id);
    const state = await approvalState(w.db, w.actors.repA1, q);
    expect(state.issues).toEqual([{ kind: 'line', position: 1, percent: '20', limit: '10' }, { kind: 'document', percent: '20', limit: '15' }]);
    expect(state.canRequest).toBe(true);

    // Asked through the form; the team's manager is told.
    expect((await ask(w.actors.repA1, { id, version: String(q.version) })).state.status).toBe('ok');
    const told = await w.db.select().from(notifications).where(and(eq(notifications.userId, w.people.mA.id), eq(notifications.kind, 'approvalRequested')));
    expect(told).toHaveLength(1);
    // The manager finds it on the list under "awaiting approval"; a manager of another team does not.
    const waiting = await listQuotations(w.db, w.actors.mA, { awaitingApproval: true });
    expect(waiting.rows.map((r) => [r.id, r.awaitingApproval])).toEqual([[id, true]]);
    expect((await listQuotations(w.db, w.actors.mB, { awaitingApproval: true })).rows).toEqual([]);

    // The rep cannot approve; a manager of another team does not even see it.
    q = await getQuotation(w.db, w.actors.repA1, id);
    expect((await decide(w.actors.repA1, { id, version: String(q.version), decision: 'approve', note: '' })).state).toMatchObject({ status: 'error', message: 'forbidden' });
    await expect(decideApproval(w.db, w.actors.mB, id, q.version, 'approve', '')).rejects.toMatchObject({ code: 'notFound' });

    expect((await decide(w.actors.mA, { id, version: String(q.version), decision: 'approve', note: 'Key account' })).state.status).toBe('ok');
    q = await getQuotation(w.db, w.actors.repA1, id);
    expect(q.approvedById).toBe(w.people.mA.id);
    expect(q.approvedVersion).toBe(q.version);
    expect((await approvalState(w.db, w.actors.repA1, q)).approvedBy).toBe(w.people.mA.name);
    expect(await sendError(w.actors.repA1, id)).toBe('sent');
    // The PDF's "approved by" block carries the approver.
    const doc = await quotationDocument(w.db, await getQuotation(w.db, w.actors.repA1, id));
    expect(doc.approvedBy?.name).toBe(w.people.mA.name);
  });

  it('an approval of an earlier version is not kept on a quotation sent without needing it', async () => {
    const id = await createQuotation(w.db, w.actors.repA1, input({ lines: lines({ discountValue: '12' }) }));
    let q = await getQuotation(w.db, w.actors.repA1, id);
    await decideApproval(w.db, w.actors.mA, id, q.version, 'approve', '');
    q = await getQuotation(w.db, w.actors.repA1, id);
    await updateQuotation(w.db, w.actors.repA1, id, q.version, input({ lines: lines({ discountValue: '5' }) }));
    expect(await sendError(w.actors.repA1, id)).toBe('sent');
    q = await getQuotation(w.db, w.actors.repA1, id);
    expect([q.approvedAt, q.approvedById]).toEqual([null, null]);
    expect((await quotationDocument(w.db, q)).approvedBy).toBeNull();
  });

  it('an edit after the approval needs a new one; an approval of a version the approver did not see is stale', async () => {
    const id = await createQuotation(w.db, w.actors.repA1, input({ lines: lines({ discountValue: '12' }) }));
    let q = await getQuotation(w.db, w.actors.repA1, id);
    await decideApproval(w.db, w.actors.mA, id, q.version, 'approve', '');
    q = await getQuotation(w.db, w.actors.repA1, id);
    await updateQuotation(w.db, w.actors.repA1, id, q.version, input({ lines: lines({ discountValue: '40' }) }));
    expect(await sendError(w.actors.repA1, id)).toBe('approvalRequired');
    q = await getQuotation(w.db, w.actors.repA1, id);
    expect((await approvalState(w.db, w.actors.repA1, q)).approvalOutdated).toBe(true);
    await expect(decideApproval(w.db, w.actors.mA, id, q.version - 1, 'approve', '')).rejects.toMatchObject({ code: 'staleVersion' });
  });

  it('within the limits nothing is asked; the document limit counts line and document discounts together', async () => {
    const ok = await createQuotation(w.db, w.actors.repA1, input({ lines: lines({ discountValue: '10' }) }));
    expect(await sendError(w.actors.repA1, ok)).toBe('sent');
    const both = await createQuotation(w.db, w.actors.repA1, input({ lines: lines({ discountValue: '10' }), discountValue: '10' }));
    const q = await getQuotation(w.db, w.actors.repA1, both);
    expect(await discountIssues(w.db, w.actors.repA1, 'rep', q, q.lines)).toEqual([{ kind: 'document', percent: '19', limit: '15' }]);
    await expect(requestApproval(w.db, w.actors.repA1, ok, (await getQuotation(w.db, w.actors.repA1, ok)).version)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('the limits are the sender\'s: a manager sends 20 % without asking; nobody but an admin approves their own quotation', async () => {
    const id = await createQuotation(w.db, w.actors.mA, input({ lines: lines({ discountValue: '30' }) }));
    const q = await getQuotation(w.db, w.actors.mA, id);
    await expect(decideApproval(w.db, w.actors.mA, id, q.version, 'approve', '')).rejects.toMatchObject({ message: 'ownApproval' });
    expect(await sendError(w.actors.mA, id)).toBe('approvalRequired');
    await decideApproval(w.db, w.actors.admin, id, q.version, 'approve', '');
    expect(await sendError(w.actors.mA, id)).toBe('sent');
    const twenty = await createQuotation(w.db, w.actors.mA, input({ lines: lines({ discountValue: '20' }) }));
    expect(await sendError(w.actors.mA, twenty)).toBe('sent');
  });

  it('a refusal is recorded with its note and the requester is told', async () => {
    const id = await createQuotation(w.db, w.actors.repA1, input({ lines: lines({ discountValue: '50' }) }));
    let q = await getQuotation(w.db, w.actors.repA1, id);
    await requestApproval(w.db, w.actors.repA1, id, q.version);
    q = await getQuotation(w.db, w.actors.repA1, id);
    await decideApproval(w.db, w.actors.mA, id, q.version, 'reject', 'Too low');
    q = await getQuotation(w.db, w.actors.repA1, id);
    expect([q.approvalRequestedAt, q.approvedAt, q.approvalNote]).toEqual([null, null, 'Too low']);
    expect(await sendError(w.actors.repA1, id)).toBe('approvalRequired');
    const told = await w.db.select().from(notifications).where(and(eq(notifications.userId, w.people.repA1.id), eq(notifications.kind, 'approvalRefused')));
    expect(told.length).toBeGreaterThan(0);
  });
});

describe('floor prices', () => {
  it('a 250,000 product at 0.01, or at 100 % off, cannot go out without approval, whatever the limits', async () => {
    await policy('admin', null, null);
    for (const l of [{ productId: cheap, unitPrice: '0.01' }, { productId: cheap, unitPrice: '250000', discountValue: '100' }]) {
      const id = await createQuotation(w.db, w.actors.admin, input({ lines: lines(l) }));
      const q = await getQuotation(w.db, w.actors.admin, id);
      const issues = await discountIssues(w.db, w.actors.admin, 'admin', q, q.lines);
      expect(issues).toEqual([expect.objectContaining({ kind: 'floor', position: 1, floor: '200000' })]);
      expect(await sendError(w.actors.admin, id)).toBe('approvalRequired');
    }
    // At the floor exactly, after its share of a document discount, it goes.
    const at = await createQuotation(w.db, w.actors.admin, input({ lines: lines({ productId: cheap, unitPrice: '250000' }), discountValue: '20' }));
    expect(await sendError(w.actors.admin, at)).toBe('sent');
    const below = await createQuotation(w.db, w.actors.admin, input({ lines: lines({ productId: cheap, unitPrice: '250000' }), discountValue: '20.01' }));
    expect(await sendError(w.actors.admin, below)).toBe('approvalRequired');
  });
});

describe('floor prices on price lists', () => {
  it('a list item\'s floor applies in its currency (a product floor is in the organization\'s)', async () => {
    const [list] = await w.db.select().from(priceLists).where(eq(priceLists.orgId, w.org.id));
    await setListPrice(w.db, w.actors.admin, priceItemInput.parse({ priceListId: list.id, productId: aircon, price: '15000000', floorPrice: '14000000' }));
    await expect(setListPrice(w.db, w.actors.admin, priceItemInput.parse({ priceListId: list.id, productId: aircon, price: '15000000', floorPrice: '1.5' })))
      .rejects.toMatchObject({ fields: { floorPrice: 'noDecimalsForCurrency' } });
    const id = await createQuotation(w.db, w.actors.admin, input({ currency: 'VND', lines: lines({ productId: aircon, unitPrice: '13000000' }) }));
    const q = await getQuotation(w.db, w.actors.admin, id);
    expect(await discountIssues(w.db, w.actors.admin, 'admin', q, q.lines)).toEqual([{ kind: 'floor', position: 1, unitPrice: '13000000', floor: '14000000' }]);
    await setListPrice(w.db, w.actors.admin, priceItemInput.parse({ priceListId: list.id, productId: aircon, price: '15000000', floorPrice: '' }));
    expect(await discountIssues(w.db, w.actors.admin, 'admin', q, q.lines)).toEqual([]);
  });
});

describe('a currency change re-prices catalogue lines', () => {
  it('a line still at its THB price takes the VND list price, one without a VND price is marked and blocks sending until confirmed', async () => {
    const id = await createQuotation(w.db, w.actors.repA1, input({ lines: lines({ productId: aircon, unitPrice: '18900' }, { productId: cable, unitPrice: '100' }, { description: 'Install', unitPrice: '500' }) }));
    let q = await getQuotation(w.db, w.actors.repA1, id);
    await updateQuotation(w.db, w.actors.repA1, id, q.version, input({
      currency: 'VND', lines: lines({ productId: aircon, unitPrice: '18900' }, { productId: cable, unitPrice: '100' }, { description: 'Install', unitPrice: '500' }),
    }));
    q = await getQuotation(w.db, w.actors.repA1, id);
    expect(q.lines.map((l) => [l.unitPrice, l.priceToConfirm])).toEqual([['15000000.0000', false], ['100.0000', true], ['500.0000', false]]);
    expect(await sendError(w.actors.repA1, id)).toBe('pricesToConfirm');

    // The rep confirms in the editor (which re-priced for VND): the marks go, the quotation goes.
    await updateQuotation(w.db, w.actors.repA1, id, q.version, input({
      currency: 'VND', pricesCheckedFor: 'VND',
      lines: lines({ productId: aircon, unitPrice: '15000000' }, { productId: cable, unitPrice: '2500' }, { description: 'Install', unitPrice: '500' }),
    }));
    q = await getQuotation(w.db, w.actors.repA1, id);
    expect(q.lines.map((l) => [l.unitPrice, l.priceToConfirm])).toEqual([['15000000.0000', false], ['2500.0000', false], ['500.0000', false]]);
    expect(await sendError(w.actors.repA1, id)).toBe('sent');
  });

  it('a price the rep typed in the new currency is kept', async () => {
    const id = await createQuotation(w.db, w.actors.repA1, input({ lines: lines({ productId: aircon, unitPrice: '18900' }) }));
    const q = await getQuotation(w.db, w.actors.repA1, id);
    await updateQuotation(w.db, w.actors.repA1, id, q.version, input({ currency: 'VND', lines: lines({ productId: aircon, unitPrice: '14000000' }) }));
    expect((await getQuotation(w.db, w.actors.repA1, id)).lines[0].unitPrice).toBe('14000000.0000');
  });
});

describe('discount policies', () => {
  it('admins set them (blank: no limit); others may not', async () => {
    await saveDiscountPolicies(w.db, w.actors.admin, discountPoliciesInput.parse({ repLine: '5', repDocument: '', managerLine: '30', managerDocument: '30', adminLine: '', adminDocument: '' }));
    const all = await listDiscountPolicies(w.db, w.actors.admin);
    expect(all.map((p) => [p.role, p.maxLinePercent, p.maxDocumentPercent])).toEqual([['rep', '5.00', null], ['manager', '30.00', '30.00'], ['admin', null, null]]);
    await expect(saveDiscountPolicies(w.db, w.actors.mA, discountPoliciesInput.parse({}))).rejects.toMatchObject({ code: 'forbidden' });
    expect(discountPoliciesInput.safeParse({ repLine: '101' }).success).toBe(false);
    const [row] = await w.db.select({ id: quotations.id }).from(quotations).limit(1);
    expect(row).toBeTruthy();
  });
});
