/**
 * The digits to look for when someone searches by phone: formatting dropped, and the country code
 * (after a +) or the trunk 0 removed, so "+66 81-234", "081 234" and "81234" all find +66 81 234 5678.
 * Returns null when the query has too few digits to be a phone search.
 */
export function phoneSearchDigits(query: string): string | null {
  const trimmed = query.trim();
  let digits = trimmed.replace(/\D/g, '');
  if (digits.length < 4 || /[^\d\s+()\-./]/.test(trimmed)) return null;
  if (trimmed.startsWith('+')) digits = digits.replace(/^(66|84|7)/, '');
  else digits = digits.replace(/^0/, '');
  return digits.length >= 3 ? digits : null;
}
