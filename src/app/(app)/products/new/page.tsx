import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireActor } from '@/server/auth/session';
import { can } from '@/server/access/permissions';
import { createProductAction } from '../actions';
import { ProductForm } from '../product-form';
import { rateOptions, unitOptions } from '../options';

export default async function NewProductPage() {
  const actor = await requireActor();
  if (!can(actor, 'catalog.manage')) notFound();
  const t = await getTranslations('catalog');
  return (
    <div className="space-y-4">
      <h1 className="h1">{t('newProduct')}</h1>
      <ProductForm action={createProductAction} submitLabel={t('create')} rates={await rateOptions(actor)} units={await unitOptions(actor)} currency={actor.org.currency}
        values={{ code: '', name: '', names: {}, unitId: null, description: '', price: '', floorPrice: '', taxRateId: null, active: true }} />
    </div>
  );
}
