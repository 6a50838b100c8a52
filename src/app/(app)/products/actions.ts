'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { formAction } from '@/server/action';
import {
  createPriceList, createProduct, priceItemInput, priceListInput, productInput, removeListPrice, setListPrice,
  updatePriceList, updateProduct,
} from '@/server/catalog';
import { uuid, version } from '@/server/validation';

const saved = async () => ({ status: 'ok' as const, message: (await getTranslations('catalog'))('saved') });

export const createProductAction = formAction(productInput, ({ db, actor, input }) => createProduct(db, actor, input), () => redirect('/products'));

export const updateProductAction = formAction(
  productInput.extend({ id: uuid, version }),
  ({ db, actor, input }) => updateProduct(db, actor, input.id, input.version, input),
  () => redirect('/products'),
);

export const createPriceListAction = formAction(priceListInput, ({ db, actor, input }) => createPriceList(db, actor, input), (id) => redirect(`/price-lists/${id}`));

export const updatePriceListAction = formAction(
  priceListInput.extend({ id: uuid, version }),
  async ({ db, actor, input }) => {
    await updatePriceList(db, actor, input.id, input.version, input);
    return input.id;
  },
  async (id) => {
    revalidatePath(`/price-lists/${id}`);
    return saved();
  },
);

export const setListPriceAction = formAction(priceItemInput, async ({ db, actor, input }) => {
  await setListPrice(db, actor, input);
  return input.priceListId;
}, async (id) => {
  revalidatePath(`/price-lists/${id}`);
  return saved();
});

export const removeListPriceAction = formAction(z.object({ priceListId: uuid, productId: uuid }), async ({ db, actor, input }) => {
  await removeListPrice(db, actor, input.priceListId, input.productId);
  return input.priceListId;
}, (id) => revalidatePath(`/price-lists/${id}`));
