import { getLocale, getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/forms/action-form';
import { Hidden, SelectField, TextArea, TextField } from '@/components/forms/fields';
import { LinesEditor, type EditorValues } from '@/components/quotations/lines-editor';
import { CURRENCIES } from '@/server/organization';
import { LOCALES } from '@/server/i18n/locales';
import { INTL_TAG, LOCALE_NAMES } from '@/lib/locale';
import type { Locale } from '@/server/i18n/locales';
import type { FormState } from '@/lib/form-state';

type Option = { value: string; label: string };
export type OrderFormValues = EditorValues & {
  id?: string; version?: number; customerId: string; customerName: string; opportunityId: string | null; dealTitle: string | null;
  contactId: string | null; ownerId: string; language: string; orderDate: string; customerReference: string; terms: string; notes: string;
};

/** The sales order form: who it is for, the customer's PO number and date, the quotation editor's lines. */
export async function OrderForm({ action, values, contacts, owners, rates, submitLabel }: {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  values: OrderFormValues;
  contacts: Option[];
  owners: Option[];
  rates: { id: string; name: string; rate: string }[];
  submitLabel: string;
}) {
  const t = await getTranslations('orders');
  const tq = await getTranslations('quotations');
  const locale = (await getLocale()) as Locale;
  const labels = {
    currency: tq('currency'), pricesIncludeTax: tq('pricesIncludeTax'), lines: tq('lines'), addProduct: tq('addProduct'), productSearch: tq('productSearch'),
    addFreeLine: tq('addFreeLine'), noProducts: tq('noProducts'), description: tq('line.description'), unit: tq('line.unit'), quantity: tq('line.quantity'),
    unitPrice: tq('line.unitPrice'), discount: tq('line.discount'), discountKind: tq('line.discountKind'), percent: tq('line.percent'), amount: tq('line.amount'),
    tax: tq('line.tax'), net: tq('line.net'), remove: tq('line.remove', { n: '{n}' }), up: tq('line.up', { n: '{n}' }), documentDiscount: tq('documentDiscount'), subtotal: tq('subtotal'),
    lineDiscounts: tq('lineDiscounts'), taxBase: tq('taxBase'), grandTotal: tq('grandTotal'), noPrice: tq('noPrice', { currency: '{currency}' }),
    priceToConfirm: tq('approval.priceToConfirm', { currency: '{currency}' }), confirmPrice: tq('approval.confirmPrice'),
  };
  return (
    <ActionForm action={action} submitLabel={submitLabel} testId="order-form">
      {values.id ? <Hidden name="id" value={values.id} /> : null}
      {values.version ? <Hidden name="version" value={values.version} /> : null}
      <Hidden name="customerId" value={values.customerId} />
      <Hidden name="opportunityId" value={values.opportunityId ?? ''} />
      <p className="text-sm">
        <span className="text-slate-500">{t('customer')}:</span> {values.customerName}
        {values.dealTitle ? <> · <span className="text-slate-500">{t('deal')}:</span> {values.dealTitle}</> : null}
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="customerReference" label={t('customerReference')} defaultValue={values.customerReference} />
        <TextField name="orderDate" type="date" label={t('orderDate')} defaultValue={values.orderDate} required />
        <SelectField name="contactId" label={t('contact')} defaultValue={values.contactId ?? ''} options={contacts} emptyLabel={t('noContact')} />
        <SelectField name="ownerId" label={t('salesperson')} defaultValue={values.ownerId} options={owners} />
        <SelectField name="language" label={t('language')} defaultValue={values.language} options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))} />
      </div>
      <LinesEditor
        initial={values}
        rates={rates}
        currencies={[...CURRENCIES]}
        customerId={values.customerId}
        language={values.language}
        labels={labels}
        locale={INTL_TAG[locale]}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextArea name="terms" label={t('terms')} defaultValue={values.terms} rows={4} />
        <TextArea name="notes" label={t('notes')} defaultValue={values.notes} rows={4} />
      </div>
      <p className="text-xs text-slate-500">{t('draftHint')}</p>
    </ActionForm>
  );
}
