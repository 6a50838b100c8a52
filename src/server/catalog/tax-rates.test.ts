import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeWorld, type World } from '../../../tests/support/world';
import { organizations, taxRatePeriods } from '../db/schema';
import { loadActor } from '../access/load-actor';
import type { Actor } from '../access/actor';
import { todayIn } from '../opportunities/commands';
import {
  addTaxRatePeriod, createTaxRate, endTaxPeriodInput, endTaxRatePeriod, listTaxRates, newTaxRateInput, removeTaxRatePeriod,
  taxPeriodInput, taxRateInput, updateTaxRate,
} from '.';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});

/** A fresh company in a country; its rates are created from the country's defaults on first use. */
async function companyIn(country: 'TH' | 'VN' | 'RU', currency: string, timeZone: string, locale = 'en') {
  const world = await makeWorld();
  await world.db.update(organizations).set({ country, currency, timeZone, locale }).where(eq(organizations.id, world.org.id));
  const admin = (await loadActor(world.db, world.people.admin.id)) as Actor;
  return { world, admin };
}

const figures = async (actor: Actor, on: string) =>
  (await listTaxRates(w.db, actor, { includeInactive: true, on })).map((r) => [r.kind, r.rate, r.isDefault]);

describe('country defaults', () => {
  it('Thailand: standard VAT 7 % by royal decree (open-ended, note says so), zero-rated, exempt', async () => {
    const rates = await listTaxRates(w.db, w.actors.admin);
    expect(rates.map((r) => [r.kind, r.rate, r.isDefault])).toEqual([['vat', '7.00', true], ['zero', '0.00', false], ['exempt', '0.00', false]]);
    const standard = rates[0];
    expect(standard.periods).toHaveLength(1);
    expect(standard.periods[0]).toMatchObject({ rate: '7.00', validTo: null });
    expect(standard.periods[0].note).toMatch(/royal decree/);
    expect(standard.label).toBe('VAT 7 %');
  });

  it('Vietnam: the default rate is 8 % to 2026-12-31 and 10 % from 2027-01-01; 10 %, 5 %, 0 % and exempt beside it', async () => {
    const { admin } = await companyIn('VN', 'VND', 'Asia/Ho_Chi_Minh', 'vi');
    expect(await figures(admin, '2026-12-31')).toEqual([
      ['vat', '8.00', true], ['vat', '10.00', false], ['vat', '5.00', false], ['zero', '0.00', false], ['exempt', '0.00', false],
    ]);
    expect((await figures(admin, '2027-01-01'))[0]).toEqual(['vat', '10.00', true]);
    expect((await figures(admin, '2025-07-01'))[0]).toEqual(['vat', '8.00', true]);
    const rates = await listTaxRates(w.db, admin);
    expect(rates.map((r) => r.name)).toContain('Không chịu thuế GTGT');
  });

  it('Russia: standard 20 % to 2025-12-31, 22 % from 2026-01-01; reduced 10 %; 0 %; exempt', async () => {
    const { admin } = await companyIn('RU', 'RUB', 'Europe/Moscow', 'ru');
    expect(await figures(admin, '2025-12-31')).toEqual([['vat', '20.00', true], ['vat', '10.00', false], ['zero', '0.00', false], ['exempt', '0.00', false]]);
    expect((await figures(admin, '2026-01-01'))[0]).toEqual(['vat', '22.00', true]);
    // Named in the organization's language, with the other languages beside; labelled in the viewer's.
    const rates = await listTaxRates(w.db, admin);
    expect(rates.map((r) => r.name)).toEqual(expect.arrayContaining(['НДС', 'Без НДС']));
    expect(rates.map((r) => r.label)).toEqual(expect.arrayContaining(['VAT 22 %', 'VAT exempt']));
    expect((await listTaxRates(w.db, admin, { language: 'ru' })).map((r) => r.label)).toEqual(expect.arrayContaining(['НДС 22 %', 'Без НДС']));
    expect(rates[0].names).toMatchObject({ en: 'VAT', th: 'ภาษีมูลค่าเพิ่ม', ru: 'НДС' });
  });
});

