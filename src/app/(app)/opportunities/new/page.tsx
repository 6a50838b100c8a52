import { getTranslations } from 'next-intl/server';
import { requireVerb } from '../../guard';
import { getDb } from '@/server/db/client';
import { getCustomer } from '@/server/customers/queries';
import { orNotFound } from '@/server/not-found';
import { isUuid } from '@/server/validation';
import { DealForm } from '../deal-form';
import { dealPickers } from '../pickers';
import { createOpportunityAction } from '../actions';
import { customerPickers } from '../../customers/pickers';
import { ownTerritoryId } from '@/server/opportunities/new-customer';

export async function generateMetadata() {
  return { title: (await getTranslations('deals'))('new') };
}

export default async function NewDealPage({ searchParams }: { searchParams: Promise<{ customerId?: string }> }) {
  const actor = await requireVerb('opportunity.create');
  const { customerId } = await searchParams;
  const t = await getTranslations('deals');
  const customer = customerId && isUuid(customerId) ? await orNotFound(getCustomer(await getDb(), actor, customerId)) : null;
  const pickers = await dealPickers(actor);
  // A customer typed in goes to the rep's own territory unless they choose another.
  const newCustomer = customer ? undefined : { territories: (await customerPickers(actor)).territories, territoryId: actor.seesAll ? null : await ownTerritoryId(await getDb(), actor) };
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="h1">{t('new')}</h1>
      <div className="card">
        <DealForm
          action={createOpportunityAction}
          submitLabel={t('create')}
          pipelines={pickers.pipelines}
          owners={pickers.owners}
          newCustomer={newCustomer}
          contacts={customer ? customer.contacts.map((c) => ({ value: c.id, label: c.name })) : []}
          values={{ title: '', customer: customer ? { id: customer.id, name: customer.name } : undefined, contactId: customer?.contacts.find((c) => c.isPrimary)?.id ?? null, amount: '', currency: actor.org.currency, expectedCloseDate: null, probability: null, source: '', description: '', ownerId: actor.id }}
        />
      </div>
    </div>
  );
}
