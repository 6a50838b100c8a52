import { z } from 'zod';

/**
 * The one input layer. Every action's schema is built from these field types, so that no input a
 * form can send reaches the database as a raw error: text has no control characters and is valid
 * Unicode, dates are real calendar dates in a sane window, numbers fit their column, ids are ids.
 * Messages are translation keys under `errors.` (src/messages/<locale>/common.json).
 *
 * Why each rule exists (all seen as raw 22xxx errors from PostgreSQL before this layer):
 * - NUL (U+0000) is refused by PostgreSQL in text and jsonb (22021); other C0/C1 controls are
 *   invisible and break mail headers and PDFs; lone surrogates are silently replaced by U+FFFD on
 *   the way to the database, so what is stored would differ from what was typed.
 * - '2099-02-30' matches YYYY-MM-DD but is not a date (22008); JS Date silently rolls it to March.
 * - numeric(18,4) holds 14 integer digits (22003); int columns hold 2^31-1.
 */

// C0 controls except TAB, LF, CR; DEL; C1 controls; U+2028/2029 (break JSON in old parsers and mail);
// non-characters U+FFFE/FFFF.
const CONTROL_MULTILINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\uFFFE\uFFFF]/;
// Single-line fields take no line breaks or tabs either.
const CONTROL_LINE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\uFFFE\uFFFF]/;

const wellFormed = (v: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(v);

/** True when a single-line text is clean (no control characters, valid Unicode). */
export const isCleanLine = (v: string) => !CONTROL_LINE.test(v) && wellFormed(v);
export const isCleanText = (v: string) => !CONTROL_MULTILINE.test(v) && wellFormed(v);

/** A form value as a string: undefined/null become '', numbers are stringified, anything else stays (and fails). */
const asString = (v: unknown) => (v == null ? '' : typeof v === 'number' ? String(v) : v);
const str = () => z.preprocess(asString, z.string({ message: 'invalid' }));

/** Single-line text, trimmed; '' allowed. */
export const text = (max = 200) =>
  str().pipe(z.string().trim().max(max, 'tooLong').refine(isCleanLine, 'invalidCharacters'));
export const requiredText = (max = 200) =>
  str().pipe(z.string().trim().min(1, 'required').max(max, 'tooLong').refine(isCleanLine, 'invalidCharacters'));
/** Multi-line text (notes, terms, addresses): line breaks and tabs allowed, other controls not. */
export const longText = (max = 4000) =>
  str().pipe(z.string().trim().max(max, 'tooLong').refine(isCleanText, 'invalidCharacters'));
/** A short code (product codes, branch numbers): letters, digits, . _ - / */
export const code = (max = 40) =>
  requiredText(max).refine((v) => /^[\p{L}\p{N}._\-/]+$/u.test(v), 'invalidCode');

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;
export const optionalEmail = text(320).refine((v) => v === '' || EMAIL.test(v), 'invalidEmail');
export const email = requiredText(320).refine((v) => EMAIL.test(v), 'invalidEmail');
export const phone = text(40).refine((v) => v === '' || /^[+0-9][0-9 ()\-./]*$/.test(v), 'invalidPhone');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);
/** An id from the client. Only its shape is checked here; the command re-reads it in scope (access/refs). */
export const uuid = str().pipe(z.string().trim().regex(UUID, 'invalidChoice').transform((v) => v.toLowerCase()));
/** An optional id from a <select>: '' means none. */
export const optionalUuid = str().pipe(
  z
    .string()
    .trim()
    .refine((v) => v === '' || UUID.test(v), 'invalidChoice')
    .transform((v) => (v === '' ? null : v.toLowerCase())),
);
export const id = uuid;
export const optionalId = optionalUuid;

/** A column of type integer holds up to 2^31 - 1. */
export const INT_MAX = 2_147_483_647;
/** A whole number typed in a form, within [min, max]. */
export const integer = (min: number, max: number, message = 'invalid') =>
  str().pipe(
    z
      .string()
      .trim()
      .refine((v) => /^-?\d{1,10}$/.test(v) && Number(v) >= min && Number(v) <= max, message)
      .transform(Number),
  );
