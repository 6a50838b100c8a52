import Decimal from 'decimal.js';

/**
 * The one totals module for sales documents (quotations now; orders and invoices later). Pure: no
 * database, no I/O, no JS floating point. Amounts go in and come out as decimal strings.
 *
 * Rounding rule, stated once:
 * - every money figure is rounded half-up (away from zero) to the currency's minor unit, once;
 * - per line: gross = round(quantity x unit price);
 *   net = round(quantity x unit price x (1 - percent / 100)) for a percent discount, or
 *   net = gross - round(amount), never below zero, for an amount discount;
 *   the line discount printed is derived: discount = gross - net, so the columns always add up.
 *   (Rounding the discount on its own and subtracting it could leave the net a unit low: five at 5.75
 *   less 18 % is exactly 23.575, so 23.58, not 28.75 - 5.18 = 23.57.)
 * - the document subtotal is the sum of the printed line nets;
 * - the document discount (percent of the subtotal, or an amount) is rounded once and shared across
 *   the tax rates in proportion to their nets (largest remainder, so the shares add up exactly);
 * - VAT is computed once per tax rate on the discounted total of that rate (per document, not per line),
 *   so many small lines never drift by a satang each. Tax-inclusive prices: the rate's discounted total
 *   is what the customer pays, VAT = total x r / (100 + r), rounded, and the base is the rest.
 */

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
type Dec = InstanceType<typeof D>;

/**
 * Largest number of digits before the decimal point accepted for a quantity, a unit price or any
 * computed amount. Money is stored in numeric(18,2) (16 integer digits) and prices and quantities in
 * numeric(18,4) (14 integer digits); 14 keeps every figure safely inside both.
 */
export const MAX_MONEY_INTEGER_DIGITS = 14;
const MONEY_LIMIT = new D(10).pow(MAX_MONEY_INTEGER_DIGITS);
const tooLarge = (v: Dec) => v.abs().gte(MONEY_LIMIT);

const MINOR_UNITS: Record<string, number> = { THB: 2, VND: 0, RUB: 2, USD: 2, EUR: 2, JPY: 0 };

