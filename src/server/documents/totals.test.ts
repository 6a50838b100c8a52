import { describe, expect, it } from 'vitest';
import Decimal from 'decimal.js';
import { allocate, checkTotalsInput, computeTotals, minorUnits, type TotalsInput, type TotalsLine } from './totals';

const line = (over: Partial<TotalsLine> = {}): TotalsLine => ({
  quantity: '1', unitPrice: '100', discountKind: 'percent', discountValue: '0', taxRate: '7', taxKey: 'vat7', ...over,
});
const doc = (lines: TotalsLine[], over: Partial<TotalsInput> = {}): TotalsInput => ({
  currency: 'THB', pricesIncludeTax: false, lines, discountKind: 'percent', discountValue: '0', ...over,
});

describe('minor units', () => {
  it('knows THB, RUB with two decimals and VND with none', () => {
    expect(minorUnits('THB')).toBe(2);
    expect(minorUnits('RUB')).toBe(2);
    expect(minorUnits('VND')).toBe(0);
    expect(minorUnits('GBP')).toBe(2);
  });
});

describe('computeTotals, tax-exclusive', () => {
  it('adds VAT 7 % on top', () => {
    const t = computeTotals(doc([line({ quantity: '3', unitPrice: '1250.50' })]));
    expect(t.subtotal).toBe('3751.50');
    expect(t.taxTotal).toBe('262.61'); // 262.605 rounds half-up
    expect(t.grandTotal).toBe('4014.11');
    expect(t.taxBase).toBe('3751.50');
  });

  it('rounds the line gross half-up to satang, with decimal quantities', () => {
    const t = computeTotals(doc([line({ quantity: '1.5', unitPrice: '33.33' })]));
    expect(t.lines[0].gross).toBe('50.00'); // 49.995
  });

  it('computes VAT once per rate: 100 lines of 0.005-ish amounts do not drift', () => {
    // Each line is 0.10 at 7 %: per-line VAT would be 0.007 -> 0.01 each = 1.00; per document it is 0.70.
    const lines = Array.from({ length: 100 }, () => line({ unitPrice: '0.10' }));
    const t = computeTotals(doc(lines));
    expect(t.subtotal).toBe('10.00');
    expect(t.taxTotal).toBe('0.70');
    expect(t.grandTotal).toBe('10.70');
  });

  it('rounds many lines of 0.005 per line, visibly: the printed lines add up to the subtotal', () => {
    const lines = Array.from({ length: 10 }, () => line({ quantity: '1', unitPrice: '0.005' }));
    const t = computeTotals(doc(lines));
    expect(t.lines.every((l) => l.net === '0.01')).toBe(true);
    expect(t.subtotal).toBe('0.10');
    expect(t.taxTotal).toBe('0.01'); // 0.007
  });

  it('applies percent and amount line discounts', () => {
    const t = computeTotals(doc([
      line({ quantity: '2', unitPrice: '500', discountKind: 'percent', discountValue: '12.5' }),
      line({ quantity: '1', unitPrice: '300', discountKind: 'amount', discountValue: '50' }),
    ]));
    expect(t.lines.map((l) => l.net)).toEqual(['875.00', '250.00']);
    expect(t.lineDiscountTotal).toBe('175.00');
    expect(t.subtotal).toBe('1125.00');
    expect(t.taxTotal).toBe('78.75');
    expect(t.grandTotal).toBe('1203.75');
  });

  it('applies a document discount before VAT and shares it across rates exactly', () => {
    const t = computeTotals(doc([
      line({ unitPrice: '100', taxRate: '7', taxKey: 'vat7' }),
      line({ unitPrice: '200', taxRate: '0', taxKey: 'zero' }),
    ], { discountKind: 'amount', discountValue: '10' }));
    expect(t.documentDiscount).toBe('10.00');
    expect(t.taxes.map((g) => g.discount)).toEqual(['3.33', '6.67']);
    expect(t.taxes[0].base).toBe('96.67');
    expect(t.taxes[0].tax).toBe('6.77'); // 6.7669
    expect(t.taxBase).toBe('290.00');
    expect(t.grandTotal).toBe('296.77');
  });

  it('takes a document percent discount of the subtotal', () => {
    const t = computeTotals(doc([line({ unitPrice: '999.99' })], { discountKind: 'percent', discountValue: '10' }));
    expect(t.documentDiscount).toBe('100.00'); // 99.999
    expect(t.taxBase).toBe('899.99');
    expect(t.taxTotal).toBe('63.00'); // 62.9993
    expect(t.grandTotal).toBe('962.99');
  });

  it('keeps exempt and zero-rated lines free of VAT', () => {
    const t = computeTotals(doc([line({ unitPrice: '1000', taxRate: '0', taxKey: 'exempt' })]));
    expect(t.taxTotal).toBe('0.00');
    expect(t.grandTotal).toBe('1000.00');
  });
});

