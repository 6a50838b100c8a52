import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { makeWorld, type World } from '../../../tests/support/world';
import { FUZZ_CASES, hostile, rng, typed, type FuzzSpec, fuzzSuite } from '../../../tests/support/fuzz';
import type { FormValues } from '../../../tests/support/act';
import { priceLists, products, quotations } from '../db/schema';
import {
  acceptByToken, acceptInput, addDays, createQuotation, declineByToken, declineInput, duplicateQuotation, quotationInput, reviseQuotation,
  revokeLink, sendQuotation, updateQuotation,
} from '../quotations';
import {
  addTaxRatePeriod, createPriceList, createProduct, createTaxRate, endTaxPeriodInput, endTaxRatePeriod, listTaxRates, newTaxRateInput, priceItemInput,
  priceListInput, productInput, removeListPrice, setListPrice, taxPeriodInput, taxRateInput, updatePriceList, updateProduct, updateTaxRate,
} from '../catalog';
import { todayIn } from '../opportunities/commands';
import { addContact } from '../customers/commands';
import { CURRENCIES } from '../organization';
import { LOCALES } from '../i18n/locales';
import { optionalUuid, uuid, version } from '../validation';
import { newLinkToken } from '../quotations/link';

/**
 * Quotations and the catalogue, 1,000+ hostile submissions per action (seeded): no database error
 * reaches a user, and what is accepted is stored as typed. Mirrors src/app/(app)/quotations,
 * products and admin/tax-rates actions.
 */
let w: World;
let productId: string;
let listId: string;
let draftId: string;
let rateIds: string[];
let buyerId: string;
const today = () => todayIn('Asia/Bangkok');

beforeAll(async () => {
  w = await makeWorld();
  buyerId = await addContact(w.db, w.actors.repA1, w.customers.a1, { name: 'Buyer', title: '', phone: '', email: 'buyer@example.com', isPrimary: true });
  productId = await createProduct(w.db, w.actors.admin, productInput.parse({ code: 'FZ-1', name: 'Fuzz product', price: '100', active: 'on' }));
  listId = await createPriceList(w.db, w.actors.admin, priceListInput.parse({ name: 'Fuzz list', currency: 'THB', active: 'on' }));
  rateIds = (await listTaxRates(w.db, w.actors.admin)).map((r) => r.id);
  draftId = await createQuotation(w.db, w.actors.repA1, quotationInput.parse(quoteBase()));
});

const anyIds = () => [
  w.customers.a1, w.customers.b1, w.customers.other, w.people.repA1.id, w.people.repB1.id, w.people.admin2.id, productId, listId, draftId, ...rateIds,
];
const ids = () => ({ ids: anyIds() });
const run = <S extends z.ZodType, R>(spec: FuzzSpec<S, R>, seed: number) => fuzzSuite(w.db, spec, seed);

const line = (o: Record<string, unknown> = {}) => ({
  productId: '', description: 'Service', unit: 'hr', quantity: '2', unitPrice: '1500.25', discountKind: 'percent', discountValue: '5', taxRateId: '', ...o,
});
function quoteBase(): FormValues {
  return {
    customerId: w.customers.a1, contactId: '', opportunityId: '', ownerId: '', language: 'th', currency: 'THB', pricesIncludeTax: '',
    validUntil: addDays(today(), 30), discountKind: 'percent', discountValue: '0', terms: 'Net 30', notes: '',
    lines: JSON.stringify([line(), line({ productId: '', description: 'Widget', quantity: '1.5', unitPrice: '99.99' })]),
  };
}
const quoteFields = {
  customerId: 'id', contactId: 'id', opportunityId: 'id', ownerId: 'id', language: 'enum', currency: 'enum', pricesIncludeTax: 'bool', validUntil: 'date',
  discountKind: 'enum', discountValue: 'money', terms: 'long', notes: 'long', lines: 'lines',
} as const;
const quoteCtx = () => ({
  customerId: ids(), contactId: ids(), opportunityId: ids(), ownerId: ids(),
  language: { ids: [], enums: { language: [...LOCALES] } }, currency: { ids: [], enums: { currency: [...CURRENCIES] } },
  discountKind: { ids: [], enums: { discountKind: ['percent', 'amount'] } },
});
const verifyQuote = async (id: string, v: FormValues) => {
  const [q] = await w.db.select().from(quotations).where(eq(quotations.id, id));
  expect(q.terms).toBe(typed(v.terms));
  expect(q.notes).toBe(typed(v.notes));
  expect(q.validUntil).toBe(typed(v.validUntil));
  expect(q.orgId).toBe(w.org.id);
  expect([w.customers.a1, w.customers.shared]).toContain(q.customerId);
};

