import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireActor } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { can } from '@/server/access/permissions';
import { orNotFound } from '@/server/not-found';
import { getOpportunity } from '@/server/opportunities/queries';
import { orderDefaults } from '@/server/orders';
import { isUuid } from '@/server/validation';
import { createOrderAction } from '../actions';
import { OrderForm } from '../order-form';
import { quoteFormOptions } from '../../quotations/form-data';
import { CustomerChooser } from '../../quotations/customer-chooser';

export async function generateMetadata() {
  return { title: (await getTranslations('orders'))('new') };
}

/** A new order for a deal (?opportunity=) or a customer (?customer=); without either, pick a customer first. */
export default async function NewOrderPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requireActor();
  if (!can(actor, 'order.manage')) notFound();
  const t = await getTranslations('orders');
  const sp = await searchParams;
  const db = await getDb();
  const deal = sp.opportunity && isUuid(sp.opportunity) ? await orNotFound(getOpportunity(db, actor, sp.opportunity)) : null;
  const customerId = deal?.customerId ?? (sp.customer && isUuid(sp.customer) ? sp.customer : null);
  if (!customerId) {
    return (
      <div className="space-y-4">
        <h1 className="h1">{t('new')}</h1>
        <p>{t('chooseCustomer')}</p>
        <CustomerChooser actor={actor} query={sp.q ?? ''} pick={(id) => <Link className="btn-secondary" href={`/orders/new?customer=${id}`}>{t('orderFor')}</Link>} />
      </div>
    );
  }
  const options = await orNotFound(quoteFormOptions(actor, customerId));
  const defaults = await orderDefaults(db, actor);
  const primary = options.customer.contacts.find((c) => c.isPrimary) ?? options.customer.contacts[0];
  const ownerId = deal && options.owners.some((o) => o.value === deal.ownerId) ? deal.ownerId : actor.id;
  return (
    <div className="space-y-4">
      <h1 className="h1">{t('new')}</h1>
      <p className="text-sm text-slate-600">{deal ? t('fromDeal', { title: deal.title }) : t('forCustomer', { name: options.customer.name })}</p>
      <OrderForm
        action={createOrderAction}
        submitLabel={t('save')}
        contacts={options.contacts}
        owners={options.owners}
        rates={options.rates}
        values={{
          customerId, customerName: options.customer.name, opportunityId: deal?.id ?? null, dealTitle: deal?.title ?? null,
          contactId: deal?.contactId ?? primary?.id ?? null, ownerId, language: actor.org.locale, orderDate: defaults.orderDate, customerReference: '',
          terms: defaults.terms, notes: '', currency: deal?.currency ?? options.currency ?? actor.org.currency,
          pricesIncludeTax: options.pricesIncludeTax, discountKind: 'percent', discountValue: '0', lines: [],
        }}
      />
    </div>
  );
}
