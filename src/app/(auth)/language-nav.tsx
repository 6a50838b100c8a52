import { getLocale, getTranslations } from 'next-intl/server';
import { LOCALES } from '@/server/i18n/locales';
import { LOCALE_NAMES } from '@/lib/locale';
import { chooseLanguage } from './signin/actions';

/** The language before sign-in (kept in a cookie), for the pages a signed-out person sees. */
export async function LanguageNav() {
  const t = await getTranslations('signIn');
  const current = await getLocale();
  return (
    <nav aria-label={t('language')} className="flex flex-wrap gap-2 text-sm">
      {LOCALES.map((l) => (
        <form key={l} action={chooseLanguage}>
          <input type="hidden" name="locale" value={l} />
          <button type="submit" lang={l} aria-current={l === current ? 'true' : undefined} className={l === current ? 'font-semibold text-indigo-700' : 'text-slate-600 hover:underline'}>
            {LOCALE_NAMES[l]}
          </button>
        </form>
      ))}
    </nav>
  );
}
