import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requireActor } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { can } from '@/server/access/permissions';
import { listPriceLists } from '@/server/catalog';
import { createPriceListAction } from '../products/actions';
import { PriceListForm } from './list-form';

export async function generateMetadata() {
  return { title: (await getTranslations('catalog'))('priceLists') };
}

export default async function PriceListsPage() {
  const actor = await requireActor();
  const t = await getTranslations('catalog');
  const lists = await listPriceLists(await getDb(), actor);
  return (
    <div className="space-y-4">
      <h1 className="h1">{t('priceLists')}</h1>
      <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white" data-testid="price-lists">
        {lists.map((l) => (
          <li key={l.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
            <Link className="link" href={`/price-lists/${l.id}`}>{l.name}</Link>
            <span className="text-sm text-slate-600">{l.currency}{l.customerGroup ? ` · ${l.customerGroup}` : ''}{l.pricesIncludeTax ? ` · ${t('listIncludesTax')}` : ''}{l.active ? '' : ` · ${t('inactive')}`}</span>
          </li>
        ))}
      </ul>
      {can(actor, 'catalog.manage') ? (
        <section className="card space-y-3">
          <h2 className="font-semibold">{t('newPriceList')}</h2>
          <PriceListForm action={createPriceListAction} submitLabel={t('create')} values={{ name: '', currency: actor.org.currency, customerGroup: '', pricesIncludeTax: false, active: true }} />
        </section>
      ) : null}
    </div>
  );
}
