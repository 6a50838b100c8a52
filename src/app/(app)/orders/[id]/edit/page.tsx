import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireActor } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { can } from '@/server/access/permissions';
import { orNotFound } from '@/server/not-found';
import { getOrder } from '@/server/orders';
import { trimZeros } from '@/server/quotations';
import { updateOrderAction } from '../../actions';
import { OrderForm } from '../../order-form';
import { quoteFormOptions } from '../../../quotations/form-data';

export async function generateMetadata() {
  return { title: (await getTranslations('orders'))('editTitle') };
}

/** Only a draft is edited (a confirmed order is a posted document). */
export default async function EditOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const db = await getDb();
  const o = await orNotFound(getOrder(db, actor, id));
  if (o.status !== 'draft' || !can(actor, 'order.manage')) notFound();
  const t = await getTranslations('orders');
  const options = await orNotFound(quoteFormOptions(actor, o.customerId));
  const owners = options.owners.some((u) => u.value === o.ownerId) ? options.owners : [{ value: o.ownerId, label: o.ownerName }, ...options.owners];
  return (
    <div className="space-y-4">
      <h1 className="h1">{t('editTitle')}</h1>
      {o.quotationNumber ? <p className="text-sm text-slate-600">{t('quotation')}: {o.quotationNumber}</p> : null}
      <OrderForm
        action={updateOrderAction}
        submitLabel={t('save')}
        contacts={options.contacts}
        owners={owners}
        rates={options.rates}
        values={{
          id: o.id, version: o.version, customerId: o.customerId, customerName: o.customerName, opportunityId: o.opportunityId, dealTitle: o.dealTitle,
          contactId: o.contactId, ownerId: o.ownerId, language: o.language, orderDate: o.orderDate, customerReference: o.customerReference,
          terms: o.terms, notes: o.notes, currency: o.currency, pricesIncludeTax: o.pricesIncludeTax, discountKind: o.discountKind, discountValue: trimZeros(o.discountValue),
          lines: o.lines.map((l) => ({
            key: l.id, productId: l.productId ?? '', code: l.productCode, description: l.description, unit: l.unit, quantity: trimZeros(l.quantity),
            unitPrice: trimZeros(l.unitPrice), discountKind: l.discountKind, discountValue: trimZeros(l.discountValue), taxRateId: l.taxRateId ?? '',
            priceToConfirm: false,
          })),
        }}
      />
    </div>
  );
}
