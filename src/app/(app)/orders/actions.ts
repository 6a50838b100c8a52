'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { formAction } from '@/server/action';
import {
  cancelOrder, cancelOrderInput, confirmOrder, confirmOrderInput, convertQuotationInput, createOrder, orderFromQuotation, orderInput, updateOrder,
} from '@/server/orders';
import { uuid, version } from '@/server/validation';

export const createOrderAction = formAction(
  orderInput,
  ({ db, actor, input }) => createOrder(db, actor, input),
  (id) => redirect(`/orders/${id}`),
);

export const updateOrderAction = formAction(
  orderInput.and(z.object({ id: uuid, version })),
  async ({ db, actor, input }) => {
    await updateOrder(db, actor, input.id, input.version, input);
    return input.id;
  },
  (id) => redirect(`/orders/${id}`),
);

/** The accepted quotation's "Create sales order": a draft order, opened for the PO number. */
export const orderFromQuotationAction = formAction(
  convertQuotationInput,
  ({ db, actor, input }) => orderFromQuotation(db, actor, input.quotationId),
  (id) => redirect(`/orders/${id}/edit`),
);

/**
 * Confirms and opens the order again; shortages (when the organization only warns) travel in the
 * address as position~ordered~available, for the page to show under the lines.
 */
export const confirmOrderAction = formAction(
  confirmOrderInput,
  async ({ db, actor, input }) => ({ id: input.id, ...(await confirmOrder(db, actor, input.id, input.version)) }),
  (r) => {
    revalidatePath(`/orders/${r.id}`);
    const short = r.shortages.map((s) => `${s.position}~${s.quantity}~${s.available}`).join(',');
    redirect(`/orders/${r.id}?confirmed=1${short ? `&short=${encodeURIComponent(short)}` : ''}`);
  },
);

export const cancelOrderAction = formAction(
  cancelOrderInput,
  async ({ db, actor, input }) => {
    await cancelOrder(db, actor, input.id, input.version, input.reason);
    return input.id;
  },
  async (id) => {
    revalidatePath(`/orders/${id}`);
    return { status: 'ok', message: (await getTranslations('orders'))('cancelledOk') };
  },
);
