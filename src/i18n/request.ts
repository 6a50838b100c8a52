import { getRequestConfig } from 'next-intl/server';
import { cookies, headers } from 'next/headers';
import { getActor } from '@/server/auth/session';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@/server/i18n/locales';
import { loadMessages } from '@/messages';
import { LOCALE_COOKIE, pickFromAcceptLanguage } from '@/lib/locale';

/** A signed-in user's saved language wins; before sign-in, a cookie, then the browser's languages. */
export default getRequestConfig(async () => {
  const actor = await getActor().catch(() => null);
  let locale: Locale = DEFAULT_LOCALE;
  if (actor && isLocale(actor.locale)) locale = actor.locale;
  else {
    const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
    locale = isLocale(fromCookie) ? fromCookie : pickFromAcceptLanguage((await headers()).get('accept-language'));
  }
  return {
    locale,
    messages: await loadMessages(locale),
    timeZone: actor?.org.timeZone ?? 'Asia/Bangkok',
  };
});
