import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/server/db/client';
import type { Actor } from '@/server/access/actor';
import { can } from '@/server/access/permissions';
import { quotationsOf } from '@/server/quotations';
import { QuotationRows } from '@/app/(app)/quotations/rows';

/** Every version of every quotation of a customer or a deal, with a button to start a new one. */
export async function QuotationsPanel({ actor, parent }: { actor: Actor; parent: { customerId: string } | { opportunityId: string } }) {
  const t = await getTranslations('quotations');
  const rows = await quotationsOf(await getDb(), actor, parent);
  const href = 'customerId' in parent ? `/quotations/new?customer=${parent.customerId}` : `/quotations/new?opportunity=${parent.opportunityId}`;
  return (
    <section className="space-y-2" data-testid="quotations-panel">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-lg font-semibold">{t('panelTitle')}</h2>
        {can(actor, 'quotation.create') ? <Link className="btn-secondary" href={href}>{t('new')}</Link> : null}
      </div>
      {rows.length ? <QuotationRows rows={rows} showCustomer={'opportunityId' in parent} /> : <p className="card text-sm text-slate-600">{t('none')}</p>}
    </section>
  );
}
