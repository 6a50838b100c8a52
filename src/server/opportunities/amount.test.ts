import { describe, expect, it } from 'vitest';
import { parseAmount } from './amount';

describe('parseAmount', () => {
  it.each([
    ['1200000', 'THB', '1200000'],
    ['1,200,000.50', 'THB', '1200000.5'],
    ['1 200 000,75', 'RUB', '1200000.75'],
    ['1.200.000', 'VND', '1200000'],
    ['0012.10', 'THB', '12.1'],
    ['', 'THB', '0'],
    ['99999999999999.99', 'THB', '99999999999999.99'],
  ])('%s %s -> %s', (raw, cur, want) => {
    expect(parseAmount(raw, cur)).toEqual({ value: want });
  });
  it.each([
    ['-5', 'THB', 'negativeAmount'],
    ['abc', 'THB', 'invalidAmount'],
    ['1.234', 'THB', 'tooManyDecimals'],
    ['1000.5', 'VND', 'noDecimalsForCurrency'],
    ['1e6', 'THB', 'invalidAmount'],
  ])('%s %s -> %s', (raw, cur, err) => {
    expect(parseAmount(raw, cur)).toEqual({ error: err });
  });
});
