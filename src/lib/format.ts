import { INTL_TAG } from './locale';
import type { Locale } from '@/server/i18n/locales';

/**
 * Formats a decimal amount given as a string. Intl accepts the string as an exact decimal, so no
 * float ever stands between the database and the screen. VND shows no minor unit.
 */
export function formatMoney(amount: string, currency: string, locale: Locale): string {
  return new Intl.NumberFormat(INTL_TAG[locale], { style: 'currency', currency }).format(amount as unknown as number);
}

export function formatNumber(value: number | string, locale: Locale): string {
  return new Intl.NumberFormat(INTL_TAG[locale]).format(value as number);
}

export function formatDate(d: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(INTL_TAG[locale], { dateStyle: 'medium', timeZone }).format(d);
}

export function formatDateTime(d: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(INTL_TAG[locale], { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(d);
}
