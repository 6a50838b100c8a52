import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatDate, formatMoney } from '@/lib/format';
import type { Locale } from '@/server/i18n/locales';
import type { OrderStatus } from '@/server/orders/schemas';
import { OrderStatusBadge } from './status-badge';

type Row = { id: string; number: string | null; status: OrderStatus; orderDate: string; customerReference: string; currency: string; grandTotal: string; customerName: string; ownerName: string };

/** Orders as a list: number (or draft), customer, total, date and PO number, status. Used by the list, customers and deals. */
export async function OrderRows({ rows, showCustomer = true }: { rows: Row[]; showCustomer?: boolean }) {
  const t = await getTranslations('orders');
  const locale = (await getLocale()) as Locale;
  return (
    <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white" data-testid="order-list">
      {rows.map((r) => (
        <li key={r.id} className="grid gap-1 px-4 py-3 sm:grid-cols-5 sm:items-center">
          <Link href={`/orders/${r.id}`} className="link font-medium">{r.number ?? t('draftNumber')}</Link>
          <span className="text-sm">{showCustomer ? r.customerName : r.ownerName}</span>
          <span className="text-sm sm:text-right">{formatMoney(r.grandTotal, r.currency, locale)}</span>
          <span className="text-sm text-slate-600">
            {formatDate(new Date(`${r.orderDate}T00:00:00Z`), locale, 'UTC')}
            {r.customerReference ? <> · <span className="[overflow-wrap:anywhere]">{r.customerReference}</span></> : null}
          </span>
          <span><OrderStatusBadge status={r.status} /></span>
        </li>
      ))}
    </ul>
  );
}
