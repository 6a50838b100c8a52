import { getTranslations } from 'next-intl/server';
import { requireVerb } from '../../../guard';
import { getDb } from '@/server/db/client';
import { getOpportunity } from '@/server/opportunities/queries';
import { getCustomer } from '@/server/customers/queries';
import { orNotFound } from '@/server/not-found';
import { DealForm } from '../../deal-form';
import { dealPickers } from '../../pickers';
import { updateOpportunityAction } from '../../actions';

export default async function EditDealPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireVerb('opportunity.edit');
  const db = await getDb();
  const deal = await orNotFound(getOpportunity(db, actor, id));
  const customer = await orNotFound(getCustomer(db, actor, deal.customerId));
  const t = await getTranslations('deals');
  const pickers = await dealPickers(actor);
  if (!pickers.owners.some((o) => o.value === deal.ownerId)) pickers.owners.unshift({ value: deal.ownerId, label: deal.ownerName });
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="h1">{t('edit', { title: deal.title })}</h1>
      <div className="card">
        <DealForm
          action={updateOpportunityAction}
          submitLabel={t('save')}
          pipelines={pickers.pipelines}
          owners={pickers.owners}
          contacts={customer.contacts.map((c) => ({ value: c.id, label: c.name }))}
          values={{ ...deal, customer: { id: customer.id, name: customer.name } }}
        />
      </div>
    </div>
  );
}
