import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/server/db/client';
import { listUnits, type Unit } from '@/server/catalog';
import { isLocale, LOCALES } from '@/server/i18n/locales';
import { LOCALE_NAMES } from '@/lib/locale';
import { localName } from '@/lib/local-name';
import { ActionForm } from '@/components/forms/action-form';
import { CheckboxField, Hidden, TextField } from '@/components/forms/fields';
import { requireAdmin } from '../guard';
import { createUnitAction, deactivateUnitAction, updateUnitAction } from './actions';

export async function generateMetadata() {
  return { title: (await getTranslations('catalog'))('units') };
}

/**
 * Units of measure: a name in the organization's language and one per language, so a Vietnamese
 * quotation prints "cái" where a Thai one prints "ชิ้น". Managers and admins keep them, like products.
 */
export default async function UnitsPage() {
  const actor = await requireAdmin('catalog.manage');
  const t = await getTranslations('catalog');
  const raw = await getLocale();
  const locale = isLocale(raw) ? raw : 'en';
  // In the order of the names shown, the active ones first.
  const units = (await listUnits(await getDb(), actor, { includeInactive: true })).sort(
    (a, b) => Number(b.active) - Number(a.active) || localName(a, locale).localeCompare(localName(b, locale), locale),
  );

  const fields = (u?: Unit) => (
    <>
      <TextField name="name" label={t('unitName')} defaultValue={u?.name ?? ''} required />
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-1 text-sm text-slate-600">{t('namesHint')}</legend>
        {LOCALES.map((l) => (
          <TextField key={l} name={`name_${l}`} label={t('nameIn', { language: LOCALE_NAMES[l] })} defaultValue={u?.names?.[l] ?? ''} />
        ))}
      </fieldset>
      <CheckboxField name="active" label={t('unitActive')} defaultChecked={u ? u.active : true} />
    </>
  );

  return (
    <div className="space-y-4">
      <h1 className="h1">{t('units')}</h1>
      <p className="max-w-3xl text-sm text-slate-700">{t('unitsIntro')}</p>
      {units.length === 0 ? <p className="card text-slate-600">{t('noUnits')}</p> : null}
      <ul className="space-y-4" data-testid="units">
        {units.map((u) => (
          <li key={u.id} className="card space-y-3" data-testid="unit">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="font-semibold">{localName(u, locale)}</h2>
              <span className="text-sm text-slate-600">
                {LOCALES.map((l) => localName(u, l)).join(' · ')}
                {u.active ? '' : ` · ${t('inactive')}`}
              </span>
            </div>
            <details>
              <summary className="cursor-pointer text-sm font-medium">{t('editUnit')}</summary>
              <ActionForm action={updateUnitAction} submitLabel={t('save')} testId="unit-form">
                <Hidden name="id" value={u.id} />
                <Hidden name="version" value={u.version} />
                {fields(u)}
              </ActionForm>
            </details>
            {u.active ? (
              <ActionForm action={deactivateUnitAction} submitLabel={t('retireUnit')} className="space-y-2" danger>
                <Hidden name="id" value={u.id} />
                <Hidden name="version" value={u.version} />
              </ActionForm>
            ) : null}
          </li>
        ))}
      </ul>
      <section className="card space-y-3">
        <h2 className="font-semibold">{t('newUnit')}</h2>
        <ActionForm action={createUnitAction} submitLabel={t('create')} testId="new-unit-form">
          {fields()}
        </ActionForm>
      </section>
      <p className="text-sm text-slate-600">
        <Link href="/products" className="underline">{t('products')}</Link>
      </p>
    </div>
  );
}
