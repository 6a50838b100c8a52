import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/server/db/client';
import type { Actor } from '@/server/access/actor';
import { can } from '@/server/access/permissions';
import { ordersOf } from '@/server/orders';
import { OrderRows } from '@/app/(app)/orders/rows';

/** The sales orders of a customer or a deal, with a button to make one directly. */
export async function OrdersPanel({ actor, parent }: { actor: Actor; parent: { customerId: string } | { opportunityId: string } }) {
  const t = await getTranslations('orders');
  const rows = await ordersOf(await getDb(), actor, parent);
  const href = 'customerId' in parent ? `/orders/new?customer=${parent.customerId}` : `/orders/new?opportunity=${parent.opportunityId}`;
  return (
    <section className="space-y-2" data-testid="orders-panel">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-lg font-semibold">{t('panelTitle')}</h2>
        {can(actor, 'order.manage') ? <Link className="btn-secondary" href={href}>{t('new')}</Link> : null}
      </div>
      {rows.length ? <OrderRows rows={rows} showCustomer={'opportunityId' in parent} /> : <p className="card text-sm text-slate-600">{t('none')}</p>}
    </section>
  );
}
