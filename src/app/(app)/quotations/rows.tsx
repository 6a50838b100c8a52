import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatDate, formatMoney } from '@/lib/format';
import type { Locale } from '@/server/i18n/locales';
import { displayNumber, type QuotationStatus } from '@/server/quotations';
import { StatusBadge } from './status-badge';

type Row = {
  id: string; number: string | null; revision: number; status: QuotationStatus; validUntil: string; currency: string; grandTotal: string;
  customerName: string; ownerName: string; awaitingApproval?: boolean;
};

/** Quotations as a list: number (or draft), customer, total, validity, status. Used by the list, customers and deals. */
export async function QuotationRows({ rows, showCustomer = true }: { rows: Row[]; showCustomer?: boolean }) {
  const t = await getTranslations('quotations');
  const locale = (await getLocale()) as Locale;
  return (
    <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white" data-testid="quote-list">
      {rows.map((r) => (
        <li key={r.id} className="grid gap-1 px-4 py-3 sm:grid-cols-5 sm:items-center">
          <Link href={`/quotations/${r.id}`} className="link font-medium">
            {displayNumber(r) ?? t('draftNumber')}{!r.number && r.revision > 1 ? ` v${r.revision}` : ''}
          </Link>
          <span className="text-sm sm:col-span-1">{showCustomer ? r.customerName : r.ownerName}</span>
          <span className="text-sm sm:text-right">{formatMoney(r.grandTotal, r.currency, locale)}</span>
          <span className="text-sm text-slate-600">{t('validUntil')}: {formatDate(new Date(`${r.validUntil}T00:00:00Z`), locale, 'UTC')}</span>
          <span className="flex flex-wrap gap-1">
            <StatusBadge status={r.status} />
            {r.awaitingApproval ? <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs text-amber-900" data-testid="awaiting-approval-badge">{t('approval.awaiting')}</span> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}
