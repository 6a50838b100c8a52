import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireActor } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { countCustomers } from '@/server/customers/queries';
import { formatNumber } from '@/lib/format';
import type { Locale } from '@/server/i18n/locales';

export default async function HomePage() {
  const actor = await requireActor();
  const t = await getTranslations('home');
  const locale = (await getLocale()) as Locale;
  const customers = await countCustomers(await getDb(), actor);
  return (
    <div className="space-y-6">
      <h1 className="h1">{t('welcome', { name: actor.name })}</h1>
      <div className="grid gap-4 sm:grid-cols-3">
        <Link href="/customers" className="card block hover:border-indigo-300">
          <p className="text-sm text-slate-500">{t('customersInScope')}</p>
          <p className="mt-1 text-3xl font-semibold" data-testid="customer-count">
            {formatNumber(customers, locale)}
          </p>
        </Link>
        <div className="card">
          <p className="text-sm text-slate-500">{t('scope')}</p>
          <p className="mt-1 text-sm">{t(`scopeText.${actor.role}`)}</p>
        </div>
      </div>
    </div>
  );
}
