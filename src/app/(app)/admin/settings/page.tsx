import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/server/db/client';
import { CURRENCIES, getOrganization } from '@/server/organization';
import { LOCALES } from '@/server/i18n/locales';
import { COUNTRIES } from '@/server/catalog/tax-defaults';
import { LOCALE_NAMES } from '@/lib/locale';
import { ActionForm } from '@/components/forms/action-form';
import { CheckboxField, Hidden, SelectField, TextArea, TextField } from '@/components/forms/fields';
import { LogoField } from './logo-field';
import { requireAdmin } from '../guard';
import { updateOrganizationAction } from '../actions';

export async function generateMetadata() {
  return { title: (await getTranslations('admin.settings'))('title') };
}

export default async function SettingsPage() {
  const actor = await requireAdmin();
  const t = await getTranslations('admin.settings');
  const ts = await getTranslations('stock');
  const org = await getOrganization(await getDb(), actor);
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="h1">{t('title')}</h1>
      <div className="card">
        <ActionForm action={updateOrganizationAction} submitLabel={t('save')} encType="multipart/form-data" testId="settings-form">
          <Hidden name="version" value={org.version} />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField name="legalName" label={t('legalName')} defaultValue={org.legalName} required />
            <TextField name="taxId" label={t('taxId')} defaultValue={org.taxId} />
            <TextField name="branch" label={t('branch')} defaultValue={org.branch} hint={t('branchHint')} />
            <SelectField name="currency" label={t('currency')} defaultValue={org.currency} options={CURRENCIES.map((c) => ({ value: c, label: c }))} />
            <SelectField name="country" label={t('country')} defaultValue={org.country} options={COUNTRIES.map((c) => ({ value: c, label: t(`countries.${c}`) }))} hint={t('countryHint')} />
            <SelectField name="locale" label={t('locale')} defaultValue={org.locale} options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))} />
            <TextField name="timeZone" label={t('timeZone')} defaultValue={org.timeZone} hint={t('timeZoneHint')} />
          </div>
          <p className="text-sm text-slate-700" data-testid="tax-rates-note">
            {t('taxRatesNote')} <Link href="/admin/tax-rates" className="underline">{t('taxRatesLink')}</Link>
          </p>
          <TextArea name="address" label={t('address')} defaultValue={org.address} />
          <TextField name="quoteValidityDays" label={t('quoteValidityDays')} defaultValue={String(org.quoteValidityDays)} inputMode="decimal" />
          <TextArea name="quoteTerms" label={t('quoteTerms')} defaultValue={org.quoteTerms} />
          <CheckboxField name="stockShortageBlocks" label={ts('shortageBlocks')} defaultChecked={org.stockShortageBlocks} />
          <LogoField label={t('logo')} hint={t('logoHint')} current={org.logo} currentAlt={t('currentLogo')} />
          {org.logo ? <CheckboxField name="removeLogo" label={t('removeLogo')} /> : null}
        </ActionForm>
      </div>
    </div>
  );
}
