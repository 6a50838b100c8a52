import { getLocale, getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/forms/action-form';
import { Hidden, SelectField, TextArea, TextField } from '@/components/forms/fields';
import { CustomerPicker, type NewCustomerSetup } from '@/components/forms/customer-picker';
import { DuplicateWarning } from '@/components/forms/duplicate-warning';
import { CURRENCIES } from '@/server/organization';
import type { PipelineWithStages } from '@/server/pipelines';
import type { FormState } from '@/lib/form-state';
import { localName } from '@/lib/local-name';

type Option = { value: string; label: string };
export type DealValues = {
  id?: string; version?: number; title: string; customer?: { id: string; name: string }; contactId: string | null;
  stageId?: string; amount: string; currency: string; expectedCloseDate: string | null; probability: number | null;
  source: string; description: string; ownerId: string;
};

export async function DealForm({ action, values, pipelines, owners, contacts, submitLabel, newCustomer }: {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  values: DealValues;
  pipelines: PipelineWithStages[];
  owners: Option[];
  contacts: Option[];
  submitLabel: string;
  /** Territories a quick-created customer may go to, and the rep's own as the default. */
  newCustomer?: Omit<NewCustomerSetup, 'labels'>;
}) {
  const t = await getTranslations('deals');
  const tc = await getTranslations('customers');
  const locale = await getLocale();
  const editing = Boolean(values.id);
  return (
    <ActionForm action={action} submitLabel={submitLabel} testId="deal-form">
      {values.id ? <Hidden name="id" value={values.id} /> : null}
      {values.version ? <Hidden name="version" value={values.version} /> : null}
      <TextField name="title" label={t('dealTitle')} defaultValue={values.title} required />
      {editing ? (
        <>
          <Hidden name="customerId" value={values.customer!.id} />
          <p className="text-sm"><span className="text-slate-500">{t('customer')}:</span> {values.customer!.name}</p>
          <Hidden name="stageId" value={values.stageId!} />
        </>
      ) : values.customer ? (
        <>
          <Hidden name="customerId" value={values.customer.id} />
          <p className="text-sm"><span className="text-slate-500">{t('customer')}:</span> {values.customer.name}</p>
        </>
      ) : (
        <CustomerPicker labels={{ label: t('customer'), placeholder: t('customerSearch'), create: t('newCustomer'), change: t('change'), contact: t('contact'), noContact: t('noContact') }}
          newCustomer={newCustomer ? {
            ...newCustomer,
            labels: {
              contactPerson: tc('contactPerson'), phone: tc('phone'), email: tc('email'), taxId: tc('taxId'), branch: tc('branch'),
              branchHint: tc('branchHint'), territory: tc('territory'), noTerritory: tc('noTerritory'),
            },
          } : undefined}
        />
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        {editing || values.customer ? (
          contacts.length ? <SelectField name="contactId" label={t('contact')} defaultValue={values.contactId ?? ''} options={contacts} emptyLabel={t('noContact')} /> : <Hidden name="contactId" value="" />
        ) : null}
        {!editing ? (
          <SelectField
            name="stageId"
            label={t('stage')}
            defaultValue={values.stageId ?? pipelines[0]?.stages.find((s) => s.kind === 'open')?.id}
            options={[]}
            groups={pipelines.map((p) => ({
              label: p.name,
              options: p.stages.filter((s) => s.kind === 'open').map((s) => ({ value: s.id, label: pipelines.length > 1 ? `${p.name} › ${localName(s, locale)}` : localName(s, locale) })),
            }))}
          />
        ) : null}
        <TextField name="amount" label={t('amount')} defaultValue={values.amount} inputMode="decimal" hint={t('amountHint')} />
        <SelectField name="currency" label={t('currency')} defaultValue={values.currency} options={CURRENCIES.map((c) => ({ value: c, label: c }))} />
        <TextField name="expectedCloseDate" label={t('expectedClose')} type="date" defaultValue={values.expectedCloseDate ?? ''} />
        <TextField name="probability" label={t('probability')} inputMode="decimal" defaultValue={values.probability == null ? '' : String(values.probability)} hint={t('probabilityHint')} />
        <TextField name="source" label={t('source')} defaultValue={values.source} />
        <SelectField name="ownerId" label={t('owner')} defaultValue={values.ownerId} options={owners} />
      </div>
      <TextArea name="description" label={t('description')} defaultValue={values.description} />
      {!editing && !values.customer ? <DuplicateWarning /> : null}
    </ActionForm>
  );
}
