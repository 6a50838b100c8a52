import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Actor } from '@/server/access/actor';
import type { Db } from '@/server/db/client';
import { can } from '@/server/access/permissions';
import { availability, stockMovesOf } from '@/server/stock';
import { ActionForm } from '@/components/forms/action-form';
import { Hidden, TextArea, TextField } from '@/components/forms/fields';
import { adjustStockAction } from '@/app/(app)/deliveries/actions';

const plain = (v: string) => (v.includes('.') ? v.replace(/0+$/, '').replace(/\.$/, '') : v);

/** A product's stock: on hand, reserved and available, a manager's adjustment form, the latest moves. */
export async function StockPanel({ db, actor, product }: { db: Db; actor: Actor; product: { id: string; tracksStock: boolean } }) {
  const t = await getTranslations('stock');
  if (!product.tracksStock) return <p className="text-sm text-slate-600" data-testid="stock-panel">{t('notTracked')}</p>;
  const [figures, moves] = await Promise.all([availability(db, actor, [product.id]), stockMovesOf(db, actor, product.id)]);
  const s = figures.get(product.id) ?? { onHand: '0', reserved: '0', available: '0' };
  const when = new Intl.DateTimeFormat(actor.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: actor.org.timeZone });
  return (
    <section className="space-y-3" data-testid="stock-panel">
      <h2 className="text-lg font-semibold">{t('title')}</h2>
      <dl className="grid grid-cols-3 gap-2">
        {(['onHand', 'reserved', 'available'] as const).map((k) => (
          <div key={k} className="card">
            <dt className="text-xs text-slate-500">{t(k)}</dt>
            <dd className="text-lg font-semibold tabular-nums" data-testid={`stock-${k}`}>{s[k]}</dd>
          </div>
        ))}
      </dl>
      {can(actor, 'stock.adjust') ? (
        <ActionForm action={adjustStockAction} submitLabel={t('save')} testId="stock-adjust-form" className="card space-y-3">
          <h3 className="font-semibold">{t('adjust')}</h3>
          <Hidden name="productId" value={product.id} />
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField name="quantity" label={t('change')} inputMode="text" required />
          </div>
          <TextArea name="note" label={t('reason')} rows={2} />
        </ActionForm>
      ) : null}
      <h3 className="font-semibold">{t('moves')}</h3>
      {moves.length ? (
        <ul className="card divide-y divide-slate-200 p-0 text-sm" data-testid="stock-moves">
          {moves.map((m) => (
            <li key={m.id} className="flex flex-wrap justify-between gap-2 px-3 py-2">
              <span>{t(`kind.${m.kind}`)}</span>
              <span className={`tabular-nums font-medium ${Number(m.quantity) < 0 ? 'text-red-700' : 'text-green-700'}`}>{Number(m.quantity) > 0 ? `+${plain(m.quantity)}` : plain(m.quantity)}</span>
              <span className="text-slate-600">{m.note}</span>
              <span className="text-slate-500">{`${m.byName ?? ''} · ${when.format(m.createdAt)}`}</span>
              {m.deliveryId ? <Link className="link" href={`/deliveries/${m.deliveryId}/pdf`}>PDF</Link> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">{t('noMoves')}</p>
      )}
    </section>
  );
}
