import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requireActor } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { can } from '@/server/access/permissions';
import { orNotFound } from '@/server/not-found';
import { getOpportunity } from '@/server/opportunities/queries';
import { quotationDefaults } from '@/server/quotations';
import { isUuid } from '@/server/validation';
import { notFound } from 'next/navigation';
import { createQuotationAction } from '../actions';
import { QuoteForm } from '../quote-form';
import { quoteFormOptions } from '../form-data';
import { CustomerChooser } from '../customer-chooser';

export async function generateMetadata() {
  return { title: (await getTranslations('quotations'))('new') };
}

/** A new quotation for a deal (?opportunity=) or a customer (?customer=); without either, pick a customer first. */
export default async function NewQuotationPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requireActor();
  if (!can(actor, 'quotation.create')) notFound();
  const t = await getTranslations('quotations');
  const sp = await searchParams;
  const db = await getDb();
  const deal = sp.opportunity && isUuid(sp.opportunity) ? await orNotFound(getOpportunity(db, actor, sp.opportunity)) : null;
  const customerId = deal?.customerId ?? (sp.customer && isUuid(sp.customer) ? sp.customer : null);
  if (!customerId) {
    return (
      <div className="space-y-4">
        <h1 className="h1">{t('new')}</h1>
        <p>{t('chooseCustomer')}</p>
        <CustomerChooser actor={actor} query={sp.q ?? ''} pick={(id) => <Link className="btn-secondary" href={`/quotations/new?customer=${id}`}>{t('quoteFor')}</Link>} />
      </div>
    );
  }
  const options = await orNotFound(quoteFormOptions(actor, customerId));
  const defaults = await quotationDefaults(db, actor);
  const primary = options.customer.contacts.find((c) => c.isPrimary) ?? options.customer.contacts[0];
  const ownerId = deal && options.owners.some((o) => o.value === deal.ownerId) ? deal.ownerId : actor.id;
  return (
    <div className="space-y-4">
      <h1 className="h1">{t('new')}</h1>
      <p className="text-sm text-slate-600">{deal ? t('fromDeal', { title: deal.title }) : t('forCustomer', { name: options.customer.name })}</p>
      <QuoteForm
        action={createQuotationAction}
        submitLabel={t('save')}
        contacts={options.contacts}
        owners={options.owners}
        rates={options.rates}
        values={{
          customerId, customerName: options.customer.name, opportunityId: deal?.id ?? null, dealTitle: deal?.title ?? null,
          contactId: deal?.contactId ?? primary?.id ?? null, ownerId, language: actor.org.locale,
          validUntil: defaults.validUntil, terms: defaults.terms, notes: '', currency: deal?.currency ?? options.currency ?? actor.org.currency,
          pricesIncludeTax: options.pricesIncludeTax, discountKind: 'percent', discountValue: '0', lines: [],
        }}
      />
    </div>
  );
}
