import { getLocale, getTranslations } from 'next-intl/server';
import { requireActor } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { homeFor } from '@/server/home';
import type { Locale } from '@/server/i18n/locales';
import { RepBlocks } from './_home/rep';
import { TeamBlocks } from './_home/team';
import { FinanceBlocks } from './_home/finance';
import { formatDay } from './_home/ui';

/** The home page per role (issue 11): a rep's day, a manager's team, finance's orders to make. */
export default async function HomePage() {
  const actor = await requireActor();
  const t = await getTranslations('home');
  const locale = (await getLocale()) as Locale;
  const home = await homeFor(await getDb(), actor);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="h1">{t('welcome', { name: actor.name })}</h1>
        <p className="text-sm text-slate-600">{t('today', { date: formatDay(home.data.today, locale, 'full') })}</p>
      </div>
      {home.kind === 'rep' ? <RepBlocks actor={actor} data={home.data} locale={locale} /> : null}
      {home.kind === 'team' ? <TeamBlocks actor={actor} data={home.data} locale={locale} /> : null}
      {home.kind === 'finance' ? <FinanceBlocks actor={actor} data={home.data} locale={locale} /> : null}
    </div>
  );
}
