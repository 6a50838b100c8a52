'use client';

import { useTranslations } from 'next-intl';

/**
 * "available: N" for a stock-tracking product (nothing when unknown), in a warning colour when the
 * quantity asked for is more than is available. A shortage is only a warning here: the organization
 * decides whether it blocks confirming the order.
 */
export function AvailableHint({ available, quantity }: { available?: string | null; quantity?: string }) {
  const t = useTranslations('stock');
  if (available == null || available === '') return null;
  const q = Number(String(quantity ?? '').trim().replace(/[\s\u00a0_]/g, '').replace(/^(\d+),(\d+)$/, '$1.$2').replace(/,/g, ''));
  const short = quantity !== undefined && Number.isFinite(q) && q > Number(available);
  return (
    <span className={`text-xs ${short ? 'font-semibold text-amber-700' : 'text-slate-500'}`} data-testid="available-hint" data-short={short ? 'true' : undefined}>
      {t('availableN', { n: available })}
    </span>
  );
}
