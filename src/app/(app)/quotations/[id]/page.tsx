import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireActor } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { can } from '@/server/access/permissions';
import { orNotFound } from '@/server/not-found';
import { displayNumber, getQuotation, linkShare, mailDraft, trimZeros } from '@/server/quotations';
import { SendDialog } from '@/components/quotations/send-dialog';
import { SharePanel } from '@/components/quotations/share-panel';
import { quotationDocument } from '@/server/quotations/document';
import { ActionForm } from '@/components/forms/action-form';
import { Hidden } from '@/components/forms/fields';
import { formatDate, formatDateTime, formatMoney } from '@/lib/format';
import type { Locale } from '@/server/i18n/locales';
import { duplicateQuotationAction, reviseQuotationAction, revokeLinkAction, sendQuotationAction } from '../actions';
import { StatusBadge } from '../status-badge';
import { ApprovalPanel } from '@/components/quotations/approval-panel';
import { detailRow } from '@/components/ui/detail-row';
import { LOCALE_NAMES } from '@/lib/locale';
import { normalizeAddress } from '@/server/net/client-address';
import { liveOrderOfQuotation } from '@/server/orders';
import { orderFromQuotationAction } from '../../orders/actions';

export async function generateMetadata() {
  return { title: (await getTranslations('quotations'))('title') };
}

const day = (d: string, locale: Locale) => formatDate(new Date(`${d}T00:00:00Z`), locale, 'UTC');

