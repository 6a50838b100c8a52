import { describe, expect, it } from 'vitest';
import { isValidThaiTaxId } from './tax-id';

describe('Thai tax ID check digit', () => {
  it('accepts real-format IDs whose 13th digit is the check digit, typed grouped or not', () => {
    // Check digits computed by hand: sum of d_i x (14 - i), (11 - sum mod 11) mod 10.
    for (const id of ['0105551234567', '3101234567893', '0994000159803', '1234567890121', '0-1055-51234-56-7', '3 1012 34567 89 3']) {
      expect(isValidThaiTaxId(id), id).toBe(true);
    }
  });

  it('refuses a wrong check digit, a wrong length and letters', () => {
    for (const id of ['0105551234568', '3101234567890', '1234567890123', '010555123456', '01055512345670', '010555123456X', '', 'ABCDEFGHIJKLM']) {
      expect(isValidThaiTaxId(id), id).toBe(false);
    }
  });
});
