import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/server/db/client';
import { listTaxRates, type TaxRate } from '@/server/catalog';
import { todayIn } from '@/server/opportunities/commands';
import { isLocale, LOCALES } from '@/server/i18n/locales';
import { LOCALE_NAMES } from '@/lib/locale';
import { formatDate } from '@/lib/format';
import { ActionForm } from '@/components/forms/action-form';
import { CheckboxField, Hidden, SelectField, TextField } from '@/components/forms/fields';
import { trimZeros } from '@/server/quotations/commands';
import { requireAdmin } from '../guard';
import { addTaxPeriodAction, createTaxRateAction, endTaxPeriodAction, removeTaxPeriodAction, updateTaxRateAction } from './actions';

export async function generateMetadata() {
  return { title: (await getTranslations('catalog'))('taxRates') };
}

/**
 * The organization's tax rates and their dated periods: a document takes the period in force on its
 * date, so a change of law is a new period here, never an edit of a figure.
 */
export default async function TaxRatesPage() {
  const actor = await requireAdmin();
  const t = await getTranslations('catalog');
  const raw = await getLocale();
  const locale = isLocale(raw) ? raw : 'en';
  const today = todayIn(actor.org.timeZone);
  const rates = await listTaxRates(await getDb(), actor, { includeInactive: true, on: today });
  const day = (d: string) => formatDate(new Date(`${d}T00:00:00Z`), locale, 'UTC');
  const kinds = (['vat', 'zero', 'exempt'] as const).map((k) => ({ value: k, label: t(`kinds.${k}`) }));
  // A name per language: the rate's label on screens in that language and on documents written in it.
  const names = (r?: TaxRate) => (
    <fieldset className="grid gap-3 sm:grid-cols-2" data-testid="rate-names">
      <legend className="mb-1 text-sm text-slate-600">{t('namesHint')}</legend>
      {LOCALES.map((l) => (
        <TextField key={l} name={`name_${l}`} label={t('nameIn', { language: LOCALE_NAMES[l] })} defaultValue={r?.names?.[l] ?? ''} />
      ))}
    </fieldset>
  );

  const periods = (r: TaxRate) => (
    <table className="w-full text-sm" data-testid="tax-periods">
      <thead>
        <tr className="text-left text-slate-600">
          <th className="py-1 pr-2 font-medium">{t('rate')}</th>
          <th className="py-1 pr-2 font-medium">{t('validFrom')}</th>
          <th className="py-1 pr-2 font-medium">{t('validTo')}</th>
          <th className="py-1 pr-2 font-medium">{t('note')}</th>
          <th className="py-1 font-medium"><span className="sr-only">{t('endPeriod')}</span></th>
        </tr>
      </thead>
      <tbody>
        {r.periods.map((p) => (
          <tr key={p.id} className="border-t border-slate-200 align-top">
            <td className="py-2 pr-2 whitespace-nowrap">{trimZeros(p.rate)} %</td>
            <td className="py-2 pr-2 whitespace-nowrap">{day(p.validFrom)}</td>
            <td className="py-2 pr-2 whitespace-nowrap">{p.validTo ? day(p.validTo) : t('openEnded')}</td>
            <td className="py-2 pr-2 text-slate-700">{p.note}</td>
            <td className="py-2">
              {p.validFrom > today ? (
                <ActionForm action={removeTaxPeriodAction} submitLabel={t('removePeriod')} className="space-y-2" danger>
                  <Hidden name="periodId" value={p.id} />
                </ActionForm>
              ) : (
                <ActionForm action={endTaxPeriodAction} submitLabel={t('endPeriod')} className="flex flex-wrap items-end gap-2">
                  <Hidden name="periodId" value={p.id} />
                  <TextField name="validTo" type="date" label={t('lastDay')} defaultValue={p.validTo ?? ''} />
                </ActionForm>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <div className="space-y-4">
      <h1 className="h1">{t('taxRates')}</h1>
      <p className="max-w-3xl text-sm text-slate-700">{t('ratesIntro')}</p>
      <ul className="space-y-4" data-testid="tax-rates">
        {rates.map((r) => (
          <li key={r.id} className="card space-y-4" data-testid="tax-rate">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="font-semibold">{r.label}</h2>
              <span className="text-sm text-slate-600">
                {t(`kinds.${r.kind}`)} · {r.rate === null ? t('noneToday') : t('inForceToday', { rate: trimZeros(r.rate) })}
                {r.active ? '' : ` · ${t('inactive')}`}
              </span>
            </div>
            <ActionForm action={updateTaxRateAction} submitLabel={t('save')}>
              <Hidden name="id" value={r.id} />
              <div className="grid gap-3 sm:grid-cols-3">
                <TextField name="name" label={t('rateName')} defaultValue={r.name} required />
                <CheckboxField name="isDefault" label={t('isDefault')} defaultChecked={r.isDefault} />
                <CheckboxField name="active" label={t('listActive')} defaultChecked={r.active} />
              </div>
              {names(r)}
            </ActionForm>
            <div className="overflow-x-auto">
              <h3 className="mb-1 text-sm font-semibold">{t('periods')}</h3>
              {periods(r)}
            </div>
            <details>
              <summary className="cursor-pointer text-sm font-medium">{t('addPeriod')}</summary>
              <ActionForm action={addTaxPeriodAction} submitLabel={t('addPeriod')} testId="add-period-form">
                <Hidden name="taxRateId" value={r.id} />
                <div className="grid gap-3 sm:grid-cols-3">
                  <TextField name="rate" label={t('rate')} defaultValue={r.kind === 'vat' ? '' : '0'} inputMode="decimal" required />
                  <TextField name="validFrom" type="date" label={t('validFrom')} defaultValue="" required />
                  <TextField name="validTo" type="date" label={t('validTo')} defaultValue="" hint={t('validToHint')} />
                </div>
                <TextField name="note" label={t('note')} defaultValue="" hint={t('noteHint')} />
              </ActionForm>
            </details>
          </li>
        ))}
      </ul>
      <section className="card space-y-3">
        <h2 className="font-semibold">{t('newRate')}</h2>
        <ActionForm action={createTaxRateAction} submitLabel={t('create')} testId="new-rate-form">
          <div className="grid gap-3 sm:grid-cols-3">
            <TextField name="name" label={t('rateName')} defaultValue="" required />
            <SelectField name="kind" label={t('kind')} defaultValue="vat" options={kinds} />
            <TextField name="rate" label={t('rate')} defaultValue="" inputMode="decimal" />
            <TextField name="validFrom" type="date" label={t('validFrom')} defaultValue={today} required />
            <CheckboxField name="isDefault" label={t('isDefault')} />
            <CheckboxField name="active" label={t('listActive')} defaultChecked />
          </div>
          <TextField name="note" label={t('note')} defaultValue="" hint={t('noteHint')} />
          {names()}
        </ActionForm>
      </section>
      <p className="text-sm text-slate-600">
        <Link href="/admin/settings" className="underline">{t('countryLink')}</Link>
      </p>
    </div>
  );
}
