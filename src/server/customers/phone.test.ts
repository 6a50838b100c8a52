import { describe, expect, it } from 'vitest';
import { phoneSearchDigits } from './phone';

describe('phoneSearchDigits', () => {
  it.each([
    ['081-234-5678', '812345678'],
    ['+66 81 234 5678', '812345678'],
    ['(02) 103 1111', '21031111'],
    ['+84 912 345 678', '912345678'],
    ['+7 912 345-67-89', '9123456789'],
    ['81234', '81234'],
  ])('%s -> %s', (q, want) => {
    expect(phoneSearchDigits(q)).toBe(want);
  });
  it('is not a phone search for words or short numbers', () => {
    expect(phoneSearchDigits('Silom 12345')).toBeNull();
    expect(phoneSearchDigits('12')).toBeNull();
  });
});
