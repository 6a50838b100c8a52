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
export type QuoteFormValues = EditorValues & {
  id?: string; version?: number; customerId: string; customerName: string; opportunityId: string | null; dealTitle: string | null;
  contactId: string | null; ownerId: string; language: string; validUntil: string; terms: string; notes: string;
};

/** The quotation form: who it is for, the lines with live totals, validity, terms. */
export async function QuoteForm({ action, values, contacts, owners, rates, submitLabel }: {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  values: QuoteFormValues;
  contacts: Option[];
  owners: Option[];
  rates: { id: string; name: string; rate: string }[];
  submitLabel: string;
}) {
  const t = await getTranslations('quotations');
  const locale = (await getLocale()) as Locale;
  const labels = {
    currency: t('currency'), pricesIncludeTax: t('pricesIncludeTax'), lines: t('lines'), addProduct: t('addProduct'), productSearch: t('productSearch'),
    addFreeLine: t('addFreeLine'), noProducts: t('noProducts'), description: t('line.description'), unit: t('line.unit'), quantity: t('line.quantity'),
    unitPrice: t('line.unitPrice'), discount: t('line.discount'), discountKind: t('line.discountKind'), percent: t('line.percent'), amount: t('line.amount'),
    tax: t('line.tax'), net: t('line.net'), remove: t('line.remove', { n: '{n}' }), up: t('line.up', { n: '{n}' }), documentDiscount: t('documentDiscount'), subtotal: t('subtotal'),
    lineDiscounts: t('lineDiscounts'), taxBase: t('taxBase'), grandTotal: t('grandTotal'), noPrice: t('noPrice', { currency: '{currency}' }),
    priceToConfirm: t('approval.priceToConfirm', { currency: '{currency}' }), confirmPrice: t('approval.confirmPrice'),
  };
  return (
    <ActionForm action={action} submitLabel={submitLabel} testId="quote-form">
      {values.id ? <Hidden name="id" value={values.id} /> : null}
      {values.version ? <Hidden name="version" value={values.version} /> : null}
      <Hidden name="customerId" value={values.customerId} />
      <Hidden name="opportunityId" value={values.opportunityId ?? ''} />
      <p className="text-sm">
        <span className="text-slate-500">{t('customer')}:</span> {values.customerName}
        {values.dealTitle ? <> · <span className="text-slate-500">{t('deal')}:</span> {values.dealTitle}</> : null}
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name="contactId" label={t('contact')} defaultValue={values.contactId ?? ''} options={contacts} emptyLabel={t('noContact')} />
        <SelectField name="ownerId" label={t('salesperson')} defaultValue={values.ownerId} options={owners} />
        <SelectField name="language" label={t('language')} defaultValue={values.language} options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))} />
        <TextField name="validUntil" type="date" label={t('validUntil')} defaultValue={values.validUntil} required />
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
      {!values.id || values.version ? <p className="text-xs text-slate-500">{t('draftHint')}</p> : null}
    </ActionForm>
  );
}