// The stored version is bumped by one on save, so the largest acceptable value is one below int4's top.
export const version = integer(1, INT_MAX - 1, 'invalid');

// ---------------------------------------------------------------------------------------------
// Dates

/** Business dates live in this window: a deal closing in year 0001 or a task due in 1900 is a typo. */
export const MIN_DATE = '2000-01-01';
export const MAX_DATE = '2100-12-31';

/** True when 'YYYY-MM-DD' names a real calendar day (2099-02-30 does not). */
export function isCalendarDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return d <= days;
}

type DateOpts = { min?: string; max?: string };
const inWindow = (v: string, o: DateOpts) => v >= (o.min ?? MIN_DATE) && v <= (o.max ?? MAX_DATE);

/** An optional date from <input type="date">: '' -> null; otherwise a real day inside the window. */
export const optionalDate = (o: DateOpts = {}) =>
  str().pipe(
    z
      .string()
      .trim()
      .refine((v) => v === '' || isCalendarDate(v), 'invalidDate')
      .refine((v) => v === '' || !isCalendarDate(v) || inWindow(v, o), 'dateOutOfRange')
      .transform((v) => (v === '' ? null : v)),
  );
/** A required date ('YYYY-MM-DD'), a real day inside the window. */
export const date = (o: DateOpts = {}) =>
  str().pipe(
    z
      .string()
      .trim()
      .min(1, 'required')
      .refine((v) => v === '' || isCalendarDate(v), 'invalidDate')
      .refine((v) => !isCalendarDate(v) || inWindow(v, o), 'dateOutOfRange'),
  );

/** True when 'YYYY-MM-DDTHH:mm[:ss]' names a real wall-clock time (no 24:00, no 10:60). */
export function isLocalDateTime(v: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(v);
  if (!m || !isCalendarDate(m[1])) return false;
  return Number(m[2]) <= 23 && Number(m[3]) <= 59 && Number(m[4] ?? 0) <= 59;
}

/**
 * A wall-clock date-time from <input type="datetime-local">, read later in the organization's time
 * zone (activities.zonedToInstant). Required unless `optional`, where '' -> null.
 */
export const localDateTime = (o: DateOpts & { optional?: boolean } = {}) =>
  str().pipe(
    z
      .string()
      .trim()
      .refine((v) => (v === '' ? Boolean(o.optional) : true), 'required')
      .refine((v) => v === '' || isLocalDateTime(v), 'invalidDate')
      .refine((v) => v === '' || !isLocalDateTime(v) || inWindow(v.slice(0, 10), o), 'dateOutOfRange')
      .transform((v) => (v === '' ? null : v)),
  );

// ---------------------------------------------------------------------------------------------
// Numbers: money, quantities, percentages. Always decimal strings, never floats.

/** numeric(18,4) keeps 14 digits before the point; we never accept more than that anywhere. */
export const MAX_INTEGER_DIGITS = 14;

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

type NumOpts = { decimals: number; empty?: string; required?: boolean; max?: string; zero?: boolean };

/** Checks a plain decimal string: sign, shape, integer digits within the column, decimals. */
export function numberError(v: string, o: NumOpts & { negativeKey?: string; tooBigKey?: string }): string | null {
  if (v.startsWith('-')) return o.negativeKey ?? 'negativeAmount';
  const m = /^(\d+)(?:\.(\d+))?$/.exec(v);
  if (!m) return 'invalidAmount';
  const int = m[1].replace(/^0+(?=\d)/, '');
  if (int.length > MAX_INTEGER_DIGITS) return o.tooBigKey ?? 'amountTooLarge';
  const frac = (m[2] ?? '').replace(/0+$/, '');
  if (frac.length > o.decimals) return o.decimals === 0 ? 'noDecimalsForCurrency' : 'tooManyDecimals';
  if (o.max !== undefined && compareDecimal(v, o.max) > 0) return o.tooBigKey ?? 'amountTooLarge';
  if (o.zero === false && /^0*(\.0*)?$/.test(v)) return 'invalidAmount';
  return null;
}

