import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeWorld, type World } from '../../../tests/support/world';
import { act } from '../../../tests/support/act';
import { products, quotationLines, units } from '../db/schema';
import { todayIn } from '../opportunities/commands';
import { addDays, createQuotation, quotationInput } from '../quotations';
import { quotationDocument } from '../quotations/document';
import { quotations } from '../db/schema';
import { renderPool } from '../documents/render-pool';
import { pdfTextOf, squash } from '../../../tests/support/pdf-text';
import { uuid, version } from '../validation';
import { DomainError } from '../errors';
import {
  createProduct, createTaxRate, createUnit, deactivateUnit, getProduct, listTaxRates, listUnits, newTaxRateInput, productInput,
  resolveLineUnits, taxRateInput, unitInput, unitOptions, updateProduct, updateTaxRate, updateUnit,
} from '.';

let w: World;
const unit = (o: Record<string, string> = {}) => unitInput.parse({ name: 'Box', name_en: '', name_th: '', name_vi: '', name_ru: '', active: 'on', ...o });
const product = (o: Record<string, string> = {}) =>
  productInput.parse({ code: `P-${Math.random().toString(36).slice(2, 8)}`, name: 'Widget', price: '100', active: 'on', ...o });

beforeAll(async () => {
  w = await makeWorld();
});
afterAll(async () => {
  await renderPool().close();
});