describe('fuzz: quotations', () => {
  it('create quotation', async () => {
    const r = await run({
      name: 'createQuotation', schema: quotationInput, run: ({ db, actor, input }) => createQuotation(db, actor, input), actor: w.actors.repA1,
      base: quoteBase, fields: quoteFields, ctx: quoteCtx(), verify: verifyQuote,
    }, 501);
    expect(r.ok).toBeGreaterThan(0);
  });

  it('update quotation', async () => {
    const schema = quotationInput.and(z.object({ id: uuid, version }));
    await run({
      name: 'updateQuotation', schema, run: ({ db, actor, input }) => updateQuotation(db, actor, input.id, input.version, input), actor: w.actors.repA1,
      base: async () => {
        const [q] = await w.db.select({ version: quotations.version }).from(quotations).where(eq(quotations.id, draftId));
        return { ...quoteBase(), id: draftId, version: String(q.version) };
      },
      fields: { ...quoteFields, id: 'id', version: 'int' }, ctx: { ...quoteCtx(), id: ids() },
      verify: async (_r, v) => verifyQuote(draftId, v),
    }, 502);
  });

  it('send, revise, duplicate, revoke by id', async () => {
    const idOnly = z.object({ id: uuid });
    const sendable = await createQuotation(w.db, w.actors.repA1, quotationInput.parse({ ...quoteBase(), contactId: buyerId }));
    const idCtx = { id: { ids: [sendable, draftId, ...anyIds()] } };
    await run({ name: 'sendQuotation', schema: idOnly, run: ({ db, actor, input }) => sendQuotation(db, actor, input.id), actor: w.actors.repA1, base: () => ({ id: sendable }), fields: { id: 'id' }, ctx: idCtx }, 503);
    await run({ name: 'reviseQuotation', schema: idOnly, run: ({ db, actor, input }) => reviseQuotation(db, actor, input.id), actor: w.actors.repA1, base: () => ({ id: sendable }), fields: { id: 'id' }, ctx: idCtx }, 504);
    await run({
      name: 'duplicateQuotation', schema: z.object({ id: uuid, customerId: z.preprocess((v) => v ?? '', optionalUuid) }),
      run: ({ db, actor, input }) => duplicateQuotation(db, actor, input.id, input.customerId), actor: w.actors.repA1,
      base: () => ({ id: draftId, customerId: '' }), fields: { id: 'id', customerId: 'id' }, ctx: { ...idCtx, customerId: ids() },
    }, 505);
    await run({ name: 'revokeLink', schema: idOnly, run: ({ db, actor, input }) => revokeLink(db, actor, input.id), actor: w.actors.repA1, base: () => ({ id: sendable }), fields: { id: 'id' }, ctx: idCtx }, 506);
  });

  it("the customer's accept and decline forms", async () => {
    const sent = await createQuotation(w.db, w.actors.repA1, quotationInput.parse({ ...quoteBase(), contactId: buyerId }));
    const { token } = await sendQuotation(w.db, w.actors.repA1, sent);
    const tokens = [token, newLinkToken().token, 'x'.repeat(43), `${token}\u0000`, token.slice(1)];
    // The public page's path: parse with the same schema, then answer by token.
    const answer = async (values: FormValues, which: 'accept' | 'decline') => {
      const fd = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
      if (which === 'accept') {
        const p = acceptInput.safeParse(fd);
        if (p.success) await acceptByToken(w.db, p.data.token, { name: p.data.name, ip: '127.0.0.1' });
      } else {
        const p = declineInput.safeParse(fd);
        if (p.success) await declineByToken(w.db, p.data.token, p.data.reason);
      }
    };
    const r = rng(507);
    for (let i = 0; i < FUZZ_CASES; i++) {
      const which = r.next() < 0.5 ? 'accept' : 'decline';
      const values: FormValues = { token: r.pick(tokens), name: 'Khun Somchai', agree: 'on', reason: 'Too expensive' };
      const field = r.pick(['token', 'name', 'agree', 'reason']);
      values[field] = field === 'token' ? r.pick([...tokens, String(hostile(r, 'text', field, { ids: [] }))]) : hostile(r, field === 'reason' ? 'long' : 'text', field, { ids: [] });
      // Domain refusals (already answered, withdrawn, unknown token) are expected; nothing else may throw.
      await answer(values, which).catch((e) => {
        if (e?.name !== 'DomainError') throw new Error(`answer case ${i}: ${String(e)} for ${JSON.stringify(values).slice(0, 500)}`);
      });
    }
  });
});

