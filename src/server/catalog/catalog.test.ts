import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeWorld, type World } from '../../../tests/support/world';
import { customers } from '../db/schema';
import {
  createPriceList, createProduct, getPriceList, listProducts, removeListPrice, searchPricedProducts, setListPrice, updateProduct,
  type ProductInput,
} from '.';

let w: World;
const product = (over: Partial<ProductInput> = {}): ProductInput => ({
  code: `P-${Math.random().toString(36).slice(2, 8)}`, name: 'Widget', name_en: '', name_th: 'วิดเจ็ต', name_vi: '', name_ru: '', unit: 'pc',
  description: '', price: '100', taxRateId: null, active: true, ...over,
});

beforeAll(async () => {
  w = await makeWorld();
});

describe('products', () => {
  it('managers and admins keep the catalogue; reps and finance only read it', async () => {
    const id = await createProduct(w.db, w.actors.mA, product({ code: `MGR-${w.tag}` }));
    expect((await listProducts(w.db, w.actors.repA1, { q: `MGR-${w.tag}` })).rows.map((r) => r.product.id)).toEqual([id]);
    await expect(createProduct(w.db, w.actors.repA1, product())).rejects.toMatchObject({ code: 'forbidden' });
    await expect(createProduct(w.db, w.actors.finance, product())).rejects.toMatchObject({ code: 'forbidden' });
    expect((await listProducts(w.db, w.actors.admin2, { q: `MGR-${w.tag}` })).rows).toEqual([]);
  });

  it('refuses a duplicate code, a negative price and an unknown tax rate', async () => {
    await createProduct(w.db, w.actors.admin, product({ code: `DUP-${w.tag}` }));
    await expect(createProduct(w.db, w.actors.admin, product({ code: `DUP-${w.tag}` }))).rejects.toMatchObject({ fields: { code: 'codeTaken' } });
    await expect(createProduct(w.db, w.actors.admin, product({ price: '-1' }))).rejects.toMatchObject({ fields: { price: 'negativeAmount' } });
    await expect(createProduct(w.db, w.actors.admin, product({ taxRateId: '00000000-0000-4000-8000-000000000000' }))).rejects.toMatchObject({ fields: { taxRateId: 'unknownTaxRate' } });
  });

  it('retires a product: it leaves the search for new lines', async () => {
    const id = await createProduct(w.db, w.actors.admin, product({ code: `OLD-${w.tag}` }));
    await updateProduct(w.db, w.actors.admin, id, 1, product({ code: `OLD-${w.tag}`, active: false }));
    expect((await listProducts(w.db, w.actors.admin, { q: `OLD-${w.tag}` })).rows).toEqual([]);
    expect((await listProducts(w.db, w.actors.admin, { q: `OLD-${w.tag}`, includeRetired: true })).rows).toHaveLength(1);
    await expect(updateProduct(w.db, w.actors.admin, id, 1, product())).rejects.toMatchObject({ code: 'staleVersion' });
  });
});

describe('prices', () => {
  it('a customer gets their own list first, then their group list, then a general list, then the product price', async () => {
    const code = `PR-${w.tag}`;
    const pid = await createProduct(w.db, w.actors.admin, product({ code, price: '100' }));
    const find = async (customerId: string | null, currency = 'THB', pricesIncludeTax = false) =>
      (await searchPricedProducts(w.db, w.actors.admin, { q: code, customerId, currency, pricesIncludeTax, language: 'th' }))[0];
    expect(await find(w.customers.a1)).toMatchObject({ price: '100', priceSource: 'product', name: 'วิดเจ็ต' });
    // Tax-inclusive quotation: 100 + 7 %.
    expect((await find(w.customers.a1, 'THB', true)).price).toBe('107');
    // No price in a foreign currency unless a list gives one.
    expect((await find(w.customers.a1, 'USD')).price).toBe('');

    const general = await createPriceList(w.db, w.actors.admin, { name: 'General', currency: 'THB', customerGroup: '', pricesIncludeTax: false, active: true });
    await setListPrice(w.db, w.actors.admin, { priceListId: general, productId: pid, price: '95' });
    expect(await find(w.customers.a1)).toMatchObject({ price: '95', priceSource: 'list' });

    const wholesale = await createPriceList(w.db, w.actors.admin, { name: 'Wholesale', currency: 'THB', customerGroup: 'Wholesale', pricesIncludeTax: true, active: true });
    await setListPrice(w.db, w.actors.admin, { priceListId: wholesale, productId: pid, price: '85.60' });
    await w.db.update(customers).set({ customerGroup: 'Wholesale' }).where(eq(customers.id, w.customers.a1));
    // The group list holds tax-inclusive prices: 85.60 incl. 7 % is 80 before VAT.
    expect(await find(w.customers.a1)).toMatchObject({ price: '80', priceSource: 'list' });

    const own = await createPriceList(w.db, w.actors.admin, { name: 'Alpha special', currency: 'USD', customerGroup: 'Alpha only', pricesIncludeTax: false, active: true });
    await setListPrice(w.db, w.actors.admin, { priceListId: own, productId: pid, price: '2.75' });
    await w.db.update(customers).set({ priceListId: own }).where(eq(customers.id, w.customers.a1));
    expect(await find(w.customers.a1, 'USD')).toMatchObject({ price: '2.75', priceSource: 'customer' });
    // Another customer in scope is not on the special list.
    expect((await find(w.customers.a2, 'USD')).price).toBe('');

    await removeListPrice(w.db, w.actors.admin, general, pid);
    expect((await getPriceList(w.db, w.actors.admin, general)).items).toEqual([]);
    await expect(setListPrice(w.db, w.actors.admin, { priceListId: general, productId: pid, price: '1.234' })).rejects.toMatchObject({ fields: { price: 'tooManyDecimals' } });
    await expect(setListPrice(w.db, w.actors.repA1, { priceListId: general, productId: pid, price: '1' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(getPriceList(w.db, w.actors.admin2, general)).rejects.toMatchObject({ code: 'notFound' });
  });
});
