import type { Locale } from '@/server/i18n/locales';

/** Namespaces, one JSON file per area and language, so areas can grow without stepping on each other. */
export const NAMESPACES = ['common', 'admin', 'deals', 'activities', 'search', 'tasks', 'files', 'quotes', 'auth', 'home', 'deliveries', 'orders'] as const;

export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const parts = await Promise.all(NAMESPACES.map(async (ns) => (await import(`./${locale}/${ns}.json`)).default as Record<string, unknown>));
  return Object.assign({}, ...parts);
}
