import { describe, expect, it } from 'vitest';
import { overlaps, rateOn, taxRateLabel } from './tax-periods';

const ru = [
  { rate: '20.00', validFrom: '2019-01-01', validTo: '2025-12-31' },
  { rate: '22.00', validFrom: '2026-01-01', validTo: null },
];

describe('dated tax rates', () => {
  it('a date takes the period in force on it, ends included', () => {
    expect(rateOn(ru, '2025-12-31')?.rate).toBe('20.00');
    expect(rateOn(ru, '2026-01-01')?.rate).toBe('22.00');
    expect(rateOn(ru, '2099-06-30')?.rate).toBe('22.00');
    expect(rateOn(ru, '2019-01-01')?.rate).toBe('20.00');
    expect(rateOn(ru, '2018-12-31')).toBeUndefined();
  });

  it('periods that share a day overlap; adjacent ones do not', () => {
    expect(overlaps({ validFrom: '2026-01-01', validTo: null }, { validFrom: '2025-01-01', validTo: '2025-12-31' })).toBe(false);
    expect(overlaps({ validFrom: '2025-12-31', validTo: null }, { validFrom: '2025-01-01', validTo: '2025-12-31' })).toBe(true);
    expect(overlaps({ validFrom: '2030-01-01', validTo: null }, { validFrom: '2026-01-01', validTo: null })).toBe(true);
    expect(overlaps({ validFrom: '2020-01-01', validTo: '2020-01-31' }, { validFrom: '2020-02-01', validTo: null })).toBe(false);
  });

  it('labels a VAT rate with the figure in force unless its name says it', () => {
    expect(taxRateLabel('VAT', 'vat', '7.00')).toBe('VAT 7 %');
    expect(taxRateLabel('VAT reduced', 'vat', '8.50')).toBe('VAT reduced 8.5 %');
    expect(taxRateLabel('VAT 7%', 'vat', '7.00')).toBe('VAT 7%');
    expect(taxRateLabel('VAT 17%', 'vat', '7.00')).toBe('VAT 17% 7 %');
    expect(taxRateLabel('Без НДС', 'exempt', '0.00')).toBe('Без НДС');
    expect(taxRateLabel('VAT', 'vat', null)).toBe('VAT');
  });
});
