import { z } from 'zod';
import { LOCALES } from '../i18n/locales';
import { CURRENCIES } from '../organization';
import { checkbox, date, longText, money, optionalUuid, quantity, text } from '../validation';

export { plainNumber } from '../validation';

const discountKind = z.preprocess((v) => v || 'percent', z.enum(['percent', 'amount'], { message: 'invalidChoice' }));

export const lineInput = z.object({
  productId: z.preprocess((v) => v ?? '', optionalUuid),
  description: longText(2000),
  unit: text(30),
  // Shape and column limits here; zero, per-currency decimals and discount rules in the totals module.
  quantity: quantity({ required: true }),
  unitPrice: money({ required: true, negativeKey: 'negativePrice' }),
  discountKind,
  discountValue: money({ empty: '0', negativeKey: 'negativeDiscount' }),
  taxRateId: z.preprocess((v) => v ?? '', optionalUuid),
  // The catalogue had no price in the quotation's currency: the rep must confirm this one.
  priceToConfirm: checkbox.optional().default(false),
});
export type LineInput = z.infer<typeof lineInput>;

const bool = checkbox;

function parseLines(v: unknown): unknown {
  if (Array.isArray(v)) return v;
  if (typeof v !== 'string' || v.trim() === '') return [];
  try {
    return JSON.parse(v);
  } catch {
    return null;
  }
}

export const quotationInput = z.object({
  customerId: z.preprocess((v) => v ?? '', optionalUuid),
  contactId: z.preprocess((v) => v ?? '', optionalUuid),
  opportunityId: z.preprocess((v) => v ?? '', optionalUuid),
  ownerId: z.preprocess((v) => v ?? '', optionalUuid),
  language: z.enum(LOCALES, { message: 'invalidChoice' }),
  currency: z.enum(CURRENCIES, { message: 'invalidChoice' }),
  pricesIncludeTax: bool,
  validUntil: date(),
  discountKind,
  discountValue: money({ empty: '0', negativeKey: 'negativeDiscount' }),
  terms: longText(5000),
  notes: longText(5000),
  lines: z.preprocess(parseLines, z.array(lineInput, { message: 'invalid' }).max(500, 'tooLong')),
  // The currency the editor last re-priced the catalogue lines for; another one and the server does it.
  pricesCheckedFor: text(3).optional(),
});
export type QuotationInput = z.infer<typeof quotationInput>;

export const acceptInput = z.object({
  token: z.string().max(100),
  name: text(120).refine((v) => v.length >= 2, 'required'),
  agree: z.preprocess((v) => v === 'on' || v === 'true', z.literal(true, { message: 'mustAgree' })),
});
export const declineInput = z.object({
  token: z.string().max(100),
  reason: longText(1000),
});

export const QUOTATION_STATUSES = ['draft', 'sent', 'accepted', 'declined', 'expired', 'revised'] as const;
export type QuotationStatus = (typeof QUOTATION_STATUSES)[number];
