import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { makeWorld, type World } from '../../../tests/support/world';
import { typed, type FuzzSpec, fuzzSuite } from '../../../tests/support/fuzz';
import type { FormValues } from '../../../tests/support/act';
import { products, taxRates, units } from '../db/schema';
import {
  createProduct, createTaxRate, createUnit, deactivateUnit, listTaxRates, newTaxRateInput, productInput, taxRateInput, unitInput,
  updateProduct, updateTaxRate, updateUnit,
} from '../catalog';
import { LOCALES } from '../i18n/locales';
import { uuid, version } from '../validation';

/**
 * Units, names per language (tax rates, units) and a product's unit and floor price: 1,000+ hostile
 * submissions per action (seeded), through the same path as the forms of admin/units,
 * admin/tax-rates and products. No database error reaches a user; what is accepted is stored as typed.
 */
let w: World;
let unitId: string;
let foreignUnitId: string;
let productId: string;
let rateIds: string[];

beforeAll(async () => {
  w = await makeWorld();
  unitId = await createUnit(w.db, w.actors.admin, unitInput.parse({ name: 'piece', name_th: 'ชิ้น', name_vi: 'cái', name_ru: 'шт.', active: 'on' }));
  foreignUnitId = await createUnit(w.db, w.actors.admin2, unitInput.parse({ name: 'theirs', active: 'on' }));
  productId = await createProduct(w.db, w.actors.admin, productInput.parse({ code: 'FZN-1', name: 'Fuzz product', price: '100', active: 'on' }));
  rateIds = (await listTaxRates(w.db, w.actors.admin)).map((r) => r.id);
});

const ids = () => ({ ids: [unitId, foreignUnitId, productId, w.customers.a1, w.customers.other, ...rateIds] });
const run = <S extends z.ZodType, R>(spec: FuzzSpec<S, R>, seed: number) => fuzzSuite(w.db, spec, seed);
const nameFields = { name_en: 'text', name_th: 'text', name_vi: 'text', name_ru: 'text' } as const;
/** Names per language as stored: trimmed, empty ones left out. */
const storedNames = (v: FormValues) => Object.fromEntries(LOCALES.map((l) => [l, typed(v[`name_${l}`])]).filter(([, n]) => n));

describe('fuzz: units', () => {
  let n = 0;
  const unitBase = (): FormValues => ({ name: `Box ${++n}`, name_en: 'box', name_th: 'กล่อง', name_vi: 'hộp', name_ru: 'коробка', active: 'on' });
  const verifyUnit = async (id: string, v: FormValues) => {
    const [u] = await w.db.select().from(units).where(eq(units.id, id));
    expect(u.orgId).toBe(w.org.id);
    expect(u.name).toBe(typed(v.name));
    expect(u.names).toEqual(storedNames(v));
  };

  it('create, update and retire', async () => {
    await run({
      name: 'createUnit', schema: unitInput, run: ({ db, actor, input }) => createUnit(db, actor, input), actor: w.actors.admin,
      base: unitBase, fields: { name: 'text', ...nameFields, active: 'bool' }, verify: verifyUnit,
    }, 901);
    await run({
      name: 'updateUnit', schema: unitInput.extend({ id: uuid, version }),
      run: ({ db, actor, input }) => updateUnit(db, actor, input.id, input.version, input), actor: w.actors.mA,
      base: async () => {
        const [u] = await w.db.select({ version: units.version }).from(units).where(eq(units.id, unitId));
        return { ...unitBase(), name: 'piece', id: unitId, version: String(u.version) };
      },
      fields: { name: 'text', ...nameFields, active: 'bool', id: 'id', version: 'int' }, ctx: { id: ids() },
      verify: async (_r, v) => verifyUnit(unitId, v),
    }, 902);
    await run({
      name: 'deactivateUnit', schema: z.object({ id: uuid, version }),
      run: ({ db, actor, input }) => deactivateUnit(db, actor, input.id, input.version), actor: w.actors.admin,
      base: async () => {
        const [u] = await w.db.select({ version: units.version }).from(units).where(eq(units.id, unitId));
        return { id: unitId, version: String(u.version) };
      },
      fields: { id: 'id', version: 'int' }, ctx: { id: ids() },
    }, 903);
    // Nothing of the other organization was touched.
    const [theirs] = await w.db.select().from(units).where(eq(units.id, foreignUnitId));
    expect(theirs).toMatchObject({ name: 'theirs', version: 1, active: true });
  });
});

