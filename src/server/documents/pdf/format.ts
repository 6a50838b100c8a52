import { minorUnits } from '../totals';

const TAGS: Record<string, string> = { en: 'en-US', th: 'th-TH', vi: 'vi-VN', ru: 'ru-RU' };
export const intlTag = (language: string) => TAGS[language] ?? 'en-US';

/**
 * A decimal string as money in the document's language, exactly: Intl formats the string as a
 * decimal (no float), with the currency's minor digits (none for VND).
 */
export function formatAmount(amount: string, currency: string, language: string, withSymbol = false): string {
  const digits = minorUnits(currency);
  const opts: Intl.NumberFormatOptions = withSymbol
    ? { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }
    : { minimumFractionDigits: digits, maximumFractionDigits: digits };
  return new Intl.NumberFormat(intlTag(language), opts).format(amount as unknown as number);
}

/** A quantity as typed (up to four decimals), grouped the local way. */
export function formatQuantity(q: string, language: string): string {
  return new Intl.NumberFormat(intlTag(language), { maximumFractionDigits: 4 }).format(q as unknown as number);
}

/** 'YYYY-MM-DD' as a local date; Thai documents show the Buddhist era, as Thai readers expect. */
export function formatDay(day: string, language: string): string {
  return new Intl.DateTimeFormat(intlTag(language), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** An instant (ISO) as a local date and time in the organization's time zone; Thai in the Buddhist era. */
export function formatDateTime(iso: string, language: string, timeZone: string): string {
  return new Intl.DateTimeFormat(intlTag(language), { dateStyle: 'long', timeStyle: 'short', timeZone }).format(new Date(iso));
}
