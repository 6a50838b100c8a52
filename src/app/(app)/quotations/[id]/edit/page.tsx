import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireActor } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { can } from '@/server/access/permissions';
import { orNotFound } from '@/server/not-found';
import { displayNumber, getQuotation, trimZeros } from '@/server/quotations';
import { updateQuotationAction } from '../../actions';
import { QuoteForm } from '../../quote-form';
import { quoteFormOptions } from '../../form-data';

export async function generateMetadata() {
  return { title: (await getTranslations('quotations'))('editTitle') };
}

export default async function EditQuotationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const db = await getDb();
  const q = await orNotFound(getQuotation(db, actor, id));
  if (q.status !== 'draft' || !can(actor, 'quotation.edit')) notFound();
  const t = await getTranslations('quotations');
  const options = await orNotFound(quoteFormOptions(actor, q.customerId));
  const owners = options.owners.some((o) => o.value === q.ownerId) ? options.owners : [{ value: q.ownerId, label: q.ownerName }, ...options.owners];
  return (
    <div className="space-y-4">
      <h1 className="h1">{t('editTitle')} {displayNumber(q) ?? ''}</h1>
      <QuoteForm
        action={updateQuotationAction}
        submitLabel={t('save')}
        contacts={options.contacts}
        owners={owners}
        rates={options.rates}
        values={{
          id: q.id, version: q.version, customerId: q.customerId, customerName: q.customerName, opportunityId: q.opportunityId, dealTitle: q.dealTitle,
          contactId: q.contactId, ownerId: q.ownerId, language: q.language, validUntil: q.validUntil, terms: q.terms, notes: q.notes,
          currency: q.currency, pricesIncludeTax: q.pricesIncludeTax, discountKind: q.discountKind, discountValue: trimZeros(q.discountValue),
          lines: q.lines.map((l) => ({
            key: l.id, productId: l.productId ?? '', code: l.productCode, description: l.description, unit: l.unit, quantity: trimZeros(l.quantity),
            unitPrice: trimZeros(l.unitPrice), discountKind: l.discountKind, discountValue: trimZeros(l.discountValue), taxRateId: l.taxRateId ?? '',
            priceToConfirm: l.priceToConfirm,
          })),
        }}
      />
    </div>
  );
}
