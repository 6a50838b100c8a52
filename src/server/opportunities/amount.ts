/**
 * Reads an amount typed by a person into a plain decimal string ("1234.50"), or returns an error key.
 * Accepts spaces and thousands commas ("1,200,000.50", "1 200 000"), and a decimal comma as written
 * in Russian or Vietnamese ("1200,5"). Never goes through a float.
 */
export function parseAmount(raw: string, currency: string): { value: string } | { error: string } {
  let s = raw.trim().replace(/[\s\u00a0\u202f_]/g, '');
  if (s === '') return { value: '0' };
  if (s.startsWith('-')) return { error: 'negativeAmount' };
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  // Dots as thousands separators only where a dot cannot be a decimal point (VND has no minor unit).
  else if (currency === 'VND' && /^\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, '');
  else if (/^\d+,\d{1,2}$/.test(s)) s = s.replace(',', '.');
  const m = /^(\d{1,16})(?:\.(\d+))?$/.exec(s);
  if (!m) return { error: 'invalidAmount' };
  const decimals = currency === 'VND' ? 0 : 2;
  const frac = (m[2] ?? '').replace(/0+$/, '');
  if (frac.length > decimals) return { error: decimals === 0 ? 'noDecimalsForCurrency' : 'tooManyDecimals' };
  const int = m[1].replace(/^0+(?=\d)/, '');
  return { value: frac ? `${int}.${frac}` : int };
}
