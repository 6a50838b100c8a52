import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/forms/action-form';
import { Hidden, SelectField, TextArea, TextField } from '@/components/forms/fields';
import { DuplicateWarning } from '@/components/forms/duplicate-warning';
import type { FormState } from '@/lib/form-state';

type Option = { value: string; label: string };
export type CustomerValues = {
  id?: string; version?: number; name: string; taxId: string; branch: string; phone: string; email: string;
  address: string; notes: string; territoryId: string | null; ownerId: string; priceListId?: string | null; customerGroup?: string;
};

export async function CustomerForm({
  action, values, territories, owners, priceLists, submitLabel,
}: {
  priceLists: Option[];
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  values?: CustomerValues;
  territories: Option[];
  owners: Option[];
  submitLabel: string;
}) {
  const t = await getTranslations('customers');
  return (
    <ActionForm action={action} submitLabel={submitLabel} testId="customer-form">
      {values?.id ? <Hidden name="id" value={values.id} /> : null}
      {values?.version ? <Hidden name="version" value={values.version} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="name" label={t('name')} defaultValue={values?.name} required />
        <TextField name="phone" label={t('phone')} type="tel" inputMode="tel" defaultValue={values?.phone} />
        <TextField name="email" label={t('email')} type="email" inputMode="email" defaultValue={values?.email} />
        <TextField name="taxId" label={t('taxId')} defaultValue={values?.taxId} />
        <TextField name="branch" label={t('branch')} defaultValue={values?.branch} hint={t('branchHint')} />
        <SelectField name="territoryId" label={t('territory')} options={territories} emptyLabel={t('noTerritory')} defaultValue={values?.territoryId ?? ''} />
        <SelectField name="ownerId" label={t('owner')} options={owners} defaultValue={values?.ownerId} />
        <SelectField name="priceListId" label={t('priceList')} options={priceLists} emptyLabel={t('noPriceList')} defaultValue={values?.priceListId ?? ''} />
        <TextField name="customerGroup" label={t('customerGroup')} defaultValue={values?.customerGroup ?? ''} />
      </div>
      <TextArea name="address" label={t('address')} defaultValue={values?.address} />
      <TextArea name="notes" label={t('notes')} defaultValue={values?.notes} />
      <DuplicateWarning />
    </ActionForm>
  );
}
