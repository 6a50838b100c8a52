import { afterEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeWorld } from '../../../tests/support/world';
import { contacts, organizations } from '../db/schema';
import { loadActor } from '../access/load-actor';
import type { Actor } from '../access/actor';
import { listTaxRates } from '../catalog/tax-rates';
import { createTaxRate, newTaxRateInput } from '../catalog';
import { addDays, createQuotation, getQuotation, quotationInput, reviseQuotation, sendQuotation, updateQuotation } from '.';

/**
 * A quotation takes the tax rate in force on its date: today for a draft, its issue date once sent.
 * The clock is moved with fake Date only (timers and the database run as usual), so the commands
 * run exactly as in production, on the day the test says.
 */
function onDay(day: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  // 12:00 UTC is the same calendar day in Bangkok, Ho Chi Minh City and Moscow.
  vi.setSystemTime(new Date(`${day}T12:00:00Z`));
}
afterEach(() => {
  vi.useRealTimers();
});

async function company(country: 'TH' | 'VN' | 'RU', currency: string, timeZone: string, language: 'th' | 'vi' | 'ru') {
  const w = await makeWorld();
  await w.db.update(organizations).set({ country, currency, timeZone }).where(eq(organizations.id, w.org.id));
  const [contact] = await w.db.insert(contacts).values({ orgId: w.org.id, customerId: w.customers.a1, name: 'Buyer', email: `buyer.${w.tag}@cust.test` }).returning();
  const rep = (await loadActor(w.db, w.people.repA1.id)) as Actor;
  const admin = (await loadActor(w.db, w.people.admin.id)) as Actor;
  const input = (day: string, over: Record<string, unknown> = {}) =>
    quotationInput.parse({
      customerId: w.customers.a1, contactId: contact.id, opportunityId: '', ownerId: '', language, currency,
      validUntil: addDays(day, 30), discountKind: 'percent', discountValue: '0', terms: '', notes: '',
      lines: JSON.stringify([{ productId: '', description: 'Service', unit: 'h', quantity: '1', unitPrice: '1000', discountKind: 'percent', discountValue: '0', taxRateId: '', ...over }]),
    });
  return { w, rep, admin, input };
}

const figures = async (w: { db: Parameters<typeof getQuotation>[0] }, actor: Actor, id: string) => {
  const q = await getQuotation(w.db, actor, id);
  return { rate: q.lines[0].taxRate, tax: q.taxTotal, total: q.grandTotal, issued: q.issueDate, status: q.status };
};

describe('Russia: 20 % to 2025-12-31, 22 % from 2026-01-01', () => {
  it('a quotation dated 2025-12-31 gets 20 %, one dated 2026-01-01 gets 22 %', async () => {
    const c = await company('RU', 'RUB', 'Europe/Moscow', 'ru');
    onDay('2025-12-31');
    const old = await createQuotation(c.w.db, c.rep, c.input('2025-12-31'));
    expect(await figures(c.w, c.rep, old)).toMatchObject({ rate: '20.00', tax: '200.00', total: '1200.00', issued: null });
    await sendQuotation(c.w.db, c.rep, old);
    expect(await figures(c.w, c.rep, old)).toMatchObject({ rate: '20.00', tax: '200.00', issued: '2025-12-31', status: 'sent' });
    // Written on the 31st, sent on the 1st: issued on the 1st, so 22 %.
    const draft = await createQuotation(c.w.db, c.rep, c.input('2025-12-31'));
    expect((await figures(c.w, c.rep, draft)).rate).toBe('20.00');

    onDay('2026-01-01');
    const fresh = await createQuotation(c.w.db, c.rep, c.input('2026-01-01'));
    expect(await figures(c.w, c.rep, fresh)).toMatchObject({ rate: '22.00', tax: '220.00', total: '1220.00' });
    await sendQuotation(c.w.db, c.rep, fresh);
    expect(await figures(c.w, c.rep, fresh)).toMatchObject({ rate: '22.00', issued: '2026-01-01' });
    await sendQuotation(c.w.db, c.rep, draft);
    expect(await figures(c.w, c.rep, draft)).toMatchObject({ rate: '22.00', tax: '220.00', total: '1220.00', issued: '2026-01-01' });
    // Sent again, the quotation of the 31st keeps its date and its 20 %.
    await sendQuotation(c.w.db, c.rep, old);
    expect(await figures(c.w, c.rep, old)).toMatchObject({ rate: '20.00', tax: '200.00', issued: '2025-12-31' });
    // Revised in 2026, its new version is priced at 22 %; the version sent in 2025 stays at 20 %.
    const v2 = await reviseQuotation(c.w.db, c.rep, old);
    expect(await figures(c.w, c.rep, v2)).toMatchObject({ rate: '22.00', tax: '220.00', status: 'draft' });
    expect((await figures(c.w, c.rep, old)).rate).toBe('20.00');
  });

  it('the 10 % reduced rate is kept across the change', async () => {
    const c = await company('RU', 'RUB', 'Europe/Moscow', 'ru');
    const reduced = (await listTaxRates(c.w.db, c.admin)).find((r) => r.kind === 'vat' && !r.isDefault)!;
    for (const day of ['2025-12-31', '2026-01-01']) {
      onDay(day);
      const id = await createQuotation(c.w.db, c.rep, c.input(day, { taxRateId: reduced.id }));
      expect((await figures(c.w, c.rep, id)).rate).toBe('10.00');
    }
  });
});