/** Digits after the decimal point for a currency (VND has none). */
export function minorUnits(currency: string): number {
  if (currency in MINOR_UNITS) return MINOR_UNITS[currency];
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

export type DiscountKind = 'percent' | 'amount';

export type TotalsLine = {
  quantity: string;
  unitPrice: string;
  discountKind: DiscountKind;
  /** Percent (0-100) or an amount off the line; '0' for none. */
  discountValue: string;
  /** Percent; '0' for zero-rated and exempt lines. */
  taxRate: string;
  /** Groups lines for the VAT summary (a tax rate id, or e.g. 'exempt'). */
  taxKey: string;
};

export type TotalsInput = {
  currency: string;
  pricesIncludeTax: boolean;
  lines: TotalsLine[];
  discountKind: DiscountKind;
  discountValue: string;
};

export type LineTotals = { gross: string; discount: string; net: string };
export type TaxGroup = { key: string; rate: string; net: string; discount: string; base: string; tax: string };
export type Totals = {
  lines: LineTotals[];
  /** Sum of line nets (tax-inclusive when prices include tax). */
  subtotal: string;
  lineDiscountTotal: string;
  documentDiscount: string;
  /** Amount before VAT, after all discounts. */
  taxBase: string;
  taxes: TaxGroup[];
  taxTotal: string;
  grandTotal: string;
};

/** Field -> error key; the same keys the forms translate. Empty when the input is good. */
export type TotalsErrors = Record<string, string>;

const NUMBER = /^\d+(\.\d+)?$/;

function decimals(v: string): number {
  const i = v.indexOf('.');
  return i < 0 ? 0 : v.length - i - 1;
}

/**
 * Checks the input the way a person typed it; every message key is translated by the forms. Besides
 * the format of each number it refuses, with 'amountTooLarge', a quantity, unit price or line gross
 * (on the line's field) and a document total (on 'discountValue') with more than
 * MAX_MONEY_INTEGER_DIGITS integer digits, so nothing computed here can overflow its column.
 */
export function checkTotalsInput(input: TotalsInput): TotalsErrors {
  const errors: TotalsErrors = {};
  const minor = minorUnits(input.currency);
  input.lines.forEach((l, i) => {
    const at = (f: string) => `lines.${i}.${f}`;
    if (l.quantity.startsWith('-')) errors[at('quantity')] = 'negativeQuantity';
    else if (!NUMBER.test(l.quantity) || decimals(l.quantity) > 4) errors[at('quantity')] = 'invalidQuantity';
    else if (new D(l.quantity).isZero()) errors[at('quantity')] = 'invalidQuantity';
    if (l.unitPrice.startsWith('-')) errors[at('unitPrice')] = 'negativePrice';
    else if (!NUMBER.test(l.unitPrice)) errors[at('unitPrice')] = 'invalidAmount';
    // Unit prices may be finer than the currency (0.125 THB a screw); VND has no fractions at all.
    else if (decimals(l.unitPrice) > (minor === 0 ? 0 : 4)) errors[at('unitPrice')] = minor === 0 ? 'noDecimalsForCurrency' : 'tooManyDecimals';
    if (!errors[at('quantity')] && tooLarge(new D(l.quantity))) errors[at('quantity')] = 'amountTooLarge';
    if (!errors[at('unitPrice')] && tooLarge(new D(l.unitPrice))) errors[at('unitPrice')] = 'amountTooLarge';
    const gross = !errors[at('quantity')] && !errors[at('unitPrice')] ? lineGross(l, minor) : null;
    if (gross !== null && tooLarge(gross)) errors[at('unitPrice')] = 'amountTooLarge';
    if (!NUMBER.test(l.taxRate) || new D(l.taxRate).gt(100)) errors[at('taxRateId')] = 'unknownTaxRate';
    const discount = discountError(l.discountKind, l.discountValue, minor);
    if (discount) errors[at('discountValue')] = discount;
    else if (gross !== null && !errors[at('unitPrice')] && l.discountKind === 'amount') {
      if (new D(l.discountValue).gt(gross)) errors[at('discountValue')] = 'discountTooBig';
    }
  });
  const doc = discountError(input.discountKind, input.discountValue, minor);
  if (doc) errors.discountValue = doc;
  else if (!Object.keys(errors).length) {
    // The sum of the grosses bounds the subtotal and the stored discount total (line + document).
    const grossTotal = input.lines.reduce((s, l) => s.plus(lineGross(l, minor)), new D(0));
    const subtotal = input.lines.reduce((s, l) => s.plus(lineNet(l, minor)), new D(0));
    if (tooLarge(grossTotal)) errors.discountValue = 'amountTooLarge';
    else if (input.discountKind === 'amount' && new D(input.discountValue).gt(subtotal)) errors.discountValue = 'discountTooBig';
    // VAT on top can push the grand total past the limit even when the subtotal fits.
    else if (tooLarge(new D(computeTotals(input).grandTotal))) errors.discountValue = 'amountTooLarge';
  }
  return errors;
}

function discountError(kind: DiscountKind, value: string, minor: number): string | null {
  if (value.startsWith('-')) return 'negativeDiscount';
  if (!NUMBER.test(value)) return 'invalidAmount';
  if (kind === 'percent') {
    if (new D(value).gt(100)) return 'discountOver100';
    if (decimals(value) > 2) return 'tooManyDecimals';
  } else if (decimals(value) > minor) {
    return minor === 0 ? 'noDecimalsForCurrency' : 'tooManyDecimals';
  }
  return null;
}

const money = (v: Dec, minor: number) => v.toDecimalPlaces(minor, Decimal.ROUND_HALF_UP);

/** quantity x unit price, exact (both have at most four decimals, well inside the 40-digit precision). */
function lineExact(l: TotalsLine): Dec {
  return new D(l.quantity).times(l.unitPrice);
}

function lineGross(l: TotalsLine, minor: number): Dec {
  return money(lineExact(l), minor);
}

/**
 * The line's net, rounded once: a percent discount is applied to the exact quantity x price and only
 * then rounded; an amount discount is taken off the rounded gross. Never below zero. The printed
 * discount is gross - net (see computeTotals), not rounded on its own.
 */
function lineNet(l: TotalsLine, minor: number): Dec {
  const v = new D(l.discountValue || '0');
  const net =
    l.discountKind === 'percent'
      ? money(lineExact(l).times(new D(100).minus(v)).div(100), minor)
      : lineGross(l, minor).minus(money(v, minor));
  return D.max(net, 0);
}

/** Splits `amount` across `weights` in proportion, in minor units, so the parts add up exactly. */
export function allocate(amount: Dec, weights: Dec[], minor: number): Dec[] {
  const total = weights.reduce((s, w) => s.plus(w), new D(0));
  if (total.isZero() || amount.isZero()) return weights.map(() => new D(0));
  const unit = new D(1).div(new D(10).pow(minor));
  const exact = weights.map((w) => amount.times(w).div(total));
  const floors = exact.map((e) => e.toDecimalPlaces(minor, Decimal.ROUND_DOWN));
  let left = amount.minus(floors.reduce((s, f) => s.plus(f), new D(0))).div(unit).toNumber();
  const order = exact
    .map((e, i) => ({ i, rem: e.minus(floors[i]) }))
    .sort((a, b) => b.rem.comparedTo(a.rem) || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = floors[i].plus(unit);
    left--;
  }
  return floors;
}

/** Computes a document's totals. Call `checkTotalsInput` first; this assumes the input is valid. */
export function computeTotals(input: TotalsInput): Totals {
  const minor = minorUnits(input.currency);
  const fmt = (v: Dec) => v.toFixed(minor);
  const lines = input.lines.map((l) => {
    const gross = lineGross(l, minor);
    const net = lineNet(l, minor);
    return { gross, discount: gross.minus(net), net };
  });
  const subtotal = lines.reduce((s, l) => s.plus(l.net), new D(0));
  const lineDiscountTotal = lines.reduce((s, l) => s.plus(l.discount), new D(0));
  const dv = new D(input.discountValue || '0');
  const documentDiscount = D.min(
    input.discountKind === 'percent' ? money(subtotal.times(dv).div(100), minor) : money(dv, minor),
    subtotal,
  );

  // Group by tax rate in first-seen order, so the VAT summary follows the lines.
  const groups = new Map<string, { rate: Dec; net: Dec }>();
  input.lines.forEach((l, i) => {
    const g = groups.get(l.taxKey) ?? { rate: new D(l.taxRate), net: new D(0) };
    g.net = g.net.plus(lines[i].net);
    groups.set(l.taxKey, g);
  });
  const entries = [...groups.entries()];
  const shares = allocate(documentDiscount, entries.map(([, g]) => g.net), minor);
  const taxes = entries.map(([key, g], i) => {
    const after = g.net.minus(shares[i]);
    const tax = input.pricesIncludeTax
      ? money(after.times(g.rate).div(g.rate.plus(100)), minor)
      : money(after.times(g.rate).div(100), minor);
    const base = input.pricesIncludeTax ? after.minus(tax) : after;
    return { key, rate: g.rate.toString(), net: fmt(g.net), discount: fmt(shares[i]), base, tax };
  });
  const taxBase = taxes.reduce((s, t) => s.plus(t.base), new D(0));
  const taxTotal = taxes.reduce((s, t) => s.plus(t.tax), new D(0));
  return {
    lines: lines.map((l) => ({ gross: fmt(l.gross), discount: fmt(l.discount), net: fmt(l.net) })),
    subtotal: fmt(subtotal),
    lineDiscountTotal: fmt(lineDiscountTotal),
    documentDiscount: fmt(documentDiscount),
    taxBase: fmt(taxBase),
    taxes: taxes.map((t) => ({ ...t, base: fmt(t.base), tax: fmt(t.tax) })),
    taxTotal: fmt(taxTotal),
    grandTotal: fmt(taxBase.plus(taxTotal)),
  };
}
