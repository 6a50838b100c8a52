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

/** `linkRevoked`: a sent quotation whose customer link was revoked says so in its badge. */
export async function StatusBadge({ status, linkRevoked = false }: { status: QuotationStatus; linkRevoked?: boolean }) {
  const t = await getTranslations('quotations');
  if (linkRevoked) {
    const ts = await getTranslations('quoteSend');
    return <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800" data-testid="quote-status">{t(`status.${status}`)} · {ts('linkRevokedBadge')}</span>;
  }
  return <span className={`rounded px-2 py-0.5 text-xs font-medium ${COLORS[status]}`} data-testid="quote-status">{t(`status.${status}`)}</span>;
}
