import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/forms/action-form';
import { CheckboxField, Hidden, SelectField, TextArea, TextField } from '@/components/forms/fields';
import { LOCALES } from '@/server/i18n/locales';
import { LOCALE_NAMES } from '@/lib/locale';
import type { FormState } from '@/lib/form-state';

export type ProductValues = {
  id?: string; version?: number; code: string; name: string; names: Record<string, string>; unitId: string | null; description: string;
  price: string; floorPrice: string; taxRateId: string | null; active: boolean;
  kind?: string; tracksStock?: boolean;
};

export async function ProductForm({ action, values, rates, units, currency, submitLabel }: {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  values: ProductValues;
  rates: { value: string; label: string }[];
  /** The organization's units, named in the viewer's language. */
  units: { value: string; label: string }[];
  currency: string;
  submitLabel: string;
}) {
  const t = await getTranslations('catalog');
  const ts = await getTranslations('stock');
  return (
    <ActionForm action={action} submitLabel={submitLabel} testId="product-form">
      {values.id ? <Hidden name="id" value={values.id} /> : null}
      {values.version ? <Hidden name="version" value={values.version} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="code" label={t('code')} defaultValue={values.code} required />
        <TextField name="name" label={t('name')} defaultValue={values.name} required />
        <SelectField name="unitId" label={t('unit')} defaultValue={values.unitId ?? ''} options={units} emptyLabel={t('noUnit')} />
        <TextField name="price" label={t('price', { currency })} defaultValue={values.price} inputMode="decimal" />
        <TextField name="floorPrice" label={t('floorPrice', { currency })} defaultValue={values.floorPrice} inputMode="decimal" hint={t('floorPriceHint')} />
        <SelectField name="taxRateId" label={t('taxRate')} defaultValue={values.taxRateId ?? ''} options={rates} emptyLabel={t('defaultTax')} />
      </div>
      <TextArea name="description" label={t('description')} defaultValue={values.description} rows={3} />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-1 text-sm text-slate-600">{t('namesHint')}</legend>
        {LOCALES.map((l) => (
          <TextField key={l} name={`name_${l}`} label={t('nameIn', { language: LOCALE_NAMES[l] })} defaultValue={values.names[l] ?? ''} />
        ))}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name="kind" label={ts('productKind')} defaultValue={values.kind ?? 'goods'} options={[{ value: 'goods', label: ts('goods') }, { value: 'service', label: ts('service') }]} />
        <div className="self-end"><CheckboxField name="tracksStock" label={ts('tracksStock')} defaultChecked={values.tracksStock ?? false} /></div>
      </div>
      <CheckboxField name="active" label={t('active')} defaultChecked={values.active} />
    </ActionForm>
  );
}
