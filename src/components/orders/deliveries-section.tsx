import { getTranslations } from 'next-intl/server';
import type { Actor } from '@/server/access/actor';
import type { Db } from '@/server/db/client';
import { can } from '@/server/access/permissions';
import { deliveriesOf, orderInScope, orderLineProgress } from '@/server/deliveries';
import { availability } from '@/server/stock';
import { todayIn } from '@/server/opportunities/commands';
import { recordDeliveryAction } from '@/app/(app)/deliveries/actions';
import { DeliveryForm } from '@/app/(app)/deliveries/delivery-form';

const plain = (v: string) => (v.includes('.') ? v.replace(/0+$/, '').replace(/\.$/, '') : v);

/**
 * An order's deliveries: per line ordered, delivered, invoiced and still to invoice (with what is
 * available of stock-tracking products), the delivery notes with their PDFs, and for a confirmed
 * order and users who may record deliveries, the form to deliver what remains or part of it.
 */
export async function DeliveriesSection({ db, actor, orderId, showLines = true }: {
  db: Db; actor: Actor; orderId: string;
  /** The per-line table (ordered, delivered, invoiced, to invoice, available); off where the page shows its own. */
  showLines?: boolean;
}) {
  const t = await getTranslations('deliveries');
  const ts = await getTranslations('stock');
  const order = await orderInScope(db, actor, orderId);
  const [lines, notes] = await Promise.all([orderLineProgress(db, actor, orderId), deliveriesOf(db, actor, orderId)]);
  const stock = await availability(db, actor, lines.filter((l) => l.kind === 'goods' && l.productId).map((l) => l.productId!));
  const open = lines.filter((l) => Number(l.toDeliver) > 0);
  const mayDeliver = order.status === 'confirmed' && can(actor, 'delivery.record');
  return (
    <section className="space-y-3" data-testid="deliveries-section">
      <h2 className="text-lg font-semibold">{t('title')}</h2>
      {showLines ? <div className="card overflow-x-auto p-0">
        <table className="w-full min-w-[34rem] text-sm">
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th className="px-3 py-2">{t('line')}</th>
              <th className="px-3 py-2 text-right">{t('ordered')}</th>
              <th className="px-3 py-2 text-right">{t('delivered')}</th>
              <th className="px-3 py-2 text-right">{t('invoiced')}</th>
              <th className="px-3 py-2 text-right">{t('toInvoice')}</th>
              <th className="px-3 py-2 text-right">{ts('available')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {lines.map((l) => {
              const s = l.productId ? stock.get(l.productId) : undefined;
              const short = s && l.kind === 'goods' && Number(l.toDeliver) > Number(s.onHand);
              return (
                <tr key={l.id} data-testid="order-line-progress">
                  <td className="px-3 py-2">
                    {`${l.position}. ${l.description}`}
                    {l.kind === 'service' ? <span className="ml-1 text-xs text-slate-500">({t('service')})</span> : null}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{`${plain(l.quantity)} ${l.unit}`.trim()}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{plain(l.delivered)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{plain(l.invoiced)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{l.toInvoice}</td>
                  <td className={`px-3 py-2 text-right tabular-nums ${short ? 'font-semibold text-amber-700' : ''}`}>{s ? s.available : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div> : null}
      {notes.length ? (
        <ul className="card divide-y divide-slate-200 p-0" data-testid="delivery-notes">
          {notes.map((n) => (
            <li key={n.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
              <span className="font-medium">{n.number}</span>
              <span className="text-slate-600">{n.deliveredOn}</span>
              <span className="text-slate-600">{`${t('items')}: ${n.lines.length}`}</span>
              <a className="link" href={`/deliveries/${n.id}/pdf`} target="_blank" rel="noopener">{t('pdf')}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">{t('none')}</p>
      )}
      {order.status !== 'confirmed' ? (
        order.status === 'draft' ? <p className="text-sm text-slate-600">{t('notConfirmed')}</p> : null
      ) : !open.length ? (
        <p className="text-sm text-slate-600">{t('allDelivered')}</p>
      ) : mayDeliver ? (
        <>
          <h3 className="font-semibold">{t('formTitle')}</h3>
          <DeliveryForm
            action={recordDeliveryAction}
            orderId={orderId}
            today={todayIn(actor.org.timeZone)}
            rows={open.map((l) => ({
              orderLineId: l.id, position: l.position, description: l.description, unit: l.unit, remaining: l.toDeliver,
              onHand: l.kind === 'goods' && l.productId && stock.get(l.productId) ? stock.get(l.productId)!.onHand : null,
            }))}
            labels={{
              submit: t('submit'), line: t('line'), remaining: t('remaining'), quantity: t('quantity'), onHand: t.raw('onHand') as string,
              deliveredOn: t('deliveredOn'), note: t('note'), hint: t('formHint'),
            }}
          />
        </>
      ) : null}
    </section>
  );
}
