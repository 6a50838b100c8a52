'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { formAction } from '@/server/action';
import { deliveryInput, recordDelivery } from '@/server/deliveries';
import { ensureDeliveryPdf } from '@/server/deliveries/pdf';
import { adjustStock, stockAdjustmentInput } from '@/server/stock';
import { logger } from '@/server/log';

/** Records a delivery note; its PDF is rendered and stored once the transaction has committed. */
export const recordDeliveryAction = formAction(
  deliveryInput,
  async ({ db, actor, input }) => ({ ...(await recordDelivery(db, actor, input.orderId, input)), orderId: input.orderId }),
  async ({ id, number, orderId }, { db }) => {
    await ensureDeliveryPdf(db, id).catch((e: unknown) => logger.error('delivery note PDF failed', { error: e, deliveryId: id }));
    revalidatePath(`/orders/${orderId}`);
    return { status: 'ok', message: (await getTranslations('deliveries'))('recorded', { number }) };
  },
);

export const adjustStockAction = formAction(
  stockAdjustmentInput,
  async ({ db, actor, input }) => ({ ...(await adjustStock(db, actor, input.productId, input)), productId: input.productId }),
  async ({ onHand, productId }) => {
    revalidatePath(`/products/${productId}`);
    return { status: 'ok', message: (await getTranslations('stock'))('adjusted', { n: onHand }) };
  },
);
