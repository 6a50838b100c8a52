import { z } from 'zod';
import { quotationInput } from '../quotations/schemas';
import { date, longText, text, uuid, version } from '../validation';

/**
 * A sales order's form: the quotation's fields without the validity (an order does not expire),
 * plus the customer's own PO number and the order date. Lines are the quotation editor's lines.
 */
export const orderInput = quotationInput.omit({ validUntil: true, pricesCheckedFor: true }).extend({
  customerReference: text(60),
  orderDate: date(),
});
export type OrderInput = z.infer<typeof orderInput>;

export const ORDER_STATUSES = ['draft', 'confirmed', 'completed', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const confirmOrderInput = z.object({ id: uuid, version });
export const cancelOrderInput = z.object({ id: uuid, version, reason: longText(1000) });
export const convertQuotationInput = z.object({ quotationId: uuid });
