import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { z } from 'zod';
import type { ActionContext } from '../../src/server/action-core';
import type { Actor } from '../../src/server/access/actor';
import type { Db } from '../../src/server/db/client';
import { act, type FormValues } from './act';

/**
 * Seeded, repeatable fuzzing of actions through their real path (FormData -> schema -> command ->
 * mapped errors). Each case replaces one to three fields of a valid form with hostile values and
 * checks that the user never sees the generic "unexpected error" (which is what a raw database
 * error, a RangeError or any other unmapped throw becomes), and, when the action succeeds, that
 * what was stored is what was typed.
 */

/** mulberry32: small, fast, good enough to pick test values, and the same sequence for the same seed. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
  };
}
export type Rng = ReturnType<typeof rng>;

export type FieldKind =
  | 'text' | 'long' | 'code' | 'email' | 'phone' | 'date' | 'datetime' | 'money' | 'qty' | 'percent' | 'int'
  | 'id' | 'enum' | 'bool' | 'lines' | 'password';

const CONTROL = ['\u0000', 'a\u0000b', '\u0007bell', '\u001b[31mred', 'x\u007fy', '\u0085', '\u2028', '\ufffe', '\uD800', 'a\uDC00b'];
const GENERIC = [
  '', ' ', '   ', '\t', '\n', '\r\n', ' \u00a0 ', 'x'.repeat(10_001), '🙂'.repeat(300), "'; drop table users; --", '%_\\',
  '<script>alert(1)</script>', 'null', 'undefined', 'NaN', 'Infinity', '-0', '[]', '{}', 'ไทย', 'Tiếng Việt có dấu',
  'Русский текст', '١٢٣', 'e\u0301', ...CONTROL,
];
const DATES = [
  '2099-02-30', '2030-13-40', '0000-01-01', '0001-01-01', '1900-01-01', '1999-12-31', '2101-01-01', '9999-12-31', '2024-02-29',
  '2023-02-29', '20240101', '2024-1-1', '+002024-01-01', '2024-01-01T00:00', '-2024-01-01', '2030-00-10', '2030-04-31', '2100-12-31', '2000-01-01',
];
const DATETIMES = [
  '2030-02-30T10:00', '2030-13-40T10:00', '0000-01-01T00:00', '2030-01-01T24:00', '2030-01-01T23:60', '2030-01-01T10:00:61',
  '1900-01-01T10:00', '2030-01-01 10:00', '2030-01-01T10:00Z', '2030-01-01T10:00+07:00', '2030-01-01', '2101-01-01T00:00', '2099-12-31T23:59',
];
const NUMBERS = [
  '-1', '-0', '0', '0.00001', '1e5', '1,5', '1.234.567', '99999999999999999', '100000000000000', '99999999999999.9999',
  '12345678901234.5', '2147483647', '2147483646', 'NaN', 'Infinity', '١٠٠', '1 000 000', '0x1F', '00000000000000000000001', '1.', '.5', '2147483648',
  '-2147483649', '9'.repeat(400), '1,000,000.555', '0.125', '100.001', '101', '3.14159',
];
const BADIDS = ['not-a-uuid', '00000000-0000-0000-0000-000000000000', '00000000-0000-4000-8000-00000000000g', `${randomUUID()}\u0000`, ' ', '1'];

export type FuzzContext = {
  /** Ids of the same kind that are valid, out of scope, or of another organization. */
  ids: string[];
  /** Values a select offers for enum fields, by field name. */
  enums?: Record<string, string[]>;
};

/** A hostile value for a field of a kind. Sometimes an array (a repeated key), as a tampered form can send. */
export function hostile(r: Rng, kind: FieldKind, field: string, ctx: FuzzContext): string | string[] {
  if (r.next() < 0.03) return ['a', 'b'];
  const roll = r.next();
  if (roll < 0.25) return r.pick(GENERIC);
  switch (kind) {
    case 'date':
      return r.pick(DATES);
    case 'datetime':
      return r.pick(DATETIMES);
    case 'money': case 'qty': case 'percent': case 'int':
      return r.pick(NUMBERS);
    case 'id':
      return r.next() < 0.6 && ctx.ids.length ? r.pick(ctx.ids) : r.pick([...BADIDS, randomUUID(), randomUUID().toUpperCase()]);
    case 'enum': {
      const good = ctx.enums?.[field] ?? [];
      return r.next() < 0.5 && good.length ? r.pick(good) : r.pick(['', 'x', 'ADMIN', 'THB ', 'usd', 'zz', ...GENERIC.slice(0, 5)]);
    }
    case 'bool':
      return r.pick(['on', 'true', 'false', '', 'yes', '1', '\u0000']);
    case 'lines':
      return r.pick(LINE_PAYLOADS());
    case 'email':
      return r.pick(['a@b', 'a@b.c', 'x@y.z\u0000', 'a b@c.d', `${'a'.repeat(400)}@b.co`, '"a"@b.co', 'a@b.co\r\nBcc: x@y.z', 'ok@example.com']);
    case 'phone':
      return r.pick(['+66 81 234 5678', '++66', '0'.repeat(60), '081-234-5678\u0000', '(02) 123 4567 ext 9', '+', '１２３']);
    case 'code':
      return r.pick(['A-1', 'a b', 'x/y_z.1', '-', '..', 'КОД-1', 'x'.repeat(41), 'a\u0000']);
    case 'password':
      return r.pick(['short', 'x'.repeat(201), 'correct-horse-1', '\u0000'.repeat(12), 'пароль-пароль']);
    default:
      return r.pick(GENERIC);
  }
}

