import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/forms/action-form';
import { CheckboxField, Hidden, SelectField, TextField } from '@/components/forms/fields';
import { CURRENCIES } from '@/server/organization';
import type { FormState } from '@/lib/form-state';

export type PriceListValues = { id?: string; version?: number; name: string; currency: string; customerGroup: string; pricesIncludeTax: boolean; active: boolean };

export async function PriceListForm({ action, values, submitLabel }: { action: (p: FormState, fd: FormData) => Promise<FormState>; values: PriceListValues; submitLabel: string }) {
  const t = await getTranslations('catalog');
  return (
    <ActionForm action={action} submitLabel={submitLabel} testId="price-list-form">
      {values.id ? <Hidden name="id" value={values.id} /> : null}
      {values.version ? <Hidden name="version" value={values.version} /> : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField name="name" label={t('listName')} defaultValue={values.name} required />
        <SelectField name="currency" label={t('currency')} defaultValue={values.currency} options={CURRENCIES.map((c) => ({ value: c, label: c }))} />
        <TextField name="customerGroup" label={t('customerGroup')} defaultValue={values.customerGroup} hint={t('customerGroupHint')} />
      </div>
      <CheckboxField name="pricesIncludeTax" label={t('listIncludesTax')} defaultChecked={values.pricesIncludeTax} />
      <CheckboxField name="active" label={t('listActive')} defaultChecked={values.active} />
    </ActionForm>
  );
}