describe('computeTotals, tax-inclusive', () => {
  it('extracts VAT from the price: 107 incl. 7 % is 100 + 7', () => {
    const t = computeTotals(doc([line({ unitPrice: '107' })], { pricesIncludeTax: true }));
    expect(t.taxTotal).toBe('7.00');
    expect(t.taxBase).toBe('100.00');
    expect(t.grandTotal).toBe('107.00');
  });

  it('keeps the grand total equal to what the customer was quoted', () => {
    const lines = [line({ quantity: '3', unitPrice: '99.99' }), line({ quantity: '7', unitPrice: '0.35' })];
    const t = computeTotals(doc(lines, { pricesIncludeTax: true }));
    expect(t.subtotal).toBe('302.42');
    expect(t.grandTotal).toBe('302.42');
    expect(t.taxTotal).toBe('19.78'); // 302.42 * 7 / 107 = 19.7845
    expect(new Decimal(t.taxBase).plus(t.taxTotal).toFixed(2)).toBe(t.grandTotal);
  });

  it('handles 20 % RUB inclusive with a document discount', () => {
    const t = computeTotals(doc([line({ quantity: '2', unitPrice: '1200', taxRate: '20', taxKey: 'vat20' })], {
      currency: 'RUB', pricesIncludeTax: true, discountKind: 'amount', discountValue: '400',
    }));
    expect(t.grandTotal).toBe('2000.00');
    expect(t.taxTotal).toBe('333.33');
    expect(t.taxBase).toBe('1666.67');
  });
});

describe('computeTotals, VND', () => {
  it('has no decimals anywhere and rounds half-up to the dong', () => {
    const t = computeTotals(doc([line({ quantity: '3', unitPrice: '33335', taxRate: '8', taxKey: 'vat8' })], { currency: 'VND' }));
    expect(t.subtotal).toBe('100005');
    expect(t.taxTotal).toBe('8000'); // 8000.4
    expect(t.grandTotal).toBe('108005');
    const half = computeTotals(doc([line({ unitPrice: '12500', taxRate: '10', taxKey: 'vat10' }), line({ unitPrice: '125', taxRate: '10', taxKey: 'vat10' })], { currency: 'VND' }));
    expect(half.taxTotal).toBe('1263'); // 1262.5 -> 1263
  });

  it('rounds a percent line discount to whole dong', () => {
    const t = computeTotals(doc([line({ unitPrice: '10005', discountValue: '10', taxRate: '10' })], { currency: 'VND' }));
    expect(t.lines[0].discount).toBe('1001'); // 1000.5
    expect(t.lines[0].net).toBe('9004');
  });
});

describe('allocate', () => {
  it('splits an amount so the parts add up exactly', () => {
    const parts = allocate(new Decimal('0.10'), [new Decimal(1), new Decimal(1), new Decimal(1)], 2);
    expect(parts.map((p) => p.toFixed(2))).toEqual(['0.04', '0.03', '0.03']);
  });
  it('gives nothing when there is nothing to split', () => {
    expect(allocate(new Decimal(5), [new Decimal(0)], 2).map(String)).toEqual(['0']);
  });
});

describe('checkTotalsInput', () => {
  it('accepts a good document', () => {
    expect(checkTotalsInput(doc([line()]))).toEqual({});
  });
  it('refuses negative quantities and prices, and discounts above 100 %', () => {
    const e = checkTotalsInput(doc([line({ quantity: '-1', unitPrice: '-5', discountValue: '101' })]));
    expect(e).toEqual({ 'lines.0.quantity': 'negativeQuantity', 'lines.0.unitPrice': 'negativePrice', 'lines.0.discountValue': 'discountOver100' });
  });
  it('refuses a zero quantity, junk numbers and a document discount above 100 %', () => {
    const e = checkTotalsInput(doc([line({ quantity: '0', unitPrice: 'abc' })], { discountValue: '150' }));
    expect(e['lines.0.quantity']).toBe('invalidQuantity');
    expect(e['lines.0.unitPrice']).toBe('invalidAmount');
    expect(e.discountValue).toBe('discountOver100');
  });
  it('refuses an amount discount larger than the line or the document', () => {
    expect(checkTotalsInput(doc([line({ discountKind: 'amount', discountValue: '100.01' })]))['lines.0.discountValue']).toBe('discountTooBig');
    expect(checkTotalsInput(doc([line()], { discountKind: 'amount', discountValue: '100.01' })).discountValue).toBe('discountTooBig');
    expect(checkTotalsInput(doc([line()], { discountKind: 'amount', discountValue: '100' }))).toEqual({});
  });
  it('refuses fractions of a dong and more than four decimals in a quantity', () => {
    expect(checkTotalsInput(doc([line({ unitPrice: '100.5' })], { currency: 'VND' }))['lines.0.unitPrice']).toBe('noDecimalsForCurrency');
    expect(checkTotalsInput(doc([line({ quantity: '1.23456' })]))['lines.0.quantity']).toBe('invalidQuantity');
  });
  it('refuses a tax rate that is not a percent', () => {
    expect(checkTotalsInput(doc([line({ taxRate: '' })]))['lines.0.taxRateId']).toBe('unknownTaxRate');
  });
});
