import { getTranslations } from 'next-intl/server';
import { requireVerb } from '../../guard';
import { CustomerForm } from '../customer-form';
import { customerPickers } from '../pickers';
import { createCustomerAction } from '../actions';

export async function generateMetadata() {
  return { title: (await getTranslations('customers'))('new') };
}

export default async function NewCustomerPage() {
  const actor = await requireVerb('customer.create');
  const t = await getTranslations('customers');
  const pickers = await customerPickers(actor);
  return (
    <div className="space-y-4">
      <h1 className="h1">{t('new')}</h1>
      <div className="card">
        <CustomerForm action={createCustomerAction} submitLabel={t('create')} {...pickers} values={{ name: '', taxId: '', branch: '', phone: '', email: '', address: '', notes: '', territoryId: null, ownerId: actor.id }} />
      </div>
    </div>
  );
}
