import { z } from 'zod';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

/**
 * What a new password must be (OWASP ASVS 2.1): at least 12 characters, at most 128, any
 * characters people can type (spaces and every script included; no composition rules), and not
 * common or easy to guess: zxcvbn-ts with its list of common passwords (@zxcvbn-ts/language-common,
 * about 50,000 leaked passwords, with l33t, reversed and near-miss variants) must rate it 3 of 4 or
 * better. These rules apply when a password is set; existing passwords keep working.
 */
export const MIN_PASSWORD = 12;
export const MAX_PASSWORD = 128;
const MIN_SCORE = 3;

/** The demo company's published password (README, `npm run demo`): refused whenever a password is set. */
export const DEMO_PASSWORD = 'demo-pass-2026';

let zxcvbn: ZxcvbnFactory | null = null;
function checker() {
  // Levenshtein matching (near misses) costs ~70 ms a check; the list's l33t, reversed and spatial
  // variants are matched without it in ~1 ms, which keeps the public reset form cheap.
  zxcvbn ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs, useLevenshteinDistance: false, maxLength: MAX_PASSWORD });
  return zxcvbn;
}

const length = (v: string) => [...v].length;
// Controls (C0 incl. tab and line breaks, DEL, C1) and lone surrogates cannot be typed into a field
// and would not survive UTF-8 the same way.
const clean = (v: string) =>
  !/[\u0000-\u001F\u007F-\u009F]/.test(v) && !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(v);

/**
 * The error key for a new password, or null when it is acceptable. `context` holds words a guesser
 * would try first (the user's email and name, the product's name).
 */
export function passwordProblem(password: string, context: string[] = []): string | null {
  if (!clean(password)) return 'invalidCharacters';
  if (length(password) < MIN_PASSWORD) return 'passwordTooShort';
  if (length(password) > MAX_PASSWORD) return 'passwordTooLong';
  const lower = password.toLowerCase();
  if (lower.includes(DEMO_PASSWORD)) return 'passwordCommon';
  // The words a guesser tries first: the account's email (its local part) and the person's name.
  const own = context.map((c) => c.toLowerCase().split('@')[0].replace(/\s+/g, '')).filter((c) => c.length >= 4);
  if (own.some((c) => lower.includes(c))) return 'passwordCommon';
  const inputs = [...context.flatMap((c) => [c, ...c.split(/[@.\s_-]+/)]).filter((c) => c.length >= 3), 'quote2cash', 'sfa', DEMO_PASSWORD];
  if (checker().check(password, inputs).score < MIN_SCORE) return 'passwordCommon';
  return null;
}

/** A field type for a new password (with its confirmation checked by the caller's schema). */
export const newPassword = z.preprocess((v) => (v == null ? '' : v), z.string({ message: 'invalid' })).superRefine((v, ctx) => {
  const problem = passwordProblem(v);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/**
 * The published demo password only works where a demo is meant to run: outside production, or with
 * DEMO_MODE=true (set by `npm run demo` and the e2e server). A production installation seeded with
 * the demo company by mistake cannot be entered with a password printed in the README.
 */
export function demoPasswordRefused(password: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (password !== DEMO_PASSWORD) return false;
  return env.NODE_ENV === 'production' && !/^(1|true|yes)$/i.test(env.DEMO_MODE ?? '');
}