export default async function QuotationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const db = await getDb();
  const q = await orNotFound(getQuotation(db, actor, id));
  const t = await getTranslations('quotations');
  const locale = (await getLocale()) as Locale;
  const tz = actor.org.timeZone;
  const money = (v: string) => formatMoney(v, q.currency, locale);
  // Product names, units and VAT labels in the viewer's language (the PDF prints the quotation's).
  const doc = await quotationDocument(db, q, { names: locale });
  const status = q.effectiveStatus;
  const mayEdit = can(actor, 'quotation.edit');
  const maySend = can(actor, 'quotation.send');
  const linkLive = q.status === 'sent' && !q.tokenRevokedAt && status !== 'expired';
  const ts = await getTranslations('quoteSend');
  const mayResend = maySend && (status === 'draft' || status === 'sent');
  const draftMail = mayResend ? await mailDraft(db, actor, q.id) : null;
  // Only through the scoped getter above: whoever sees the quotation may pass its live link on.
  const share = await linkShare(db, actor, q);
  const row = detailRow;
  // The chain onwards: the order made from this quotation, or the button that makes it.
  const order = status === 'accepted' ? await liveOrderOfQuotation(db, actor, q.id) : null;
  const tOrders = await getTranslations('orders');
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="h1 flex flex-wrap items-center gap-2">
          <span data-testid="quote-number">{displayNumber(q) ?? t('draftNumber')}</span>
          <StatusBadge status={status} linkRevoked={q.status === 'sent' && Boolean(q.tokenRevokedAt)} />
        </h1>
        <div className="flex flex-wrap gap-2">
          {order ? (
            <Link className="btn-secondary" href={`/orders/${order.id}`} data-testid="quote-order-link">{tOrders('orderLink', { number: order.number ?? tOrders('draftNumber') })}</Link>
          ) : status === 'accepted' && can(actor, 'order.manage') ? (
            <ActionForm action={orderFromQuotationAction} submitLabel={tOrders('createFromQuotation')} className="flex flex-col gap-2" testId="create-order-form">
              <Hidden name="quotationId" value={q.id} />
            </ActionForm>
          ) : null}
          <a className="btn-secondary" href={`/quotations/${q.id}/pdf`} data-testid="quote-pdf">{t('pdf')}</a>
          {mayEdit && q.status === 'draft' ? <Link className="btn-secondary" href={`/quotations/${q.id}/edit`}>{t('edit')}</Link> : null}
          {draftMail ? (
            <SendDialog action={sendQuotationAction} id={q.id} version={draftMail.version} to={draftMail.to} subject={draftMail.subject} message={draftMail.message} again={status === 'sent'} />
          ) : null}
          {mayEdit && ['sent', 'expired', 'declined'].includes(status) ? (
            <ActionForm action={reviseQuotationAction} submitLabel={t('revise')} className="flex flex-col gap-2" testId="revise-form">
              <Hidden name="id" value={q.id} />
            </ActionForm>
          ) : null}
          {can(actor, 'quotation.create') ? (
            <>
              <ActionForm action={duplicateQuotationAction} submitLabel={t('duplicate')} className="flex flex-col gap-2" testId="duplicate-form">
                <Hidden name="id" value={q.id} />
              </ActionForm>
              <Link className="btn-secondary" href={`/quotations/${q.id}/duplicate`}>{t('duplicateFor')}</Link>
            </>
          ) : null}
        </div>
      </div>
      <dl className="card divide-y divide-slate-100">
        {row(t('customer'), <Link className="link" href={`/customers/${q.customerId}`}>{q.customerName}</Link>)}
        {/* Long addresses wrap anywhere: on a phone an unbroken email widened the page (and the send dialog with it). */}
        {row(t('contact'), q.contactName ? <span className="[overflow-wrap:anywhere]">{`${q.contactName}${q.contactEmail ? ` <${q.contactEmail}>` : ''}`}</span> : '')}
        {row(t('deal'), q.opportunityId ? <Link className="link" href={`/opportunities/${q.opportunityId}`}>{q.dealTitle}</Link> : '')}
        {row(t('salesperson'), q.ownerName)}
        {row(t('issueDate'), q.issueDate ? day(q.issueDate, locale) : '')}
        {row(t('validUntil'), day(q.validUntil, locale))}
        {row(t('language'), LOCALE_NAMES[q.language as keyof typeof LOCALE_NAMES] ?? q.language)}
        {q.sentAt ? row(t('status.sent'), <span className="[overflow-wrap:anywhere]">{t('sentTo', { to: q.sentTo ?? '', at: formatDateTime(q.sentAt, locale, tz) }) + (q.tokenRevokedAt ? ` · ${t('linkRevoked')}` : '')}</span>) : null}
        {q.acceptedAt ? row(t('status.accepted'), <span data-testid="accepted-by">{t('acceptedBy', { name: q.acceptedName ?? '', at: formatDateTime(q.acceptedAt, locale, tz), ip: normalizeAddress(q.acceptedIp) ?? q.acceptedIp ?? '' })}</span>) : null}
        {q.declinedAt ? row(t('status.declined'), `${t('declinedOn', { at: formatDateTime(q.declinedAt, locale, tz) })}${q.declineReason ? ` · ${t('declineReason', { reason: q.declineReason })}` : ''}`) : null}
      </dl>
      <ApprovalPanel db={db} actor={actor} q={q} />
      {q.status === 'sent' && q.tokenRevokedAt ? (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="link-revoked-banner">
          {ts('revokedBanner', { at: formatDateTime(q.tokenRevokedAt, locale, tz) })}
        </p>
      ) : null}
      {share ? (
        <SharePanel url={share.url} title={share.title} text={share.text} revoke={maySend && linkLive ? { action: revokeLinkAction, id: q.id, label: t('revoke') } : undefined} />
      ) : null}
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t('lines')}</h2>
        {/* Phones get one card per line; wider screens a table. */}
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm sm:hidden">
          {q.lines.map((l, i) => (
            <li key={l.id} className="space-y-1 px-3 py-2">
              <p>{l.position}. {l.productCode ? <span className="text-slate-500">{l.productCode} · </span> : null}{doc.lines[i]?.description ?? l.description}</p>
              <p className="flex justify-between gap-2 text-slate-600">
                <span>{trimZeros(l.quantity)} {doc.lines[i]?.unit ?? l.unit} × {formatMoney(trimZeros(l.unitPrice), q.currency, locale)}{Number(l.discountValue) === 0 ? '' : l.discountKind === 'percent' ? ` −${trimZeros(l.discountValue)} %` : ` −${money(l.discount)}`}</span>
                <span className="font-medium text-slate-900">{money(l.net)}</span>
              </p>
            </li>
          ))}
        </ul>
        <div className="hidden overflow-x-auto rounded-lg border border-slate-200 bg-white sm:block">
          <table className="w-full min-w-[640px] text-sm" data-testid="quote-lines">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th className="px-3 py-2">#</th>
                <th className="px-3 py-2">{t('line.description')}</th>
                <th className="px-3 py-2 text-right">{t('line.quantity')}</th>
                <th className="px-3 py-2 text-right">{t('line.unitPrice')}</th>
                <th className="px-3 py-2 text-right">{t('line.discount')}</th>
                <th className="px-3 py-2 text-right">{t('line.net')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {q.lines.map((l, i) => (
                <tr key={l.id}>
                  <td className="px-3 py-2">{l.position}</td>
                  <td className="px-3 py-2">{l.productCode ? <span className="text-slate-500">{l.productCode} · </span> : null}{doc.lines[i]?.description ?? l.description}</td>
                  <td className="px-3 py-2 text-right">{trimZeros(l.quantity)} {doc.lines[i]?.unit ?? l.unit}</td>
                  <td className="px-3 py-2 text-right">{formatMoney(trimZeros(l.unitPrice), q.currency, locale)}{l.priceToConfirm && q.status === 'draft' ? <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-900" data-testid="price-to-confirm">{t('approval.priceToConfirm', { currency: q.currency })}</span> : null}</td>
                  <td className="px-3 py-2 text-right">{Number(l.discountValue) === 0 ? '' : l.discountKind === 'percent' ? `${trimZeros(l.discountValue)} %` : money(l.discount)}</td>
                  <td className="px-3 py-2 text-right">{money(l.net)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <dl className="ml-auto max-w-sm space-y-1 text-sm" data-testid="quote-totals">
          <div className="flex justify-between"><dt>{t('subtotal')}</dt><dd>{money(q.subtotal)}</dd></div>
          {Number(doc.documentDiscount) ? <div className="flex justify-between"><dt>{t('documentDiscount')}{q.discountKind === 'percent' ? ` (${trimZeros(q.discountValue)} %)` : ''}</dt><dd>−{money(doc.documentDiscount)}</dd></div> : null}
          <div className="flex justify-between"><dt>{t('taxBase')}</dt><dd>{money(q.taxBase)}</dd></div>
          {doc.taxes.map((tx, i) => <div key={i} className="flex justify-between"><dt>{tx.label || t('line.tax')}</dt><dd>{money(tx.tax)}</dd></div>)}
          <div className="flex justify-between border-t border-slate-200 pt-1 font-semibold"><dt>{t('grandTotal')}</dt><dd data-testid="quote-grand-total">{money(q.grandTotal)}</dd></div>
          {q.pricesIncludeTax ? <p className="text-xs text-slate-500">{t('pricesIncludeTax')}</p> : null}
        </dl>
      </section>
      {q.terms || q.notes ? (
        <section className="card space-y-2 text-sm">
          {q.terms ? <><h2 className="font-semibold">{t('terms')}</h2><p className="whitespace-pre-line">{q.terms}</p></> : null}
          {q.notes ? <><h2 className="font-semibold">{t('notes')}</h2><p className="whitespace-pre-line">{q.notes}</p></> : null}
        </section>
      ) : null}
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t('versions')}</h2>
        <ul className="card divide-y divide-slate-100 text-sm" data-testid="quote-versions">
          {q.versions.map((v) => (
            <li key={v.id} className="flex items-center justify-between gap-2 py-2">
              {v.id === q.id ? <span className="font-medium">{t('version', { n: v.revision })}</span> : <Link className="link" href={`/quotations/${v.id}`}>{t('version', { n: v.revision })}</Link>}
              <StatusBadge status={v.status} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
