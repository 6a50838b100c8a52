import { z } from 'zod';
import { LOCALES } from '../i18n/locales';
import { CURRENCIES } from '../organization';
import { optionalUuid, text } from '../validation';

/**
 * Reads a number as a person types it into a plain decimal string: spaces and thousands commas
 * go ("1,250.50", "1 250,5"), a decimal comma becomes a point. The sign is kept so that a negative
 * entry is refused with its own message rather than silently changed.
 */
export function plainNumber(raw: unknown): string {
  let s = String(raw ?? '').trim().replace(/[\s\u00a0\u202f_]/g, '');
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  else if (/^-?\d+,\d+$/.test(s)) s = s.replace(',', '.');
  return s;
}

const num = (empty: string) => z.preprocess((v) => plainNumber(v) || empty, z.string().max(40, 'tooLong'));
const discountKind = z.preprocess((v) => v || 'percent', z.enum(['percent', 'amount'], { message: 'invalidChoice' }));

export const lineInput = z.object({
  productId: z.preprocess((v) => v ?? '', optionalUuid),
  description: z.preprocess((v) => v ?? '', text(2000)),
  unit: z.preprocess((v) => v ?? '', text(30)),
  quantity: num(''),
  unitPrice: num(''),
  discountKind,
  discountValue: num('0'),
  taxRateId: z.preprocess((v) => v ?? '', optionalUuid),
});
export type LineInput = z.infer<typeof lineInput>;

const bool = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());

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
  validUntil: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, 'invalidDate'),
  discountKind,
  discountValue: num('0'),
  terms: z.preprocess((v) => v ?? '', text(5000)),
  notes: z.preprocess((v) => v ?? '', text(5000)),
  lines: z.preprocess(parseLines, z.array(lineInput, { message: 'invalid' }).max(500, 'tooLong')),
});
export type QuotationInput = z.infer<typeof quotationInput>;

export const acceptInput = z.object({
  token: z.string(),
  name: z.string().trim().min(2, 'required').max(120, 'tooLong'),
  agree: z.preprocess((v) => v === 'on' || v === 'true', z.literal(true, { message: 'mustAgree' })),
});
export const declineInput = z.object({
  token: z.string(),
  reason: z.preprocess((v) => v ?? '', text(1000)),
});

export const QUOTATION_STATUSES = ['draft', 'sent', 'accepted', 'declined', 'expired', 'revised'] as const;
export type QuotationStatus = (typeof QUOTATION_STATUSES)[number];