describe('Vietnam: 8 % to 2026-12-31, then 10 %', () => {
  it('8 % on 2026-12-31, 10 % on 2027-01-01', async () => {
    const c = await company('VN', 'VND', 'Asia/Ho_Chi_Minh', 'vi');
    onDay('2026-12-31');
    const dec = await createQuotation(c.w.db, c.rep, c.input('2026-12-31'));
    expect(await figures(c.w, c.rep, dec)).toMatchObject({ rate: '8.00', tax: '80.00', total: '1080.00' });
    await sendQuotation(c.w.db, c.rep, dec);
    onDay('2027-01-01');
    const jan = await createQuotation(c.w.db, c.rep, c.input('2027-01-01'));
    expect(await figures(c.w, c.rep, jan)).toMatchObject({ rate: '10.00', tax: '100.00', total: '1100.00' });
    expect(await figures(c.w, c.rep, dec)).toMatchObject({ rate: '8.00', issued: '2026-12-31' });
    // A document dated 2027-01-05 gets 10 % too: the reduction has ended.
    onDay('2027-01-05');
    const later = await createQuotation(c.w.db, c.rep, c.input('2027-01-05'));
    expect((await figures(c.w, c.rep, later)).rate).toBe('10.00');
  });
});

describe('Thailand: 7 %', () => {
  it('a quotation today gets 7 %', async () => {
    const c = await company('TH', 'THB', 'Asia/Bangkok', 'th');
    const id = await createQuotation(c.w.db, c.rep, c.input(new Date().toISOString().slice(0, 10)));
    expect(await figures(c.w, c.rep, id)).toMatchObject({ rate: '7.00', tax: '70.00', total: '1070.00' });
  });
});

describe('a rate with no period on the date', () => {
  it('is a field error on the line when saving, and one message about the lines when sending', async () => {
    const c = await company('RU', 'RUB', 'Europe/Moscow', 'ru');
    onDay('2026-03-01');
    const later = await createTaxRate(c.w.db, c.admin, newTaxRateInput.parse({ name: 'НДС 2030', kind: 'vat', rate: '25', validFrom: '2030-01-01', active: 'on' }));
    await expect(createQuotation(c.w.db, c.rep, c.input('2026-03-01', { taxRateId: later }))).rejects.toMatchObject({ code: 'invalid', fields: { 'lines.0.taxRateId': 'noRateOnDate' } });
    const id = await createQuotation(c.w.db, c.rep, c.input('2026-03-01'));
    await expect(updateQuotation(c.w.db, c.rep, id, 1, c.input('2026-03-01', { taxRateId: later }))).rejects.toMatchObject({ fields: { 'lines.0.taxRateId': 'noRateOnDate' } });
    // A draft priced on a day its rate was in force cannot be sent on a day it is not.
    const standard = (await listTaxRates(c.w.db, c.admin)).find((r) => r.isDefault)!;
    const { endTaxRatePeriod } = await import('../catalog');
    await endTaxRatePeriod(c.w.db, c.admin, { periodId: standard.periods.at(-1)!.id, validTo: '2026-03-01' });
    onDay('2026-03-02');
    await expect(sendQuotation(c.w.db, c.rep, id)).rejects.toMatchObject({ code: 'invalid', fields: { lines: 'noRateOnDate' } });
    expect((await figures(c.w, c.rep, id)).status).toBe('draft');
  });

  it("another organization's tax rate id on a line is refused like an unknown one", async () => {
    const c = await company('TH', 'THB', 'Asia/Bangkok', 'th');
    const foreign = (await listTaxRates(c.w.db, c.w.actors.admin2))[0];
    const day = new Date().toISOString().slice(0, 10);
    await expect(createQuotation(c.w.db, c.rep, c.input(day, { taxRateId: foreign.id }))).rejects.toMatchObject({ fields: { 'lines.0.taxRateId': 'unknownTaxRate' } });
  });
});
