import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireActor } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { can } from '@/server/access/permissions';
import { orNotFound } from '@/server/not-found';
import { displayNumber, getQuotation } from '@/server/quotations';
import { ActionForm } from '@/components/forms/action-form';
import { Hidden } from '@/components/forms/fields';
import { duplicateQuotationAction } from '../../actions';
import { CustomerChooser } from '../../customer-chooser';

/** Duplicate a quotation for another customer: search, then pick. */
export default async function DuplicatePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ q?: string }> }) {
  const { id } = await params;
  const { q: query = '' } = await searchParams;
  const actor = await requireActor();
  if (!can(actor, 'quotation.create')) notFound();
  const db = await getDb();
  const q = await orNotFound(getQuotation(db, actor, id));
  const t = await getTranslations('quotations');
  return (
    <div className="space-y-4">
      <h1 className="h1">{t('duplicate')} {displayNumber(q) ?? t('draftNumber')}</h1>
      <CustomerChooser
        actor={actor}
        query={query}
        pick={(customerId) => (
          <ActionForm action={duplicateQuotationAction} submitLabel={t('duplicate')} className="flex flex-col gap-1">
            <Hidden name="id" value={q.id} />
            <Hidden name="customerId" value={customerId} />
          </ActionForm>
        )}
      />
    </div>
  );
}
