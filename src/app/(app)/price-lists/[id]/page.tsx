import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireActor } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { can } from '@/server/access/permissions';
import { orNotFound } from '@/server/not-found';
import { getPriceList, listProducts } from '@/server/catalog';
import { isUuid } from '@/server/validation';
import { trimZeros } from '@/server/quotations/commands';
import { ActionForm } from '@/components/forms/action-form';
import { Hidden, SelectField, TextField } from '@/components/forms/fields';
import { formatMoney } from '@/lib/format';
import type { Locale } from '@/server/i18n/locales';
import { removeListPriceAction, setListPriceAction, updatePriceListAction } from '../../products/actions';
import { PriceListForm } from '../list-form';

export default async function PriceListPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  if (!isUuid(id)) notFound();
  const db = await getDb();
  const list = await orNotFound(getPriceList(db, actor, id));
  const t = await getTranslations('catalog');
  const locale = (await getLocale()) as Locale;
  const manage = can(actor, 'catalog.manage');
  const { rows: products } = manage ? await listProducts(db, actor, { limit: 500 }) : { rows: [] };
  return (
    <div className="space-y-4">
      <h1 className="h1">{list.name}</h1>
      <p className="text-sm text-slate-600">{list.currency}{list.customerGroup ? ` · ${t('customerGroup')}: ${list.customerGroup}` : ''} · {t('itemCount', { count: list.items.length })}</p>
      {list.items.length === 0 ? <p className="card text-slate-600">{t('noItems')}</p> : (
        <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white" data-testid="price-items">
          {list.items.map((i) => (
            <li key={i.productId} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2">
              <span><span className="font-mono text-sm">{i.code}</span> · {i.name}</span>
              <span className="flex items-center gap-3">
                <span>{formatMoney(trimZeros(i.price), list.currency, locale)}{i.unit ? ` / ${i.unit}` : ''}{i.floorPrice !== null ? <span className="ml-2 text-xs text-slate-500" data-testid="item-floor">{t('listFloorPrice')}: {formatMoney(trimZeros(i.floorPrice), list.currency, locale)}</span> : null}</span>
                {manage ? (
                  <ActionForm action={removeListPriceAction} submitLabel={t('remove')} className="flex" danger>
                    <Hidden name="priceListId" value={list.id} />
                    <Hidden name="productId" value={i.productId} />
                  </ActionForm>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      )}
      {manage ? (
        <>
          <section className="card space-y-3">
            <h2 className="font-semibold">{t('setPrice')}</h2>
            <ActionForm action={setListPriceAction} submitLabel={t('setPrice')} testId="set-price-form">
              <Hidden name="priceListId" value={list.id} />
              <div className="grid gap-4 sm:grid-cols-2">
                <SelectField name="productId" label={t('product')} options={products.map(({ product: p }) => ({ value: p.id, label: `${p.code} · ${p.name}` }))} />
                <TextField name="price" label={`${t('items')} (${list.currency})`} inputMode="decimal" />
                <TextField name="floorPrice" label={`${t('listFloorPrice')} (${list.currency})`} inputMode="decimal" hint={t('floorPriceHint')} />
              </div>
            </ActionForm>
          </section>
          <section className="card space-y-3">
            <h2 className="font-semibold">{t('priceLists')}</h2>
            <PriceListForm action={updatePriceListAction} submitLabel={t('save')} values={{ id: list.id, version: list.version, name: list.name, currency: list.currency, customerGroup: list.customerGroup, pricesIncludeTax: list.pricesIncludeTax, active: list.active }} />
          </section>
        </>
      ) : null}
    </div>
  );
}