describe('units', () => {
  it('managers and admins create them with names per language; reps and finance may not', async () => {
    const id = await createUnit(w.db, w.actors.mA, unit({ name: 'ชิ้น', name_en: 'piece', name_vi: 'cái', name_ru: 'шт.', name_th: '' }));
    const [row] = await w.db.select().from(units).where(eq(units.id, id));
    expect(row).toMatchObject({ orgId: w.org.id, name: 'ชิ้น', names: { en: 'piece', vi: 'cái', ru: 'шт.' }, active: true, version: 1 });
    await expect(createUnit(w.db, w.actors.repA1, unit({ name: 'Crate' }))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(createUnit(w.db, w.actors.finance, unit({ name: 'Crate' }))).rejects.toMatchObject({ code: 'forbidden' });
    // Options for a select, in the viewer's language, falling back to the main name.
    const opts = await unitOptions(w.db, w.actors.repA1, 'vi');
    expect(opts).toContainEqual({ value: id, label: 'cái' });
    expect(await unitOptions(w.db, w.actors.repA1, 'th')).toContainEqual({ value: id, label: 'ชิ้น' });
  });

  it('refuses a name the organization already has (any case) as a field error, never a database error', async () => {
    await createUnit(w.db, w.actors.admin, unit({ name: 'Carton' }));
    await expect(createUnit(w.db, w.actors.admin, unit({ name: 'carton' }))).rejects.toMatchObject({ code: 'invalid', fields: { name: 'nameTaken' } });
    const out = await act(w.db, w.actors.admin, unitInput, ({ db, actor, input }) => createUnit(db, actor, input), { name: ' CARTON ', active: 'on' });
    expect(out.unexpected).toBe(false);
    expect(out.state).toMatchObject({ status: 'error', fieldErrors: { name: 'nameTaken' }, values: { name: ' CARTON ' } });
    const other = await createUnit(w.db, w.actors.admin, unit({ name: 'Pallet' }));
    await expect(updateUnit(w.db, w.actors.admin, other, 1, unit({ name: 'CARTON' }))).rejects.toMatchObject({ fields: { name: 'nameTaken' } });
    // Another organization may have its own "Carton".
    await expect(createUnit(w.db, w.actors.admin2, unit({ name: 'Carton' }))).resolves.toBeTruthy();
  });

  it("another organization's unit is not found, and not accepted on a product", async () => {
    const theirs = await createUnit(w.db, w.actors.admin2, unit({ name: 'Theirs' }));
    await expect(updateUnit(w.db, w.actors.admin, theirs, 1, unit({ name: 'Mine now' }))).rejects.toMatchObject({ code: 'notFound' });
    await expect(deactivateUnit(w.db, w.actors.admin, theirs, 1)).rejects.toMatchObject({ code: 'notFound' });
    await expect(createProduct(w.db, w.actors.admin, product({ unitId: theirs }))).rejects.toMatchObject({ fields: { unitId: 'invalidChoice' } });
    expect((await listUnits(w.db, w.actors.admin, { includeInactive: true })).map((u) => u.id)).not.toContain(theirs);
    const [row] = await w.db.select().from(units).where(eq(units.id, theirs));
    expect(row).toMatchObject({ name: 'Theirs', version: 1 });
  });

  it('a rename checks the version and keeps the products using the unit in step; retiring hides it from new choices', async () => {
    const id = await createUnit(w.db, w.actors.admin, unit({ name: 'Roll' }));
    const pid = await createProduct(w.db, w.actors.admin, product({ unitId: id }));
    await updateUnit(w.db, w.actors.admin, id, 1, unit({ name: 'Roll 50 m', name_ru: 'рулон' }));
    await expect(updateUnit(w.db, w.actors.admin, id, 1, unit({ name: 'Stale' }))).rejects.toMatchObject({ code: 'staleVersion' });
    expect(await getProduct(w.db, w.actors.admin, pid)).toMatchObject({ unitId: id, unit: 'Roll 50 m' });
    await deactivateUnit(w.db, w.actors.admin, id, 2);
    expect((await listUnits(w.db, w.actors.admin)).map((u) => u.id)).not.toContain(id);
    // A product that has it keeps it offered; others do not get it.
    expect((await unitOptions(w.db, w.actors.admin, 'en', id)).map((o) => o.value)).toContain(id);
    expect((await unitOptions(w.db, w.actors.admin, 'en')).map((o) => o.value)).not.toContain(id);
  });
});

describe('products: unit and floor price', () => {
  it("stores the chosen unit with its main name as the product's unit text, and the floor price", async () => {
    const set = await createUnit(w.db, w.actors.admin, unit({ name: 'ชุด', name_en: 'set', name_vi: 'bộ', name_ru: 'компл.' }));
    const id = await createProduct(w.db, w.actors.admin, product({ unitId: set, floorPrice: '1,250.50' }));
    expect(await getProduct(w.db, w.actors.admin, id)).toMatchObject({ unitId: set, unit: 'ชุด', floorPrice: '1250.5000' });
    const p = await getProduct(w.db, w.actors.admin, id);
    await updateProduct(w.db, w.actors.admin, id, p.version, product({ code: p.code, unitId: '', floorPrice: '' }));
    expect(await getProduct(w.db, w.actors.admin, id)).toMatchObject({ unitId: null, unit: '', floorPrice: null });
  });

  it('reports a bad floor price and unit together, through the action', async () => {
    const schema = productInput.extend({ id: uuid, version }).omit({ id: true, version: true });
    const out = await act(w.db, w.actors.admin, schema, ({ db, actor, input }) => createProduct(db, actor, input), {
      code: 'BAD-1', name: 'Bad', price: '100', floorPrice: '12.345', unitId: '00000000-0000-4000-8000-000000000000', active: 'on',
    });
    expect(out.unexpected).toBe(false);
    expect(out.state).toMatchObject({ status: 'error', fieldErrors: { floorPrice: 'tooManyDecimals', unitId: 'invalidChoice' } });
  });
});

describe('tax rates: names per language', () => {
  it('are stored from the form and label the rate in the language asked for, else the main name', async () => {
    const id = await createTaxRate(w.db, w.actors.admin, newTaxRateInput.parse({
      name: 'VAT special', name_th: 'ภาษีมูลค่าเพิ่มพิเศษ', name_vi: 'Thuế GTGT đặc biệt', name_ru: '', name_en: '', kind: 'vat', rate: '9', validFrom: '2020-01-01', active: 'on',
    }));
    const label = async (language: string) => (await listTaxRates(w.db, w.actors.admin, { language })).find((r) => r.id === id)!.label;
    expect(await label('vi')).toBe('Thuế GTGT đặc biệt 9 %');
    expect(await label('th')).toBe('ภาษีมูลค่าเพิ่มพิเศษ 9 %');
    expect(await label('ru')).toBe('VAT special 9 %');
    await updateTaxRate(w.db, w.actors.admin, id, taxRateInput.parse({ name: 'VAT special', name_ru: 'НДС особый', active: 'on' }));
    expect(await label('ru')).toBe('НДС особый 9 %');
    expect(await label('vi')).toBe('VAT special 9 %');
    // The viewer's own language by default.
    const forRep = (await listTaxRates(w.db, { ...w.actors.repA1, locale: 'ru' })).find((r) => r.id === id)!;
    expect(forRep.label).toBe('НДС особый 9 %');
  });
});

describe('quotation lines: units resolved on save', () => {
  it("takes the product's unit, else matches any name of a unit whatever its case, else none; one query for all lines", async () => {
    const piece = await createUnit(w.db, w.actors.admin, unit({ name: 'Stück', name_en: 'piece', name_ru: 'шт.', name_vi: 'cái' }));
    const hour = await createUnit(w.db, w.actors.admin, unit({ name: 'Hour', name_th: 'ชั่วโมง' }));
    const pid = await createProduct(w.db, w.actors.admin, product({ unitId: hour }));
    const known = [{ id: pid, unit: 'Hour', unitId: hour }];
    const lines = [
      { unit: 'hour', productId: pid },
      { unit: 'ШТ.', productId: null },
      { unit: ' Cái ', productId: null },
      { unit: 'ชั่วโมง', productId: null },
      { unit: 'bag', productId: null },
      { unit: '', productId: pid },
    ];
    let queries = 0;
    const counting = new Proxy(w.db, { get: (t, k) => (k === 'select' ? (...a: unknown[]) => (queries++, (t.select as (...x: unknown[]) => unknown)(...a)) : Reflect.get(t, k)) });
    expect(await resolveLineUnits(counting, w.org.id, lines, known)).toEqual([hour, piece, piece, hour, null, null]);
    expect(queries).toBe(1);
    // A line with only its product's unit needs no query.
    queries = 0;
    expect(await resolveLineUnits(counting, w.org.id, [{ unit: 'Hour', productId: pid }], known)).toEqual([hour]);
    expect(queries).toBe(0);
    // Another organization's units are never matched.
    expect(await resolveLineUnits(w.db, w.org2.id, [{ unit: 'шт.' }])).toEqual([null]);
  });

  it('stores the unit on each line of a saved quotation', async () => {
    const box = await createUnit(w.db, w.actors.admin, unit({ name: 'Kiste', name_en: 'crate', name_vi: 'thùng' }));
    const pid = await createProduct(w.db, w.actors.admin, product({ unitId: box }));
    const id = await createQuotation(w.db, w.actors.repA1, quotationInput.parse({
      customerId: w.customers.a1, contactId: '', opportunityId: '', ownerId: '', language: 'vi', currency: 'THB',
      validUntil: addDays(todayIn('Asia/Bangkok'), 30), discountKind: 'percent', discountValue: '0', terms: '', notes: '',
      lines: JSON.stringify([
        { productId: pid, description: '', unit: '', quantity: '1', unitPrice: '10', discountKind: 'percent', discountValue: '0', taxRateId: '' },
        { productId: '', description: 'Free', unit: 'CRATE', quantity: '1', unitPrice: '10', discountKind: 'percent', discountValue: '0', taxRateId: '' },
        { productId: '', description: 'Free', unit: 'whatever', quantity: '1', unitPrice: '10', discountKind: 'percent', discountValue: '0', taxRateId: '' },
      ]),
    }));
    const rows = await w.db.select().from(quotationLines).where(eq(quotationLines.quotationId, id)).orderBy(quotationLines.position);
    expect(rows.map((r) => [r.unit, r.unitId])).toEqual([['Kiste', box], ['CRATE', box], ['whatever', null]]);
  });
});

describe('documents: names in the quotation language', () => {
  it('a Vietnamese quotation prints the Vietnamese product, unit and VAT names; the viewer sees theirs; typed text stays', async () => {
    const u = await createUnit(w.db, w.actors.admin, unit({ name: 'เครื่อง', name_en: 'unit', name_vi: 'chiếc', name_ru: 'ед.' }));
    const pid = await createProduct(w.db, w.actors.admin, product({
      name: 'เครื่องปรับอากาศ', name_vi: 'Máy lạnh inverter', name_ru: 'Кондиционер', name_en: 'Air conditioner', unitId: u,
    }));
    const rate = await createTaxRate(w.db, w.actors.admin, newTaxRateInput.parse({
      name: 'ภาษีมูลค่าเพิ่ม', name_vi: 'Thuế GTGT', name_ru: 'НДС', name_en: 'VAT', kind: 'vat', rate: '7', validFrom: '2020-01-01', active: 'on',
    }));
    // Written by a Thai user: the line carries the Thai product name and unit as picked.
    const id = await createQuotation(w.db, w.actors.repA1, quotationInput.parse({
      customerId: w.customers.a1, contactId: '', opportunityId: '', ownerId: '', language: 'vi', currency: 'THB',
      validUntil: addDays(todayIn('Asia/Bangkok'), 30), discountKind: 'percent', discountValue: '0', terms: '', notes: '',
      lines: JSON.stringify([
        { productId: pid, description: 'เครื่องปรับอากาศ', unit: 'เครื่อง', quantity: '2', unitPrice: '1000', discountKind: 'percent', discountValue: '0', taxRateId: rate },
        { productId: pid, description: 'Máy lạnh, lắp đặt theo yêu cầu', unit: 'bộ đặc biệt', quantity: '1', unitPrice: '500', discountKind: 'percent', discountValue: '0', taxRateId: rate },
      ]),
    }));
    const [q] = await w.db.select().from(quotations).where(eq(quotations.id, id));
    const doc = await quotationDocument(w.db, q);
    expect(doc.lines.map((l) => [l.description, l.unit])).toEqual([['Máy lạnh inverter', 'chiếc'], ['Máy lạnh, lắp đặt theo yêu cầu', 'bộ đặc biệt']]);
    expect(doc.taxes.map((t) => t.label)).toEqual(['Thuế GTGT 7 %']);
    const forRu = await quotationDocument(w.db, q, { names: 'ru' });
    expect(forRu.lines[0]).toMatchObject({ description: 'Кондиционер', unit: 'ед.' });
    expect(forRu.taxes[0].label).toBe('НДС 7 %');
    // The PDF, as rendered in the pool.
    const pdf = await renderPool().render({ kind: 'quotation', doc });
    const flat = squash((await pdfTextOf(pdf)).text);
    for (const s of ['Máy lạnh inverter', 'chiếc', 'Thuế GTGT 7 %']) expect(flat).toContain(squash(s));
    expect(flat).not.toContain(squash('เครื่องปรับอากาศ'));
    expect(flat).not.toContain(squash('ภาษีมูลค่าเพิ่ม'));
    // And for the product row itself: untouched.
    const [p] = await w.db.select().from(products).where(eq(products.id, pid));
    expect(p.unit).toBe('เครื่อง');
  });
});

// PGlite has one connection: the race below only means something on PostgreSQL.
describe.skipIf(!process.env.DATABASE_URL)('units: the same new name twice at the same moment (PostgreSQL)', () => {
  it('saves one and refuses the other as a field error, 50 rounds', async () => {
    const bad: string[] = [];
    for (let i = 0; i < 50; i++) {
      const name = `Race ${w.tag} ${i}`;
      const out = await Promise.allSettled([createUnit(w.db, w.actors.admin, unit({ name })), createUnit(w.db, w.actors.mA, unit({ name: name.toUpperCase() }))]);
      const ok = out.filter((o) => o.status === 'fulfilled').length;
      const refused = out.filter((o) => o.status === 'rejected' && o.reason instanceof DomainError && o.reason.fields.name === 'nameTaken').length;
      if (ok !== 1 || refused !== 1) bad.push(`round ${i}: ${out.map((o) => (o.status === 'rejected' ? String(o.reason) : 'ok')).join(', ')}`);
    }
    expect(bad).toEqual([]);
  });
});