describe('fuzz: catalogue', () => {
  const productFields = {
    code: 'code', name: 'text', name_en: 'text', name_th: 'text', name_vi: 'text', name_ru: 'text', unit: 'text', description: 'long', price: 'money',
    taxRateId: 'id', active: 'bool',
  } as const;
  let n = 0;
  const productBase = (): FormValues => ({
    code: `P-${++n}`, name: 'Air conditioner', name_en: '', name_th: 'เครื่องปรับอากาศ', name_vi: '', name_ru: '', unit: 'unit', description: '', price: '18900', taxRateId: '', active: 'on',
  });
  const verifyProduct = async (id: string, v: FormValues) => {
    const [p] = await w.db.select().from(products).where(eq(products.id, id));
    expect(p.code).toBe(typed(v.code));
    expect(p.name).toBe(typed(v.name));
    expect(p.description).toBe(typed(v.description));
  };

  it('create and update product', async () => {
    await run({
      name: 'createProduct', schema: productInput, run: ({ db, actor, input }) => createProduct(db, actor, input), actor: w.actors.admin,
      base: productBase, fields: productFields, ctx: { taxRateId: ids() }, verify: verifyProduct,
    }, 601);
    await run({
      name: 'updateProduct', schema: productInput.extend({ id: uuid, version }),
      run: ({ db, actor, input }) => updateProduct(db, actor, input.id, input.version, input), actor: w.actors.admin,
      base: async () => {
        const [p] = await w.db.select({ version: products.version }).from(products).where(eq(products.id, productId));
        return { ...productBase(), code: 'FZ-1', id: productId, version: String(p.version) };
      },
      fields: { ...productFields, id: 'id', version: 'int' }, ctx: { taxRateId: ids(), id: ids() },
      verify: async (_r, v) => verifyProduct(productId, v),
    }, 602);
  });

  it('price lists and list prices', async () => {
    const listFields = { name: 'text', currency: 'enum', customerGroup: 'text', pricesIncludeTax: 'bool', active: 'bool' } as const;
    const listCtx = { currency: { ids: [], enums: { currency: [...CURRENCIES] } } };
    const listBase = (): FormValues => ({ name: 'Wholesale', currency: 'THB', customerGroup: 'wholesale', pricesIncludeTax: '', active: 'on' });
    await run({
      name: 'createPriceList', schema: priceListInput, run: ({ db, actor, input }) => createPriceList(db, actor, input), actor: w.actors.admin,
      base: listBase, fields: listFields, ctx: listCtx,
      verify: async (id, v) => {
        const [l] = await w.db.select().from(priceLists).where(eq(priceLists.id, id));
        expect(l.name).toBe(typed(v.name));
        expect(l.customerGroup).toBe(typed(v.customerGroup));
      },
    }, 603);
    const empty = await createPriceList(w.db, w.actors.admin, priceListInput.parse({ name: 'Empty', currency: 'THB', active: 'on' }));
    await run({
      name: 'updatePriceList', schema: priceListInput.extend({ id: uuid, version }),
      run: ({ db, actor, input }) => updatePriceList(db, actor, input.id, input.version, input), actor: w.actors.admin,
      base: async () => {
        const [l] = await w.db.select({ version: priceLists.version }).from(priceLists).where(eq(priceLists.id, empty));
        return { ...listBase(), id: empty, version: String(l.version) };
      },
      fields: { ...listFields, id: 'id', version: 'int' }, ctx: { ...listCtx, id: ids() },
    }, 604);
    await run({
      name: 'setListPrice', schema: priceItemInput, run: ({ db, actor, input }) => setListPrice(db, actor, input), actor: w.actors.admin,
      base: () => ({ priceListId: listId, productId, price: '17500.50', floorPrice: '15000' }), fields: { priceListId: 'id', productId: 'id', price: 'money', floorPrice: 'money' },
      ctx: { priceListId: ids(), productId: ids() },
    }, 605);
    await run({
      name: 'removeListPrice', schema: z.object({ priceListId: uuid, productId: uuid }),
      run: ({ db, actor, input }) => removeListPrice(db, actor, input.priceListId, input.productId), actor: w.actors.admin,
      base: () => ({ priceListId: listId, productId }), fields: { priceListId: 'id', productId: 'id' }, ctx: { priceListId: ids(), productId: ids() },
    }, 606);
  });

  it('tax rates and their periods', async () => {
    const kindCtx = { kind: { ids: [], enums: { kind: ['vat', 'zero', 'exempt'] } } };
    await run({
      name: 'createTaxRate', schema: newTaxRateInput, run: ({ db, actor, input }) => createTaxRate(db, actor, input), actor: w.actors.admin,
      base: () => ({ name: 'VAT reduced', isDefault: '', active: 'on', kind: 'vat', rate: '10', validFrom: '2026-01-01', note: '' }),
      fields: { name: 'text', isDefault: 'bool', active: 'bool', kind: 'enum', rate: 'percent', validFrom: 'date', note: 'text' }, ctx: kindCtx,
    }, 701);
    await run({
      name: 'updateTaxRate', schema: taxRateInput.extend({ id: uuid }), run: ({ db, actor, input }) => updateTaxRate(db, actor, input.id, input), actor: w.actors.admin,
      base: () => ({ id: rateIds[1] ?? rateIds[0], name: 'Renamed', isDefault: '', active: 'on' }),
      fields: { id: 'id', name: 'text', isDefault: 'bool', active: 'bool' }, ctx: { id: ids() },
    }, 702);
    await run({
      name: 'addTaxRatePeriod', schema: taxPeriodInput, run: ({ db, actor, input }) => addTaxRatePeriod(db, actor, input), actor: w.actors.admin,
      base: () => ({ taxRateId: rateIds[0], rate: '9', validFrom: '2090-01-01', validTo: '', note: 'decree' }),
      fields: { taxRateId: 'id', rate: 'percent', validFrom: 'date', validTo: 'date', note: 'text' }, ctx: { taxRateId: ids() },
    }, 703);
    await run({
      name: 'endTaxRatePeriod', schema: endTaxPeriodInput, run: ({ db, actor, input }) => endTaxRatePeriod(db, actor, input), actor: w.actors.admin,
      base: () => ({ periodId: rateIds[0], validTo: '2095-12-31' }), fields: { periodId: 'id', validTo: 'date' }, ctx: { periodId: ids() },
    }, 704);
  });
});
