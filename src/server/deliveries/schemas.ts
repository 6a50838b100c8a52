import { z } from 'zod';
import { date, longText, quantity, uuid } from '../validation';

/**
 * One row of the delivery form: an order line and how much of it leaves now. Blank or 0 means
 * "not this time" (the form is prefilled with what remains, and people clear what stays).
 */
export const deliveryLineInput = z.object({
  orderLineId: uuid,
  quantity: quantity({ empty: '0' }),
});

/**
 * The form's rows arrive as `lines.0.orderLineId`, `lines.0.quantity`, ... (plain inputs, no script
 * needed) or, from code, as an array or its JSON. Gathered into an array by row index, keeping the
 * index so that an error names the row the user sees.
 */
function gatherLines(v: unknown): unknown {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
  const o = v as Record<string, unknown>;
  let lines = o.lines;
  if (typeof lines === 'string') {
    try {
      lines = lines.trim() === '' ? [] : JSON.parse(lines);
    } catch {
      lines = null;
    }
  }
  if (lines === undefined) {
    const rows: Record<string, unknown>[] = [];
    for (const [k, val] of Object.entries(o)) {
      const m = /^lines\.(\d{1,3})\.(orderLineId|quantity)$/.exec(k);
      if (!m) continue;
      const i = Number(m[1]);
      rows[i] ??= {};
      rows[i][m[2]] = val;
    }
    lines = Array.from(rows, (r) => r ?? {});
  }
  return { ...o, lines };
}

export const deliveryInput = z.preprocess(
  gatherLines,
  z.object({
    orderId: uuid,
    deliveredOn: date(),
    note: longText(2000),
    lines: z.array(deliveryLineInput, { message: 'invalid' }).max(500, 'tooLong'),
  }),
);
export type DeliveryInput = z.infer<typeof deliveryInput>;
