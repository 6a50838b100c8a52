import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/server/db/client';
import { listDiscountPolicies } from '@/server/quotations/discount-policies';
import { ActionForm } from '@/components/forms/action-form';
import { TextField } from '@/components/forms/fields';
import { requireAdmin } from '../guard';
import { saveDiscountPoliciesAction } from './actions';

export async function generateMetadata() {
  return { title: (await getTranslations('admin.discounts'))('title') };
}

const pct = (v: string | null) => (v === null ? '' : v.replace(/\.?0+$/, ''));

/** The largest discount each role gives without a manager's approval; floor prices live on products. */
export default async function DiscountsPage() {
  const actor = await requireAdmin();
  const t = await getTranslations('admin.discounts');
  const tr = await getTranslations('roles');
  const policies = await listDiscountPolicies(await getDb(), actor);
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="h1">{t('title')}</h1>
      <p className="text-sm text-slate-700">{t('intro')}</p>
      <div className="card">
        <ActionForm action={saveDiscountPoliciesAction} submitLabel={t('save')} testId="discounts-form">
          {policies.map((p) => (
            <fieldset key={p.role} className="grid gap-3 border-b border-slate-100 pb-3 sm:grid-cols-3 sm:items-end" data-testid={`discount-${p.role}`}>
              <legend className="mb-2 font-medium">{tr(p.role)}</legend>
              <TextField name={`${p.role}Line`} label={t('maxLine')} defaultValue={pct(p.maxLinePercent)} inputMode="decimal" hint={t('blankNoLimit')} />
              <TextField name={`${p.role}Document`} label={t('maxDocument')} defaultValue={pct(p.maxDocumentPercent)} inputMode="decimal" hint={t('blankNoLimit')} />
            </fieldset>
          ))}
        </ActionForm>
      </div>
      <p className="text-sm text-slate-700">{t('floorNote')} <Link className="underline" href="/products">{t('productsLink')}</Link></p>
    </div>
  );
}
