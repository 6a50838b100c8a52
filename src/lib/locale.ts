import { DEFAULT_LOCALE, LOCALES, type Locale } from '@/server/i18n/locales';

export const LOCALE_COOKIE = 'locale';

export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', th: 'ไทย', vi: 'Tiếng Việt', ru: 'Русский' };

/** BCP 47 tags for Intl: Thai dates in the Buddhist era are expected by Thai readers. */
export const INTL_TAG: Record<Locale, string> = { en: 'en-GB', th: 'th-TH', vi: 'vi-VN', ru: 'ru-RU' };

export function pickFromAcceptLanguage(header: string | null): Locale {
  if (!header) return DEFAULT_LOCALE;
  for (const part of header.split(',')) {
    const tag = part.split(';')[0]!.trim().slice(0, 2).toLowerCase();
    if ((LOCALES as readonly string[]).includes(tag)) return tag as Locale;
  }
  return DEFAULT_LOCALE;
}
