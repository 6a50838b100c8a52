import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { FileCheck2 } from 'lucide-react';
import type { Actor } from '@/server/access/actor';
import type { FinanceHome } from '@/server/home/finance';
import type { Locale } from '@/server/i18n/locales';
import { formatDate } from '@/lib/format';
import { displayNumber } from '@/server/quotations';
import { Block, Empty, Money, Totals } from './ui';

/** Finance: accepted quotations that still wait for their sales order. */
export async function FinanceBlocks({ actor, data, locale }: { actor: Actor; data: FinanceHome; locale: Locale }) {
  const t = await getTranslations('home.finance');
  const { accepted } = data;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Block title={t('accepted')} icon={FileCheck2} testId="home-accepted" footer={accepted.count ? { href: '/quotations?status=accepted', label: t('allAccepted') } : null}>
        {accepted.count === 0 ? <Empty>{t('acceptedEmpty')}</Empty> : (
          <>
            <div className="rounded-md bg-emerald-50 px-3 py-2">
              <p className="text-sm text-slate-700">{t('acceptedCount', { count: accepted.count })}</p>
              <div className="text-lg font-semibold" data-testid="home-accepted-total">
                <Totals items={accepted.totals} locale={locale} orgCurrency={actor.org.currency} />
              </div>
            </div>
            <ul className="divide-y divide-slate-100">
              {accepted.rows.map((q) => (
                <li key={q.id} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5 py-2">
                  <div className="min-w-0">
                    <Link href={`/quotations/${q.id}`} className="link font-medium">{displayNumber(q) ?? '—'}</Link>
                    <p className="text-sm text-slate-600 [overflow-wrap:anywhere]">
                      <Link href={`/customers/${q.customerId}`} className="hover:underline">{q.customerName}</Link>
                      {q.acceptedAt ? ` · ${t('acceptedOn', { date: formatDate(q.acceptedAt, locale, actor.org.timeZone) })}` : ''}
                    </p>
                  </div>
                  <span className="text-sm font-medium"><Money amount={q.grandTotal} currency={q.currency} locale={locale} /></span>
                </li>
              ))}
            </ul>
          </>
        )}
      </Block>
    </div>
  );
}