const LINE = { productId: '', description: 'Item', unit: 'pc', quantity: '1', unitPrice: '10', discountKind: 'percent', discountValue: '0', taxRateId: '' };
function LINE_PAYLOADS(): string[] {
  const l = (o: Record<string, unknown>) => JSON.stringify([{ ...LINE, ...o }]);
  return [
    '[', 'null', '{}', '[{}]', '[1]', '"x"', '[null]', JSON.stringify(Array.from({ length: 501 }, () => LINE)),
    l({ quantity: '99999999999999', unitPrice: '99999999999999' }), l({ quantity: '-1' }), l({ unitPrice: '1e400' }),
    l({ discountValue: '100.001' }), l({ discountKind: 'amount', discountValue: '11' }), l({ description: 'a\u0000b' }),
    l({ description: 'x'.repeat(2001) }), l({ productId: randomUUID() }), l({ taxRateId: 'zzz' }), l({ quantity: { $gt: 1 } }),
    l({ unit: '\u2028' }), l({ quantity: '0' }), l({ quantity: 1.5, unitPrice: 2 }), l({ discountKind: 'weird' }),
    l({ unitPrice: '0.00001' }), l({ quantity: '12345678901234.5678' }),
  ];
}

export type FuzzSpec<S extends z.ZodType, R> = {
  name: string;
  schema: S;
  run: (ctx: ActionContext<z.infer<S>>) => Promise<R>;
  actor: Actor;
  /** A valid form (read fresh each case, e.g. for a record's current version). */
  base: () => Promise<FormValues> | FormValues;
  fields: Record<string, FieldKind>;
  ctx?: Partial<Record<string, FuzzContext>>;
  /** After a success: read back what was stored and compare with what was typed. */
  verify?: (result: R, values: FormValues) => Promise<void>;
};

export type FuzzReport = { cases: number; ok: number; refused: number; verified: number };

/** Runs `cases` hostile submissions of one action; fails on the first unexpected error with the input that caused it. */
export async function fuzzAction<S extends z.ZodType, R>(db: Db, spec: FuzzSpec<S, R>, seed: number, cases = 1000): Promise<FuzzReport> {
  const r = rng(seed);
  const names = Object.keys(spec.fields);
  const report: FuzzReport = { cases, ok: 0, refused: 0, verified: 0 };
  for (let i = 0; i < cases; i++) {
    const values: FormValues = { ...(await spec.base()) };
    const n = 1 + r.int(3);
    for (let k = 0; k < n; k++) {
      const field = r.pick(names);
      values[field] = hostile(r, spec.fields[field], field, spec.ctx?.[field] ?? { ids: [] });
    }
    // Now and then a field goes missing entirely, as a hand-made request can do.
    if (r.next() < 0.05) delete values[r.pick(names)];
    const out = await act(db, spec.actor, spec.schema, spec.run, values);
    if (out.unexpected) {
      throw new Error(`${spec.name}: case ${i} (seed ${seed}) reached the user as an unexpected error.\nInput: ${JSON.stringify(values).slice(0, 2000)}`);
    }
    if (out.state.status === 'ok') {
      report.ok++;
      if (spec.verify) {
        await spec.verify(out.result as R, values);
        report.verified++;
      }
    } else {
      report.refused++;
      // A refusal always says what is wrong: a form message, and field messages for field errors.
      expect(out.state.message, `${spec.name} case ${i}`).toBeTruthy();
    }
  }
  return report;
}

/**
 * What a text field stores for what was typed: trimmed, nothing else changed. (A form's values are
 * USVStrings: the browser, like FormData here, turns a lone surrogate into U+FFFD before sending.)
 */
export const typed = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : (v ?? '')).toWellFormed().trim();

/** The number of cases per action: FUZZ_CASES overrides (at least 1,000 in the suite). */
export const FUZZ_CASES = Math.max(Number(process.env.FUZZ_CASES || 1000), 1);

/**
 * fuzzAction with the suite's case count, asserting that the generator exercised the refusal path
 * (a suite where nothing was ever refused proves little).
 */
export async function fuzzSuite<S extends z.ZodType, R>(db: Db, spec: FuzzSpec<S, R>, seed: number): Promise<FuzzReport> {
  const report = await fuzzAction(db, spec, seed, FUZZ_CASES);
  expect(report.refused, spec.name).toBeGreaterThan(0);
  return report;
}

