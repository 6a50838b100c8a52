import { getTranslations } from 'next-intl/server';
import type { QuotationStatus } from '@/server/quotations/schemas';

const COLORS: Record<QuotationStatus, string> = {
  draft: 'bg-slate-100 text-slate-700',
  sent: 'bg-blue-100 text-blue-800',
  accepted: 'bg-green-100 text-green-800',
  declined: 'bg-red-100 text-red-800',
  expired: 'bg-amber-100 text-amber-800',
  revised: 'bg-slate-100 text-slate-500',
};

export async function StatusBadge({ status }: { status: QuotationStatus }) {
  const t = await getTranslations('quotations');
  return <span className={`rounded px-2 py-0.5 text-xs font-medium ${COLORS[status]}`} data-testid="quote-status">{t(`status.${status}`)}</span>;
}
