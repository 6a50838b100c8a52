import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireActor } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { can } from '@/server/access/permissions';
import { orNotFound } from '@/server/not-found';
import { getProduct } from '@/server/catalog';
import { isUuid } from '@/server/validation';
import { trimZeros } from '@/server/quotations/commands';
import { updateProductAction } from '../actions';
import { ProductForm } from '../product-form';
import { rateOptions, unitOptions } from '../options';
import { StockPanel } from '@/components/stock/stock-panel';

export default async function EditProductPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  if (!can(actor, 'catalog.manage') || !isUuid(id)) notFound();
  const db = await getDb();
  const p = await orNotFound(getProduct(db, actor, id));
  const t = await getTranslations('catalog');
  return (
    <div className="space-y-4">
      <h1 className="h1">{t('editProduct')}</h1>
      <ProductForm action={updateProductAction} submitLabel={t('save')} rates={await rateOptions(actor)} units={await unitOptions(actor, p.unitId)} currency={actor.org.currency}
        values={{ id: p.id, version: p.version, code: p.code, name: p.name, names: p.names ?? {}, unitId: p.unitId, description: p.description, price: trimZeros(p.price), floorPrice: p.floorPrice === null ? '' : trimZeros(p.floorPrice), taxRateId: p.taxRateId, active: p.active, kind: p.kind, tracksStock: p.tracksStock }} />
      <StockPanel db={db} actor={actor} product={p} />
    </div>
  );
}