describe('fuzz: products with a unit and a floor price', () => {
  const productFields = {
    code: 'code', name: 'text', ...nameFields, unitId: 'id', description: 'long', price: 'money', floorPrice: 'money', taxRateId: 'id', active: 'bool',
  } as const;
  let n = 0;
  const productBase = (): FormValues => ({
    code: `PN-${++n}`, name: 'Air conditioner', name_en: '', name_th: 'เครื่องปรับอากาศ', name_vi: 'Máy lạnh', name_ru: '', unitId, description: '',
    price: '18900', floorPrice: '17000.50', taxRateId: '', active: 'on',
  });
  const verifyProduct = async (id: string, v: FormValues) => {
    const [p] = await w.db.select().from(products).where(eq(products.id, id));
    expect(p.code).toBe(typed(v.code));
    expect(p.name).toBe(typed(v.name));
    // A unit is always one of this organization's, and the text follows its main name.
    if (p.unitId) {
      const [u] = await w.db.select().from(units).where(eq(units.id, p.unitId));
      expect(u.orgId).toBe(w.org.id);
      expect(p.unit).toBe(u.name);
    } else expect(p.unit).toBe('');
    if (!typed(v.floorPrice)) expect(p.floorPrice).toBeNull();
    else expect(p.floorPrice).not.toBeNull();
  };

  it('create and update', async () => {
    await run({
      name: 'createProduct(unit, floor)', schema: productInput, run: ({ db, actor, input }) => createProduct(db, actor, input), actor: w.actors.admin,
      base: productBase, fields: productFields, ctx: { unitId: ids(), taxRateId: ids() }, verify: verifyProduct,
    }, 911);
    await run({
      name: 'updateProduct(unit, floor)', schema: productInput.extend({ id: uuid, version }),
      run: ({ db, actor, input }) => updateProduct(db, actor, input.id, input.version, input), actor: w.actors.mA,
      base: async () => {
        const [p] = await w.db.select({ version: products.version }).from(products).where(eq(products.id, productId));
        return { ...productBase(), code: 'FZN-1', id: productId, version: String(p.version) };
      },
      fields: { ...productFields, id: 'id', version: 'int' }, ctx: { unitId: ids(), taxRateId: ids(), id: ids() },
      verify: async (_r, v) => verifyProduct(productId, v),
    }, 912);
  });
});

describe('fuzz: tax rates with names per language', () => {
  it('create and update', async () => {
    const kindCtx = { kind: { ids: [], enums: { kind: ['vat', 'zero', 'exempt'] } } };
    await run({
      name: 'createTaxRate(names)', schema: newTaxRateInput, run: ({ db, actor, input }) => createTaxRate(db, actor, input), actor: w.actors.admin,
      base: () => ({ name: 'VAT reduced', name_en: 'VAT reduced', name_th: 'ภาษีลดอัตรา', name_vi: 'Thuế GTGT giảm', name_ru: 'НДС льготный', isDefault: '', active: 'on', kind: 'vat', rate: '5', validFrom: '2026-01-01', note: '' }),
      fields: { name: 'text', ...nameFields, isDefault: 'bool', active: 'bool', kind: 'enum', rate: 'percent', validFrom: 'date', note: 'text' }, ctx: kindCtx,
      verify: async (id, v) => {
        const [r] = await w.db.select().from(taxRates).where(eq(taxRates.id, id));
        expect(r.name).toBe(typed(v.name));
        expect(r.names).toEqual(storedNames(v));
      },
    }, 921);
    const target = rateIds[1] ?? rateIds[0];
    await run({
      name: 'updateTaxRate(names)', schema: taxRateInput.extend({ id: uuid }), run: ({ db, actor, input }) => updateTaxRate(db, actor, input.id, input), actor: w.actors.admin,
      base: () => ({ id: target, name: 'Zero', name_en: 'Zero-rated', name_th: 'อัตรา 0', name_vi: 'Thuế suất 0', name_ru: 'НДС 0', isDefault: '', active: 'on' }),
      fields: { id: 'id', name: 'text', ...nameFields, isDefault: 'bool', active: 'bool' }, ctx: { id: ids() },
      verify: async (_r, v) => {
        // The id may have been swapped for another rate of the organization: the one sent was changed.
        const [r] = await w.db.select().from(taxRates).where(eq(taxRates.id, typed(v.id).toLowerCase()));
        expect(r.name).toBe(typed(v.name));
        expect(r.names).toEqual(storedNames(v));
      },
    }, 922);
  });
});
