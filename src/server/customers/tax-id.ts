/**
 * Thai tax identification numbers (13 digits, the last a check digit over the first twelve):
 * sum = d1*13 + d2*12 + ... + d12*2, check = (11 - sum mod 11) mod 10. People often type them
 * grouped ("0-1055-51234-56-7"), so spaces and dashes are dropped first.
 */
export function thaiTaxIdDigits(raw: string): string {
  return raw.replace(/[\s-]/g, '');
}

export function isValidThaiTaxId(raw: string): boolean {
  const d = thaiTaxIdDigits(raw);
  if (!/^\d{13}$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(d[i]) * (13 - i);
  return (11 - (sum % 11)) % 10 === Number(d[12]);
}
