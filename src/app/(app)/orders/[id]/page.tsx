import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import Decimal from 'decimal.js';
import { requireActor } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { can } from '@/server/access/permissions';
import { orNotFound } from '@/server/not-found';
import { getOrder } from '@/server/orders';
import { taxesOf } from '@/server/orders/taxes';
import { trimZeros } from '@/server/quotations';
import { ActionForm } from '@/components/forms/action-form';
import { Hidden, TextArea } from '@/components/forms/fields';
import { formatDate, formatDateTime, formatMoney } from '@/lib/format';
import type { Locale } from '@/server/i18n/locales';
import { detailRow } from '@/components/ui/detail-row';
import { LOCALE_NAMES } from '@/lib/locale';
import { DeliveriesSection } from '@/components/orders/deliveries-section';
import { cancelOrderAction, confirmOrderAction } from '../actions';
import { OrderStatusBadge } from '../status-badge';

export async function generateMetadata() {
  return { title: (await getTranslations('orders'))('title') };
}

const day = (d: string, locale: Locale) => formatDate(new Date(`${d}T00:00:00Z`), locale, 'UTC');

/**
 * A sales order: its chain (deal → quotation → this order → its deliveries), the lines with what is
 * delivered and invoiced, and for a draft the edit and confirm buttons; cancel while nothing of it is
 * delivered or invoiced.
 */
/** The shortages a confirmation reported, from the address (display only): 'position~ordered~available,…'. */
function shortagesFrom(raw: string | string[] | undefined) {
  const v = Array.isArray(raw) ? raw[0] : raw;
  if (!v || v.length > 2000) return [];
  return v.split(',').flatMap((part) => {
    const m = /^(\d{1,3})~(\d{1,14}(?:\.\d{1,4})?)~(\d{1,14}(?:\.\d{1,4})?)$/.exec(part);
    return m ? [{ position: Number(m[1]), quantity: m[2], available: m[3] }] : [];
  });
}

