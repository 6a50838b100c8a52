import { getTranslations } from 'next-intl/server';
import { requireVerb } from '../../guard';
import { getDb } from '@/server/db/client';
import { getCustomer } from '@/server/customers/queries';
import { orNotFound } from '@/server/not-found';
import { isUuid } from '@/server/validation';
import { DealForm } from '../deal-form';
import { dealPickers } from '../pickers';
import { createOpportunityAction } from '../actions';

export async function generateMetadata() {
  return { title: (await getTranslations('deals'))('new') };
}

export default async function NewDealPage({ searchParams }: { searchParams: Promise<{ customerId?: string }> }) {
  const actor = await requireVerb('opportunity.create');
  const { customerId } = await searchParams;
  const t = await getTranslations('deals');
  const customer = customerId && isUuid(customerId) ? await orNotFound(getCustomer(await getDb(), actor, customerId)) : null;
  const pickers = await dealPickers(actor);
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="h1">{t('new')}</h1>
      <div className="card">
        <DealForm
          action={createOpportunityAction}
          submitLabel={t('create')}
          pipelines={pickers.pipelines}
          owners={pickers.owners}
          contacts={customer ? customer.contacts.map((c) => ({ value: c.id, label: c.name })) : []}
          values={{ title: '', customer: customer ? { id: customer.id, name: customer.name } : undefined, contactId: customer?.contacts.find((c) => c.isPrimary)?.id ?? null, amount: '', currency: actor.org.currency, expectedCloseDate: null, probability: null, source: '', description: '', ownerId: actor.id }}
        />
      </div>
    </div>
  );
}
