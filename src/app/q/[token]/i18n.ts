import 'server-only';
import { createTranslator } from 'use-intl/core';
import { loadMessages } from '@/messages';
import { isLocale, type Locale } from '@/server/i18n/locales';

/** The customer's page speaks the quotation's language, whatever the browser says. */
export async function quoteTranslator(language: string) {
  const locale: Locale = isLocale(language) ? language : 'en';
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages, namespace: 'publicQuote' } as never) as unknown as (key: string, values?: Record<string, string>) => string;
  const tq = createTranslator({ locale, messages, namespace: 'quotations' } as never) as unknown as (key: string, values?: Record<string, string>) => string;
  return { locale, t, tq };
}
