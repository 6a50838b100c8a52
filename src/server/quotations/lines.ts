import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { products, taxRates } from '../db/schema';
import type { Actor } from '../access/actor';
import { invalid } from '../errors';
import Decimal from 'decimal.js';
import { checkTotalsInput, computeTotals, minorUnits, type Totals } from '../documents/totals';
import { listTaxRates } from '../catalog/tax-rates';
import { productName } from '../catalog/products';
import { resolveLineUnits } from '../catalog/units';
import type { LineInput, QuotationInput } from './schemas';

export type PreparedLine = LineInput & { description: string; taxRateId: string; taxRate: string; taxKind: 'vat' | 'zero' | 'exempt'; unitId?: string | null };

/**
 * Checks a quotation's lines and discounts against the catalogue and the tax rates of the
 * organization, then computes the totals. Throws Invalid with one key per bad field
 * ("lines.2.quantity") so the form marks the exact cell; nothing is saved.
 *
 * Each line takes its rate's period in force on the document's date (`on`: the issue date of a
 * sent quotation, today in the organization's time zone for a draft); a rate with no period then
 * is an error on that line ('noRateOnDate').
 */
export async function prepareLines(
  db: Db,
  actor: Actor,
  input: Pick<QuotationInput, 'lines' | 'currency' | 'pricesIncludeTax' | 'discountKind' | 'discountValue' | 'language'>,
  opts: { allowInactiveRates?: boolean; on?: string } = {},
) {
  const errors: Record<string, string> = {};
  const rates = await listTaxRates(db, actor, { includeInactive: true, on: opts.on });
  const defaultRate = rates.find((r) => r.isDefault && r.active) ?? rates.find((r) => r.active);
  const productIds = [...new Set(input.lines.map((l) => l.productId).filter((v): v is string => Boolean(v)))];
  const known = productIds.length
    ? await db.select().from(products).where(and(eq(products.orgId, actor.orgId), inArray(products.id, productIds)))
    : [];
  const lines: PreparedLine[] = input.lines.map((l, i) => {
    const product = l.productId ? known.find((p) => p.id === l.productId) : undefined;
    if (l.productId && !product) errors[`lines.${i}.productId`] = 'unknownProduct';
    const rate = l.taxRateId ? rates.find((r) => r.id === l.taxRateId && (r.active || opts.allowInactiveRates)) : product?.taxRateId ? rates.find((r) => r.id === product.taxRateId) : defaultRate;
    if (!rate) errors[`lines.${i}.taxRateId`] = 'unknownTaxRate';
    else if (rate.rate === null) errors[`lines.${i}.taxRateId`] = 'noRateOnDate';
    const description = l.description || (product ? productName(product, input.language) : '');
    if (!description) errors[`lines.${i}.description`] = 'required';
    return { ...l, description, unit: l.unit || product?.unit || '', taxRateId: rate?.id ?? '', taxRate: rate?.rate ?? '0', taxKind: rate?.kind ?? 'vat' };
  });
  const totalsInput = {
    currency: input.currency,
    pricesIncludeTax: input.pricesIncludeTax,
    discountKind: input.discountKind,
    discountValue: input.discountValue,
    lines: lines.map((l) => ({
      quantity: l.quantity, unitPrice: l.unitPrice, discountKind: l.discountKind, discountValue: l.discountValue,
      taxRate: l.taxRate, taxKey: l.taxRateId || 'none',
    })),
  };
  Object.assign(errors, checkTotalsInput(totalsInput), errors);
  if (Object.keys(errors).length) throw invalid(errors);
  // Which of the organization's units each line's text means (one query for all lines).
  const unitIds = await resolveLineUnits(db, actor.orgId, lines, known);
  lines.forEach((l, i) => (l.unitId = unitIds[i]));
  const totals: Totals = computeTotals(totalsInput);
  return { lines, totals };
}

/** The name of each tax rate used, for the VAT summary. */
export async function taxNames(db: Db, orgId: string, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: taxRates.id, name: taxRates.name }).from(taxRates).where(and(eq(taxRates.orgId, orgId), inArray(taxRates.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A document's stored totals: discounts of lines and document together, to the currency's minor unit. */
export function totalsColumns(totals: Totals, currency: string) {
  return {
    subtotal: totals.subtotal,
    discountTotal: new Decimal(totals.lineDiscountTotal).plus(totals.documentDiscount).toFixed(minorUnits(currency)),
    taxBase: totals.taxBase,
    taxTotal: totals.taxTotal,
    grandTotal: totals.grandTotal,
  };
}

/** The catalogue rows a document's lines point at, held (FOR KEY SHARE) while the lines are written. */
export function heldLines(lines: PreparedLine[]) {
  const out: Record<string, { table: 'product' | 'taxRate'; id: string | null }> = {};
  lines.forEach((l, i) => {
    out[`lines.${i}.productId`] = { table: 'product', id: l.productId };
    out[`lines.${i}.taxRateId`] = { table: 'taxRate', id: l.taxRateId || null };
  });
  return out;
}

/** The columns every sales document's line stores, from a prepared line and its computed amounts. */
export function lineColumns(l: PreparedLine, i: number, totals: Totals) {
  return {
    position: i + 1,
    productId: l.productId || null,
    description: l.description,
    unit: l.unit,
    unitId: l.unitId ?? null,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    discountKind: l.discountKind,
    discountValue: l.discountValue,
    taxRateId: l.taxRateId || null,
    taxRate: l.taxRate,
    taxKind: l.taxKind,
    gross: totals.lines[i].gross,
    discount: totals.lines[i].discount,
    net: totals.lines[i].net,
  };
}