export default async function OrderPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const sp = await searchParams;
  const actor = await requireActor();
  const db = await getDb();
  const o = await orNotFound(getOrder(db, actor, id));
  const taxes = await taxesOf(db, actor, o, actor.locale);
  const t = await getTranslations('orders');
  const locale = (await getLocale()) as Locale;
  const tz = actor.org.timeZone;
  const money = (v: string) => formatMoney(v, o.currency, locale);
  const mayManage = can(actor, 'order.manage');
  const untouched = o.lines.every((l) => Number(l.deliveredQuantity) === 0 && Number(l.invoicedQuantity) === 0);
  const mayCancel = mayManage && (o.status === 'draft' || o.status === 'confirmed') && untouched;
  const documentDiscount = new Decimal(o.discountTotal).minus(o.lines.reduce((s, l) => s.plus(l.discount), new Decimal(0)));
  const row = detailRow;
  const shortages = o.status === 'confirmed' ? shortagesFrom(sp.short) : [];
  const shortText = shortages
    .map((s) => ({ ...s, description: o.lines.find((l) => l.position === s.position)?.description }))
    .filter((s) => s.description !== undefined)
    .map((s) => t('shortageLine', { position: s.position, description: s.description!, quantity: s.quantity, available: s.available }))
    .join('; ');
  const progress = (l: (typeof o.lines)[number]) => ({
    delivered: trimZeros(l.deliveredQuantity), invoiced: trimZeros(l.invoicedQuantity),
    toInvoice: new Decimal(l.quantity).minus(l.invoicedQuantity).toFixed(),
  });
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="h1 flex flex-wrap items-center gap-2">
          <span data-testid="order-number">{o.number ?? t('draftNumber')}</span>
          <OrderStatusBadge status={o.status} />
        </h1>
        <div className="flex flex-wrap gap-2">
          {mayManage && o.status === 'draft' ? <Link className="btn-secondary" href={`/orders/${o.id}/edit`} data-testid="order-edit">{t('edit')}</Link> : null}
          {mayManage && o.status === 'draft' ? (
            <ActionForm action={confirmOrderAction} submitLabel={t('confirm')} className="flex flex-col gap-2" testId="confirm-order-form">
              <Hidden name="id" value={o.id} />
              <Hidden name="version" value={o.version} />
            </ActionForm>
          ) : null}
        </div>
      </div>
      {sp.confirmed && o.status === 'confirmed' && o.number ? (
        <p role="status" className={`rounded-md border px-3 py-2 text-sm ${shortText ? 'border-amber-300 bg-amber-50 text-amber-900' : 'border-green-300 bg-green-50 text-green-800'}`} data-testid="order-confirmed">
          {shortText ? t('confirmedShort', { number: o.number, lines: shortText }) : t('confirmedOk', { number: o.number })}
        </p>
      ) : null}
      <nav aria-label={t('chain')} className="flex flex-wrap items-center gap-2 text-sm" data-testid="order-chain">
        {o.opportunityId ? <><Link className="link" href={`/opportunities/${o.opportunityId}`}>{t('deal')}: {o.dealTitle}</Link><span aria-hidden>→</span></> : null}
        {o.quotationId ? <><Link className="link" href={`/quotations/${o.quotationId}`} data-testid="order-quotation-link">{t('quotation')} {o.quotationNumber ?? ''}</Link><span aria-hidden>→</span></> : null}
        <span className="font-medium">{o.number ?? t('draftNumber')}</span>
      </nav>
      <dl className="card divide-y divide-slate-100">
        {row(t('customer'), <Link className="link" href={`/customers/${o.customerId}`}>{o.customerName}</Link>)}
        {row(t('contact'), o.contactName ?? '')}
        {row(t('customerReference'), <span className="[overflow-wrap:anywhere]" data-testid="order-po">{o.customerReference}</span>)}
        {row(t('orderDate'), day(o.orderDate, locale))}
        {row(t('salesperson'), o.ownerName)}
        {row(t('language'), LOCALE_NAMES[o.language as keyof typeof LOCALE_NAMES] ?? o.language)}
        {o.confirmedAt ? row(t('status.confirmed'), formatDateTime(o.confirmedAt, locale, tz)) : null}
        {o.cancelledAt ? row(t('status.cancelled'), `${formatDateTime(o.cancelledAt, locale, tz)}${o.cancelReason ? ` · ${o.cancelReason}` : ''}`) : null}
      </dl>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t('lines')}</h2>
        {/* Phones get one card per line; wider screens a table. */}
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm sm:hidden" data-testid="order-line-cards">
          {o.lines.map((l) => (
            <li key={l.id} className="space-y-1 px-3 py-2">
              <p>{l.position}. {l.productCode ? <span className="text-slate-500">{l.productCode} · </span> : null}{l.description}</p>
              <p className="flex justify-between gap-2 text-slate-600">
                <span>{trimZeros(l.quantity)} {l.unit} × {formatMoney(trimZeros(l.unitPrice), o.currency, locale)}{Number(l.discountValue) === 0 ? '' : l.discountKind === 'percent' ? ` −${trimZeros(l.discountValue)} %` : ` −${money(l.discount)}`}</span>
                <span className="font-medium text-slate-900">{money(l.net)}</span>
              </p>
              {o.status !== 'draft' ? <p className="text-xs text-slate-500">{t('progress', progress(l))}</p> : null}
            </li>
          ))}
        </ul>
        <div className="hidden overflow-x-auto rounded-lg border border-slate-200 bg-white sm:block">
          <table className="w-full min-w-[640px] text-sm" data-testid="order-lines">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th className="px-3 py-2">#</th>
                <th className="px-3 py-2">{t('line.description')}</th>
                <th className="px-3 py-2 text-right">{t('ordered')}</th>
                <th className="px-3 py-2 text-right">{t('line.unitPrice')}</th>
                <th className="px-3 py-2 text-right">{t('line.discount')}</th>
                <th className="px-3 py-2 text-right">{t('line.net')}</th>
                <th className="px-3 py-2 text-right">{t('delivered')}</th>
                <th className="px-3 py-2 text-right">{t('invoiced')}</th>
                <th className="px-3 py-2 text-right">{t('toInvoice')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {o.lines.map((l) => {
                const p = progress(l);
                return (
                  <tr key={l.id}>
                    <td className="px-3 py-2">{l.position}</td>
                    <td className="px-3 py-2">{l.productCode ? <span className="text-slate-500">{l.productCode} · </span> : null}{l.description}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{trimZeros(l.quantity)} {l.unit}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{formatMoney(trimZeros(l.unitPrice), o.currency, locale)}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{Number(l.discountValue) === 0 ? '' : l.discountKind === 'percent' ? `${trimZeros(l.discountValue)} %` : money(l.discount)}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{money(l.net)}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{p.delivered}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{p.invoiced}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{p.toInvoice}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <dl className="ml-auto max-w-sm space-y-1 text-sm" data-testid="order-totals">
          <div className="flex justify-between"><dt>{t('subtotal')}</dt><dd>{money(o.subtotal)}</dd></div>
          {documentDiscount.gt(0) ? <div className="flex justify-between"><dt>{t('documentDiscount')}{o.discountKind === 'percent' ? ` (${trimZeros(o.discountValue)} %)` : ''}</dt><dd>−{money(documentDiscount.toFixed(2))}</dd></div> : null}
          <div className="flex justify-between"><dt>{t('taxBase')}</dt><dd>{money(o.taxBase)}</dd></div>
          {taxes.length ? taxes.map((x, i) => <div key={i} className="flex justify-between"><dt>{x.label || t('tax')}</dt><dd>{money(x.tax)}</dd></div>)
            : <div className="flex justify-between"><dt>{t('tax')}</dt><dd>{money(o.taxTotal)}</dd></div>}
          <div className="flex justify-between border-t border-slate-200 pt-1 font-semibold"><dt>{t('grandTotal')}</dt><dd data-testid="order-grand-total">{money(o.grandTotal)}</dd></div>
          {o.pricesIncludeTax ? <p className="text-xs text-slate-500">{t('pricesIncludeTax')}</p> : null}
        </dl>
      </section>
      {o.terms || o.notes ? (
        <section className="card space-y-2 text-sm">
          {o.terms ? <><h2 className="font-semibold">{t('terms')}</h2><p className="whitespace-pre-line">{o.terms}</p></> : null}
          {o.notes ? <><h2 className="font-semibold">{t('notes')}</h2><p className="whitespace-pre-line">{o.notes}</p></> : null}
        </section>
      ) : null}
      {o.status === 'draft' ? <p className="text-sm text-slate-600">{t('deliveriesLater')}</p> : <DeliveriesSection db={db} actor={actor} orderId={o.id} showLines={false} />}
      {mayCancel ? (
        <details className="card text-sm" data-testid="cancel-order">
          <summary className="cursor-pointer font-medium text-red-700">{t('cancel')}</summary>
          <ActionForm action={cancelOrderAction} submitLabel={t('cancel')} danger className="mt-3 space-y-3" testId="cancel-order-form">
            <Hidden name="id" value={o.id} />
            <Hidden name="version" value={o.version} />
            <TextArea name="reason" label={t('cancelReason')} rows={2} />
          </ActionForm>
        </details>
      ) : null}
    </div>
  );
}
