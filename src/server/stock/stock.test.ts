import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeWorld, type World } from '../../../tests/support/world';
import { act } from '../../../tests/support/act';
import { products, stockMoves } from '../db/schema';
import { DomainError } from '../errors';
import { makeProduct } from '../deliveries/fixtures';
import { adjustStock, availability, stockAdjustmentInput, stockMovesOf } from '.';
import { createProduct, getProduct, productInput, searchPricedProducts, updateProduct } from '../catalog';
import { getOrganization, organizationInput, updateOrganization } from '../organization';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});
async function error(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a domain error');
}
const onHand = async (id: string) => (await w.db.select({ v: products.onHand }).from(products).where(eq(products.id, id)))[0].v;

describe('stock adjustments', () => {
  it('adds and removes with a move each; never below zero', async () => {
    const p = await makeProduct(w.db, w.org.id, { onHand: '2' });
    expect(await adjustStock(w.db, w.actors.mA, p, { quantity: '10.5', note: 'Count' })).toEqual({ onHand: '12.5' });
    expect(await adjustStock(w.db, w.actors.admin, p, { quantity: '-12.5', note: 'Broken' })).toEqual({ onHand: '0' });
    const e = await error(adjustStock(w.db, w.actors.admin, p, { quantity: '-0.0001', note: '' }));
    expect(e.fields).toEqual({ quantity: 'stockBelowZero' });
    expect(await onHand(p)).toBe('0.0000');
    const moves = await stockMovesOf(w.db, w.actors.repA1, p);
    expect(moves.map((m) => [m.kind, Number(m.quantity)])).toEqual(expect.arrayContaining([['adjustment', 10.5], ['adjustment', -12.5]]));
    expect(moves).toHaveLength(2);
  });

  it('managers and admins only; another organization\'s product is not found', async () => {
    const p = await makeProduct(w.db, w.org.id, { onHand: '2' });
    for (const actor of [w.actors.repA1, w.actors.finance]) expect((await error(adjustStock(w.db, actor, p, { quantity: '1', note: '' }))).code).toBe('forbidden');
    expect((await error(adjustStock(w.db, w.actors.admin2, p, { quantity: '1', note: '' }))).code).toBe('notFound');
    expect(await stockMovesOf(w.db, w.actors.admin2, p)).toEqual([]);
    expect(await onHand(p)).toBe('2.0000');
  });

  it('a product that does not track stock cannot be adjusted', async () => {
    const p = await makeProduct(w.db, w.org.id, { tracksStock: false });
    expect((await error(adjustStock(w.db, w.actors.admin, p, { quantity: '1', note: '' }))).code).toBe('invalid');
    expect(await w.db.select().from(stockMoves).where(eq(stockMoves.productId, p))).toHaveLength(0);
  });

  it('the form takes signed quantities with the shared number rules', async () => {
    const p = await makeProduct(w.db, w.org.id, { onHand: '5' });
    const run = ({ db, actor, input }: { db: typeof w.db; actor: typeof w.actors.admin; input: { productId: string; quantity: string; note: string } }) =>
      adjustStock(db, actor, input.productId, input);
    for (const [q, key] of [['1e5', 'invalidAmount'], ['0', 'invalidAmount'], ['1.00001', 'tooManyDecimals'], ['-999999999999999', 'amountTooLarge'], ['', 'required'], ['--1', 'invalidAmount']]) {
      const out = await act(w.db, w.actors.admin, stockAdjustmentInput, run, { productId: p, quantity: q, note: '' });
      expect(out.state.fieldErrors, q).toEqual({ quantity: key });
    }
    const ok = await act(w.db, w.actors.admin, stockAdjustmentInput, run, { productId: p, quantity: '-1,5', note: 'x' });
    expect(ok.state.status).toBe('ok');
    expect(await onHand(p)).toBe('3.5000');
    const big = await act(w.db, w.actors.admin, stockAdjustmentInput, run, { productId: p, quantity: '99999999999999.9999', note: '' });
    expect(big.state.fieldErrors).toEqual({ quantity: 'amountTooLarge' });
  });

  it('availability: on hand less reserved, never below zero, in the organization, tracking products only', async () => {
    const a = await makeProduct(w.db, w.org.id, { onHand: '10', reserved: '4' });
    const b = await makeProduct(w.db, w.org.id, { onHand: '1', reserved: '3' });
    const c = await makeProduct(w.db, w.org.id, { tracksStock: false, onHand: '7' });
    const foreign = await makeProduct(w.db, w.org2.id, { onHand: '9' });
    const m = await availability(w.db, w.actors.repA1, [a, b, c, foreign, 'nonsense']);
    expect(Object.fromEntries(m)).toEqual({ [a]: { onHand: '10', reserved: '4', available: '6' }, [b]: { onHand: '1', reserved: '3', available: '0' } });
  });

  it('the product form sets the kind and stock tracking; only goods track stock; other commands keep them', async () => {
    const id = await createProduct(w.db, w.actors.admin, productInput.parse({ code: `ST-${w.tag}`, name: 'Stocked', price: '1', active: 'on', kind: 'goods', tracksStock: 'on' }));
    let p = await getProduct(w.db, w.actors.admin, id);
    expect([p.kind, p.tracksStock]).toEqual(['goods', true]);
    await updateProduct(w.db, w.actors.admin, id, p.version, productInput.parse({ code: p.code, name: p.name, price: '1', active: 'on', kind: 'service', tracksStock: 'on' }));
    p = await getProduct(w.db, w.actors.admin, id);
    expect([p.kind, p.tracksStock]).toEqual(['service', false]);
    await updateProduct(w.db, w.actors.admin, id, p.version, { code: p.code, name: 'Renamed', names: {}, name_en: '', name_th: '', name_vi: '', name_ru: '', description: '', price: '1', taxRateId: null, active: true } as never);
    expect((await getProduct(w.db, w.actors.admin, id)).kind).toBe('service');
    expect(productInput.safeParse({ code: 'X', name: 'X', kind: 'weird' }).error?.issues[0].message).toBe('invalidChoice');
  });

  it("the organization's choice: a shortage blocks confirming, or only warns (the settings checkbox)", async () => {
    const form = (version: number, over: Record<string, string> = {}) => organizationInput.parse({
      legalName: 'Org', address: '', taxId: '', branch: '', currency: 'THB', country: 'TH', locale: 'th', timeZone: 'Asia/Bangkok', version: String(version), ...over,
    });
    let org = await getOrganization(w.db, w.actors.admin);
    expect(org.stockShortageBlocks).toBe(false);
    await updateOrganization(w.db, w.actors.admin, form(org.version, { stockShortageBlocks: 'on' }));
    org = await getOrganization(w.db, w.actors.admin);
    expect(org.stockShortageBlocks).toBe(true);
    await updateOrganization(w.db, w.actors.admin, form(org.version));
    expect((await getOrganization(w.db, w.actors.admin)).stockShortageBlocks).toBe(false);
  });

  it('the catalogue picker tells what is available of stock-tracking products only', async () => {
    const a = await makeProduct(w.db, w.org.id, { onHand: '7', reserved: '2' });
    const b = await makeProduct(w.db, w.org.id, { onHand: '7', tracksStock: false });
    const codes = (await w.db.select({ id: products.id, code: products.code }).from(products).where(eq(products.orgId, w.org.id)));
    const code = (id: string) => codes.find((c) => c.id === id)!.code;
    const hit = async (id: string) => (await searchPricedProducts(w.db, w.actors.repA1, { q: code(id), customerId: null, currency: 'THB', pricesIncludeTax: false, language: 'en' })).find((h) => h.id === id)!;
    expect((await hit(a)).available).toBe('5');
    expect((await hit(b)).available).toBeNull();
  });
});
