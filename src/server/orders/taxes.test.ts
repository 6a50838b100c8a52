import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeWorld, type World } from '../../../tests/support/world';
import { taxRates } from '../db/schema';
import { listTaxRates } from '../catalog/tax-rates';
import { taxesOf } from './taxes';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});

describe("an order's VAT lines", () => {
  it('one per rate, named in the viewer\'s language with the figure the lines carry', async () => {
    const [vat] = await listTaxRates(w.db, w.actors.admin);
    await w.db.update(taxRates).set({ names: { ru: 'НДС' } }).where(eq(taxRates.id, vat.id));
    const line = { quantity: '2', unitPrice: '1000', discountKind: 'percent' as const, discountValue: '0', taxRate: '7.00', taxRateId: vat.id, taxKind: 'vat' };
    const o = { currency: 'THB', pricesIncludeTax: false, discountKind: 'percent' as const, discountValue: '10', lines: [line, { ...line, unitPrice: '500' }] };
    expect(await taxesOf(w.db, w.actors.repA1, o, 'ru')).toEqual([{ label: 'НДС 7 %', tax: '189.00' }]);
    // Another organization's rate id names nothing.
    expect(await taxesOf(w.db, w.actors.admin2, o, 'ru')).toEqual([{ label: '', tax: '189.00' }]);
  });
});