/** Compares two plain non-negative decimal strings without floats. */
export function compareDecimal(a: string, b: string): number {
  const norm = (s: string) => {
    const [i, f = ''] = s.split('.');
    return [i.replace(/^0+(?=\d)/, ''), f.replace(/0+$/, '')] as const;
  };
  const [ai, af] = norm(a);
  const [bi, bf] = norm(b);
  if (ai.length !== bi.length) return ai.length < bi.length ? -1 : 1;
  if (ai !== bi) return ai < bi ? -1 : 1;
  const n = Math.max(af.length, bf.length);
  const ap = af.padEnd(n, '0');
  const bp = bf.padEnd(n, '0');
  return ap === bp ? 0 : ap < bp ? -1 : 1;
}

/** Canonical form of a plain decimal: no leading zeros, no trailing fractional zeros. */
export function canonicalDecimal(v: string): string {
  const [i, f = ''] = v.split('.');
  const int = i.replace(/^0+(?=\d)/, '');
  const frac = f.replace(/0+$/, '');
  return frac ? `${int}.${frac}` : int;
}

const numberField = (o: NumOpts & { negativeKey?: string; tooBigKey?: string }) =>
  z.preprocess(
    (v) => (typeof v === 'string' || typeof v === 'number' || v == null ? plainNumber(v) : v),
    z
      .string({ message: 'invalidAmount' })
      .max(60, 'amountTooLarge')
      .superRefine((v, ctx) => {
        if (v === '') {
          if (o.required) ctx.addIssue({ code: 'custom', message: 'required' });
          return;
        }
        const e = numberError(v, o);
        if (e) ctx.addIssue({ code: 'custom', message: e });
      })
      .transform((v) => (v === '' ? (o.empty ?? '') : canonicalDecimal(v))),
  );

/**
 * A money amount, non-negative, at most 14 integer digits and 4 decimals (the storage column). The
 * currency's own decimals (VND none, THB/RUB two) are checked where the currency is known:
 * `checkCurrencyDecimals` or the totals module.
 */
export const money = (o: { required?: boolean; empty?: string; decimals?: number; negativeKey?: string } = {}) =>
  numberField({ decimals: o.decimals ?? 4, required: o.required, empty: o.empty ?? '', negativeKey: o.negativeKey });
/** A quantity: above zero, at most 14 integer digits and 4 decimals. */
export const quantity = (o: { required?: boolean; empty?: string } = {}) =>
  numberField({ decimals: 4, required: o.required, empty: o.empty ?? '', negativeKey: 'negativeQuantity', tooBigKey: 'amountTooLarge' });
/** A percentage from 0 to 100 with at most two decimals. */
export const percent = (o: { required?: boolean; empty?: string; message?: string } = {}) =>
  numberField({ decimals: 2, required: o.required, empty: o.empty ?? '', max: '100', negativeKey: o.message ?? 'invalidRate', tooBigKey: o.message ?? 'invalidRate' });

/** Digits after the point that a currency allows in amounts people type (VND none). */
export function currencyDecimals(currency: string): number {
  return currency === 'VND' || currency === 'JPY' ? 0 : 2;
}

/** An error key when a canonical amount has more decimals than the currency allows, else null. */
export function checkCurrencyDecimals(amount: string, currency: string): string | null {
  const frac = amount.split('.')[1] ?? '';
  const d = currencyDecimals(currency);
  return frac.length > d ? (d === 0 ? 'noDecimalsForCurrency' : 'tooManyDecimals') : null;
}

// ---------------------------------------------------------------------------------------------
// Choices

/** A checkbox: 'on' / 'true' / true is checked, anything else is not. */
export const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());
/** A checkbox with a default when the field is absent from the form entirely. */
export const checkboxOr = (dflt: boolean) => z.preprocess((v) => (v === undefined ? dflt : v === 'on' || v === 'true' || v === true), z.boolean());
/** One of a fixed set of values. */
export const choice = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { message: 'invalidChoice' });
/** A list of ids (a checkbox group or multi-select). */
export const idList = (max = 200) =>
  z.preprocess((v) => (v == null || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(uuid, { message: 'invalidChoice' }).max(max, 'tooLong'));
