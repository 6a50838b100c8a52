import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatDateTime, formatMoney } from '@/lib/format';
import { listOpportunities } from '@/server/opportunities/queries';
import { customerTimeline } from '@/server/activities';
import { Timeline } from '@/components/activities/timeline';
import { listAttachments } from '@/server/files';
import { Attachments } from '@/components/files/attachments';
import { QuotationsPanel } from '@/components/quotations/quotations-panel';
import { OrdersPanel } from '@/components/orders/orders-panel';
import type { Locale } from '@/server/i18n/locales';
import { requireActor } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { getCustomer } from '@/server/customers/queries';
import { can } from '@/server/access/permissions';
import { orNotFound } from '@/server/not-found';
import { ActionForm } from '@/components/forms/action-form';
import { CheckboxField, Hidden, TextField } from '@/components/forms/fields';
import { addContactAction, deleteContactAction, deleteCustomerAction, updateContactAction } from '../actions';
import { detailRow } from '@/components/ui/detail-row';
import { localName } from '@/lib/local-name';

export default async function CustomerPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ before?: string | string[] }> }) {
  const { id } = await params;
  const { before: raw } = await searchParams;
  // One timeline cursor; a repeated or tampered one just shows the newest entries.
  const before = typeof raw === 'string' ? raw : undefined;
  const actor = await requireActor();
  const c = await orNotFound(getCustomer(await getDb(), actor, id));
  const t = await getTranslations('customers');
  const editable = can(actor, 'customer.edit');
  const locale = (await getLocale()) as Locale;
  const deals = await listOpportunities(await getDb(), actor, { customerId: c.id }, 100);
  const timeline = await customerTimeline(await getDb(), actor, c.id, before);
  const files = await listAttachments(await getDb(), actor, { customerId: c.id });
  const when = (d: Date) => formatDateTime(d, locale, actor.org.timeZone);
  const row = detailRow;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="h1" data-testid="customer-name">{c.name}</h1>
        <div className="flex gap-2">
          <Link href={`/tasks?customerId=${c.id}`} className="btn-secondary">{t('addTask')}</Link>
          {editable ? <Link href={`/customers/${c.id}/edit`} className="btn-secondary">{t('editButton')}</Link> : null}
          {can(actor, 'customer.delete') ? (
            <ActionForm action={deleteCustomerAction} submitLabel={t('delete')} danger className="flex items-center gap-2">
              <Hidden name="id" value={c.id} />
            </ActionForm>
          ) : null}
        </div>
      </div>
      <dl className="card divide-y divide-slate-100">
        {row(t('phone'), c.phone)}
        {row(t('email'), c.email)}
        {row(t('taxId'), [c.taxId, c.branch].filter(Boolean).join(' · '))}
        {row(t('address'), c.address)}
        {row(t('territory'), c.territoryName ?? t('noTerritory'))}
        {row(t('owner'), c.ownerName)}
        {row(t('notes'), c.notes)}
        {row(t('created'), when(c.createdAt))}
        {row(t('updated'), when(c.updatedAt))}
      </dl>
      <QuotationsPanel actor={actor} parent={{ customerId: c.id }} />
      <OrdersPanel actor={actor} parent={{ customerId: c.id }} />
      <Timeline actor={actor} rows={timeline.rows} older={timeline.older} parent={{ customerId: c.id }} olderHref={(b) => `/customers/${c.id}?before=${encodeURIComponent(b)}`} />
      <section className="space-y-3">
        <div className="flex items-center justify-between gap-2">
          <h2 className="text-lg font-semibold">{t('deals')}</h2>
          {can(actor, 'opportunity.create') ? <Link href={`/opportunities/new?customerId=${c.id}`} className="btn-primary">{t('newDeal')}</Link> : null}
        </div>
        {deals.rows.length === 0 ? <p className="text-sm text-slate-600">{t('noDeals')}</p> : null}
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="customer-deals">
          {deals.rows.map((d) => (
            <li key={d.id} className="flex flex-wrap justify-between gap-2 px-4 py-2 text-sm">
              <Link href={`/opportunities/${d.id}`} className="link">{d.title}</Link>
              <span>{localName({ name: d.stageName, names: d.stageNames }, locale)} · {formatMoney(d.amount, d.currency, locale)}</span>
            </li>
          ))}
        </ul>
        {deals.nextCursor ? <Link href={`/opportunities?customerId=${c.id}`} className="link text-sm">{t('allDeals')}</Link> : null}
      </section>
      <Attachments actor={actor} rows={files} parent={{ customerId: c.id }} />
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">{t('contacts')}</h2>
        {c.contacts.length === 0 ? <p className="text-sm text-slate-600">{t('noContacts')}</p> : null}
        <ul className="space-y-3" data-testid="contact-list">
          {c.contacts.map((p) => (
            <li key={p.id} className="card space-y-2">
              <p className="font-medium">
                {p.name} {p.isPrimary ? <span className="ml-2 rounded bg-indigo-100 px-2 py-0.5 text-xs text-indigo-800">{t('primary')}</span> : null}
              </p>
              <p className="text-sm text-slate-600">{[p.title, p.phone, p.email].filter(Boolean).join(' · ')}</p>
              {editable ? (
                <details>
                  <summary className="link cursor-pointer text-sm">{t('editContact')}</summary>
                  <div className="mt-3 space-y-3">
                    <ActionForm action={updateContactAction} submitLabel={t('save')}>
                      <Hidden name="contactId" value={p.id} />
                      <Hidden name="customerId" value={c.id} />
                      <ContactFields t={t} values={p} />
                    </ActionForm>
                    <ActionForm action={deleteContactAction} submitLabel={t('deleteContact')} danger>
                      <Hidden name="contactId" value={p.id} />
                      <Hidden name="customerId" value={c.id} />
                    </ActionForm>
                  </div>
                </details>
              ) : null}
            </li>
          ))}
        </ul>
        {editable ? (
          <div className="card">
            <h3 className="mb-3 font-medium">{t('addContact')}</h3>
            <ActionForm action={addContactAction} submitLabel={t('addContact')} testId="add-contact-form">
              <Hidden name="customerId" value={c.id} />
              <ContactFields t={t} />
            </ActionForm>
          </div>
        ) : null}
      </section>
    </div>
  );
}

function ContactFields({ t, values }: { t: (k: string) => string; values?: { name: string; title: string; phone: string; email: string; isPrimary: boolean } }) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <TextField name="name" label={t('contactName')} defaultValue={values?.name} required />
      <TextField name="title" label={t('contactTitle')} defaultValue={values?.title} />
      <TextField name="phone" label={t('phone')} type="tel" inputMode="tel" defaultValue={values?.phone} />
      <TextField name="email" label={t('email')} type="email" defaultValue={values?.email} />
      <CheckboxField name="isPrimary" label={t('primary')} defaultChecked={values?.isPrimary} />
    </div>
  );
}
