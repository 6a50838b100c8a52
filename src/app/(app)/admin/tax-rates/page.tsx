import { getTranslations } from 'next-intl/server';
import { getDb } from '@/server/db/client';
import { listTaxRates } from '@/server/catalog';
import { ActionForm } from '@/components/forms/action-form';
import { CheckboxField, Hidden, SelectField, TextField } from '@/components/forms/fields';
import { trimZeros } from '@/server/quotations/commands';
import { requireAdmin } from '../guard';
import { saveTaxRateAction } from '../../products/actions';

export async function generateMetadata() {
  return { title: (await getTranslations('catalog'))('taxRates') };
}

/** The organization's VAT rates: 7 %, 10 % / 8 %, 20 %, zero-rated, exempt. */
export default async function TaxRatesPage() {
  const actor = await requireAdmin();
  const t = await getTranslations('catalog');
  const rates = await listTaxRates(await getDb(), actor, { includeInactive: true });
  const kinds = (['vat', 'zero', 'exempt'] as const).map((k) => ({ value: k, label: t(`kinds.${k}`) }));
  const fields = (r?: (typeof rates)[number]) => (
    <div className="grid gap-3 sm:grid-cols-3">
      {r ? <Hidden name="id" value={r.id} /> : null}
      <TextField name="name" label={t('rateName')} defaultValue={r?.name ?? ''} required />
      <TextField name="rate" label={t('rate')} defaultValue={r ? trimZeros(r.rate) : ''} inputMode="decimal" />
      <SelectField name="kind" label={t('kind')} defaultValue={r?.kind ?? 'vat'} options={kinds} />
      <CheckboxField name="isDefault" label={t('isDefault')} defaultChecked={r?.isDefault ?? false} />
      <CheckboxField name="active" label={t('listActive')} defaultChecked={r?.active ?? true} />
    </div>
  );
  return (
    <div className="space-y-4">
      <h1 className="h1">{t('taxRates')}</h1>
      <ul className="space-y-3" data-testid="tax-rates">
        {rates.map((r) => (
          <li key={r.id} className="card">
            <ActionForm action={saveTaxRateAction} submitLabel={t('save')}>{fields(r)}</ActionForm>
          </li>
        ))}
      </ul>
      <section className="card space-y-3">
        <h2 className="font-semibold">{t('newRate')}</h2>
        <ActionForm action={saveTaxRateAction} submitLabel={t('create')} testId="new-rate-form">{fields()}</ActionForm>
      </section>
    </div>
  );
}