describe('rates', () => {
  it('a new rate comes with its first period; one default at a time; exempt is always 0 %', async () => {
    const today = todayIn('Asia/Bangkok');
    const ten = await createTaxRate(w.db, w.actors.admin, newTaxRateInput.parse({ name: 'VAT 10%', kind: 'vat', rate: '10', validFrom: today, isDefault: 'on', active: 'on' }));
    await createTaxRate(w.db, w.actors.admin, newTaxRateInput.parse({ name: 'VAT 8%', kind: 'vat', rate: '8', validFrom: today, active: 'on' }));
    const rates = await listTaxRates(w.db, w.actors.admin);
    expect(rates.filter((r) => r.isDefault).map((r) => r.id)).toEqual([ten]);
    expect(rates.map((r) => r.rate).sort()).toEqual(['0.00', '0.00', '10.00', '7.00', '8.00']);
    const ex = await createTaxRate(w.db, w.actors.admin, newTaxRateInput.parse({ name: 'Exempt 2', kind: 'exempt', rate: '5', validFrom: today, active: 'on' }));
    expect((await listTaxRates(w.db, w.actors.admin)).find((r) => r.id === ex)?.rate).toBe('0.00');
    await expect(updateTaxRate(w.db, w.actors.admin, ten, taxRateInput.parse({ name: 'VAT 10%', isDefault: 'on' }))).rejects.toMatchObject({ fields: { active: 'defaultRateActive' } });
    await expect(createTaxRate(w.db, w.actors.mA, newTaxRateInput.parse({ name: 'X', kind: 'vat', rate: '1', validFrom: today, active: 'on' }))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(createTaxRate(w.db, w.actors.admin, newTaxRateInput.parse({ name: 'Zero VAT', kind: 'vat', rate: '0', validFrom: today }))).rejects.toMatchObject({ fields: { rate: 'invalidRate' } });
    expect(newTaxRateInput.safeParse({ name: 'Bad', kind: 'vat', rate: '120', validFrom: today }).error?.issues[0]).toMatchObject({ path: ['rate'], message: 'invalidRate' });
  });
});

describe('periods', () => {
  it('Russia 2026: end 20 % on 2025-12-31 and add 22 % from 2026-01-01; an overlapping period is refused', async () => {
    const id = await createTaxRate(w.db, w.actors.admin, newTaxRateInput.parse({ name: 'НДС', kind: 'vat', rate: '20', validFrom: '2019-01-01', active: 'on' }));
    const add = (over: Record<string, string>) => addTaxRatePeriod(w.db, w.actors.admin, taxPeriodInput.parse({ taxRateId: id, rate: '22', validFrom: '2026-01-01', validTo: '', note: 'Tax reform', ...over }));
    // The 20 % period is still open: 22 % from 2026 would overlap it.
    await expect(add({})).rejects.toMatchObject({ code: 'invalid', fields: { validFrom: 'periodOverlaps' } });
    const [open] = await w.db.select().from(taxRatePeriods).where(eq(taxRatePeriods.taxRateId, id));
    await expect(endTaxRatePeriod(w.db, w.actors.admin, endTaxPeriodInput.parse({ periodId: open.id, validTo: '2018-12-31' }))).rejects.toMatchObject({ fields: { validTo: 'periodEndBeforeStart' } });
    await endTaxRatePeriod(w.db, w.actors.admin, endTaxPeriodInput.parse({ periodId: open.id, validTo: '2025-12-31' }));
    await add({});
    // Ending the old period later than the new one starts would overlap again.
    await expect(endTaxRatePeriod(w.db, w.actors.admin, endTaxPeriodInput.parse({ periodId: open.id, validTo: '2026-01-01' }))).rejects.toMatchObject({ fields: { validTo: 'periodOverlaps' } });
    await expect(add({ validFrom: '2024-06-01', validTo: '2024-06-30' })).rejects.toMatchObject({ fields: { validFrom: 'periodOverlaps' } });
    await expect(add({ validFrom: '2017-01-01', validTo: '2016-12-31' })).rejects.toMatchObject({ fields: { validTo: 'periodEndBeforeStart' } });
    const rate = (on: string) => listTaxRates(w.db, w.actors.admin, { on }).then((rs) => rs.find((r) => r.id === id)?.rate);
    expect(await rate('2025-12-31')).toBe('20.00');
    expect(await rate('2026-01-01')).toBe('22.00');
    expect(await rate('2018-12-31')).toBeNull();
  });

  it('refuses impossible dates, dates outside 2000-2100 and bad rates as field errors, before the database', () => {
    const base = { taxRateId: '00000000-0000-4000-8000-000000000000', rate: '7', validFrom: '2026-01-01', validTo: '', note: '' };
    const issue = (over: Record<string, string>) => taxPeriodInput.safeParse({ ...base, ...over }).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issue({ validFrom: '2099-02-30' })).toEqual([['validFrom', 'invalidDate']]);
    expect(issue({ validTo: '2026-13-01' })).toEqual([['validTo', 'invalidDate']]);
    expect(issue({ validFrom: '1999-12-31' })).toEqual([['validFrom', 'dateOutOfRange']]);
    expect(issue({ validTo: '2101-01-01' })).toEqual([['validTo', 'dateOutOfRange']]);
    expect(issue({ validFrom: '' })).toEqual([['validFrom', 'required']]);
    expect(issue({ rate: '7.555' })).toEqual([['rate', 'tooManyDecimals']]);
    expect(issue({ rate: '100.01' })).toEqual([['rate', 'invalidRate']]);
    expect(issue({ rate: '-1' })).toEqual([['rate', 'invalidRate']]);
    expect(issue({ taxRateId: 'x' })).toEqual([['taxRateId', 'invalidChoice']]);
    expect(issue({ validFrom: '2099-02-28' })).toBeUndefined();
    expect(endTaxPeriodInput.safeParse({ periodId: base.taxRateId, validTo: '2099-02-30' }).error?.issues[0]).toMatchObject({ path: ['validTo'], message: 'invalidDate' });
  });

  it('a zero-rated or exempt rate only takes 0 % periods; a VAT rate never 0 %', async () => {
    const exempt = (await listTaxRates(w.db, w.actors.admin)).find((r) => r.kind === 'exempt')!;
    await expect(addTaxRatePeriod(w.db, w.actors.admin, taxPeriodInput.parse({ taxRateId: exempt.id, rate: '5', validFrom: '2000-01-01', validTo: '', note: '' })))
      .rejects.toMatchObject({ fields: { rate: 'invalidRate' } });
  });

  it("another organization's rate or period is refused as a field error, and only admins change periods", async () => {
    const mine = (await listTaxRates(w.db, w.actors.admin)).find((r) => r.isDefault)!;
    const input = taxPeriodInput.parse({ taxRateId: mine.id, rate: '10', validFrom: '2090-01-01', validTo: '', note: '' });
    await expect(addTaxRatePeriod(w.db, w.actors.admin2, input)).rejects.toMatchObject({ code: 'invalid', fields: { taxRateId: 'unknownTaxRate' } });
    await expect(endTaxRatePeriod(w.db, w.actors.admin2, { periodId: mine.periods[0].id, validTo: '2090-01-01' })).rejects.toMatchObject({ fields: { periodId: 'invalidChoice' } });
    await expect(removeTaxRatePeriod(w.db, w.actors.admin2, mine.periods[0].id)).rejects.toMatchObject({ fields: { periodId: 'invalidChoice' } });
    await expect(addTaxRatePeriod(w.db, w.actors.mA, input)).rejects.toMatchObject({ code: 'forbidden' });
    expect((await listTaxRates(w.db, w.actors.admin)).find((r) => r.id === mine.id)!.periods).toHaveLength(mine.periods.length);
  });

  it('a period typed by mistake can be removed before it starts, not after', async () => {
    const id = await createTaxRate(w.db, w.actors.admin, newTaxRateInput.parse({ name: 'VAT soon', kind: 'vat', rate: '9', validFrom: '2001-01-01' }));
    const [started] = await w.db.select().from(taxRatePeriods).where(eq(taxRatePeriods.taxRateId, id));
    await endTaxRatePeriod(w.db, w.actors.admin, { periodId: started.id, validTo: '2095-12-31' });
    const future = await addTaxRatePeriod(w.db, w.actors.admin, taxPeriodInput.parse({ taxRateId: id, rate: '12', validFrom: '2096-01-01', validTo: '', note: '' }));
    await removeTaxRatePeriod(w.db, w.actors.admin, future);
    await expect(removeTaxRatePeriod(w.db, w.actors.admin, started.id)).rejects.toMatchObject({ fields: { periodId: 'periodStarted' } });
    expect((await w.db.select().from(taxRatePeriods).where(eq(taxRatePeriods.taxRateId, id))).map((p) => p.id)).toEqual([started.id]);
  });

  it.skipIf(!process.env.DATABASE_URL)('two admins adding overlapping periods at once: exactly one is stored (PostgreSQL, row lock)', async () => {
    const id = await createTaxRate(w.db, w.actors.admin, newTaxRateInput.parse({ name: 'Race', kind: 'vat', rate: '5', validFrom: '2001-01-01' }));
    const [first] = await w.db.select().from(taxRatePeriods).where(eq(taxRatePeriods.taxRateId, id));
    await endTaxRatePeriod(w.db, w.actors.admin, { periodId: first.id, validTo: '2029-12-31' });
    const tries = await Promise.allSettled(
      ['2030-01-01', '2030-06-01', '2031-01-01', '2030-03-15'].map((from) =>
        addTaxRatePeriod(w.db, w.actors.admin, taxPeriodInput.parse({ taxRateId: id, rate: '6', validFrom: from, validTo: '', note: '' })),
      ),
    );
    expect(tries.filter((t) => t.status === 'fulfilled')).toHaveLength(1);
    expect(tries.filter((t) => t.status === 'rejected').map((t) => (t as PromiseRejectedResult).reason.fields)).toEqual(Array(3).fill({ validFrom: 'periodOverlaps' }));
    expect(await w.db.select().from(taxRatePeriods).where(eq(taxRatePeriods.taxRateId, id))).toHaveLength(2);
  });
});
