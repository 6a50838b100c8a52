import { getTranslations } from 'next-intl/server';
import { requireVerb } from '../../../guard';
import { getDb } from '@/server/db/client';
import { getCustomer } from '@/server/customers/queries';
import { orNotFound } from '@/server/not-found';
import { CustomerForm } from '../../customer-form';
import { customerPickers } from '../../pickers';
import { updateCustomerAction } from '../../actions';

export default async function EditCustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireVerb('customer.edit');
  const customer = await orNotFound(getCustomer(await getDb(), actor, id));
  const t = await getTranslations('customers');
  const pickers = await customerPickers(actor);
  // Keep the current owner and territory selectable even when the editor could not pick them anew.
  if (!pickers.owners.some((o) => o.value === customer.ownerId)) pickers.owners.unshift({ value: customer.ownerId, label: customer.ownerName });
  if (customer.territoryId && !pickers.territories.some((o) => o.value === customer.territoryId)) {
    pickers.territories.unshift({ value: customer.territoryId, label: customer.territoryName ?? '' });
  }
  return (
    <div className="space-y-4">
      <h1 className="h1">{t('edit', { name: customer.name })}</h1>
      <div className="card">
        <CustomerForm action={updateCustomerAction} submitLabel={t('save')} {...pickers} values={customer} />
      </div>
    </div>
  );
}
