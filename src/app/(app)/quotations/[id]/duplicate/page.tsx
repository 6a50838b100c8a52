import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireActor } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { can } from '@/server/access/permissions';
import { orNotFound } from '@/server/not-found';
import { displayNumber, getQuotation } from '@/server/quotations';
import { listCustomers } from '@/server/customers/queries';
import { ActionForm } from '@/components/forms/action-form';
import { Hidden } from '@/components/forms/fields';
import { duplicateQuotationAction } from '../../actions';

/** Duplicate a quotation for another customer: search, then pick. */
export default async function DuplicatePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ q?: string }> }) {
  const { id } = await params;
  const { q: query = '' } = await searchParams;
  const actor = await requireActor();
  if (!can(actor, 'quotation.create')) notFound();
  const db = await getDb();
  const q = await orNotFound(getQuotation(db, actor, id));
  const t = await getTranslations('quotations');
  const { rows } = await listCustomers(db, actor, { q: query }, 20);
  return (
    <div className="space-y-4">
      <h1 className="h1">{t('duplicate')} {displayNumber(q) ?? t('draftNumber')}</h1>
      <form method="get" role="search" className="flex gap-2">
        <input name="q" defaultValue={query} aria-label={t('customerSearch')} placeholder={t('customerSearch')} className="input flex-1" />
        <button className="btn-primary" type="submit">{t('filter')}</button>
      </form>
      <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white">
        {rows.map((c) => (
          <li key={c.id} className="flex items-center justify-between gap-2 px-4 py-3">
            <span>{c.name}</span>
            <ActionForm action={duplicateQuotationAction} submitLabel={t('duplicate')} className="flex flex-col gap-1">
              <Hidden name="id" value={q.id} />
              <Hidden name="customerId" value={c.id} />
            </ActionForm>
          </li>
        ))}
      </ul>
    </div>
  );
}
