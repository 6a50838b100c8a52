/**
 * Pure rules about dated tax rates: which period is in force on a date, whether two periods
 * overlap, and how a rate is labelled. Dates are 'YYYY-MM-DD' strings, which compare as text.
 */
export type Period = { rate: string; validFrom: string; validTo: string | null };

/** The period in force on a date, or undefined when the rate has none then. */
export function rateOn<P extends Period>(periods: readonly P[], date: string): P | undefined {
  return periods.find((p) => p.validFrom <= date && (p.validTo === null || date <= p.validTo));
}

/** True when two periods share at least one day; an open end runs forever. */
export function overlaps(a: Pick<Period, 'validFrom' | 'validTo'>, b: Pick<Period, 'validFrom' | 'validTo'>): boolean {
  return a.validFrom <= (b.validTo ?? '9999-12-31') && b.validFrom <= (a.validTo ?? '9999-12-31');
}

/** '7.00' -> '7', '8.50' -> '8.5'. */
export const plainRate = (r: string) => (r.includes('.') ? r.replace(/0+$/, '').replace(/\.$/, '') : r);

/**
 * What a form or a document shows for a rate: its name with the figure in force ("VAT 7 %"), unless
 * the name already says it or the rate is zero-rated or exempt.
 */
export function taxRateLabel(name: string, kind: 'vat' | 'zero' | 'exempt', rate: string | null | undefined): string {
  if (kind !== 'vat' || rate == null) return name;
  const figure = plainRate(rate);
  return new RegExp(`(^|[^0-9.,])${figure.replace('.', '[.,]')}\\s?%`).test(name) ? name : `${name} ${figure} %`;
}
