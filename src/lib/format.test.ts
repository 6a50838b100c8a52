import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney } from './format';
import { pickFromAcceptLanguage } from './locale';

describe('formatting per locale', () => {
  it('formats THB with two decimals', () => {
    expect(formatMoney('1234567.5', 'THB', 'en')).toBe('THB\u00a01,234,567.50');
  });
  it('shows VND without a minor unit', () => {
    expect(formatMoney('1234567', 'VND', 'vi')).toMatch(/^1\.234\.567\s?₫$/);
  });
  it('groups Russian digits with a no-break space', () => {
    expect(formatMoney('1234567.89', 'RUB', 'ru')).toContain('1\u00a0234\u00a0567,89');
  });
  it('keeps exact decimals beyond float precision', () => {
    expect(formatMoney('12345678901234567.25', 'THB', 'en')).toBe('THB\u00a012,345,678,901,234,567.25');
  });
  it('shows Thai dates in the Buddhist era', () => {
    expect(formatDate(new Date('2026-11-24T03:00:00Z'), 'th', 'Asia/Bangkok')).toContain('2569');
  });
  it('picks a supported language from Accept-Language', () => {
    expect(pickFromAcceptLanguage('fr-FR,ru;q=0.8,en;q=0.5')).toBe('ru');
    expect(pickFromAcceptLanguage('de')).toBe('en');
    expect(pickFromAcceptLanguage(null)).toBe('en');
  });
});
