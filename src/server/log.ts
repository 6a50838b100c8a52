import 'server-only';

/**
 * Structured logs: one JSON object per line on stdout, for a log collector to index. Fields go
 * through `redact` first, so a password, token, cookie or API key never reaches a log, and card
 * and tax numbers keep only their last four digits. LOG_LEVEL (debug, info, warn, error) sets the
 * floor; the default is info.
 */
export type Level = 'debug' | 'info' | 'warn' | 'error';
type Fields = Record<string, unknown>;

const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

// Keys whose values are secrets: dropped whole.
const SECRET_KEY = /pass(word|wd|phrase)?$|secret|token|authorization|cookie|api[-_]?key|session|signature|otp|credential/i;
// Keys whose values identify a card, tax payer or account: only the last four digits stay.
const NUMBER_KEY = /card|^pan$|tax[-_]?(id|no|number|code)|vat[-_]?(id|no|number)|^inn$|iban|account[-_]?(no|number)|national[-_]?id/i;
// Ten or more digits, possibly grouped by single spaces or dashes: cards (13-19), Thai tax ids (13),
// Vietnamese tax codes (10/13), Russian INN (10/12). Dates and times never have that many in a row;
// a run inside a word (a UUID's digit groups, a hex id) is not a number.
const LONG_NUMBER = /(?<![\w-])\d(?:[ -]?\d){9,}(?!\w|-\w)/g;
const BEARER = /\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]+/gi;
const SECRET_PAIR = /\b(password|passwd|pwd|secret|token|api[-_]?key|access_token|refresh_token|code)=([^&\s"']+)/gi;
// The customer's quotation link carries its secret in the path.
const PUBLIC_LINK = /\/q\/[^/?#\s"']+/g;

export function lastFour(value: string): string {
  const digits = value.replace(/\D/g, '');
  return digits.length <= 4 ? '[redacted]' : `••••${digits.slice(-4)}`;
}

/** A string with its secrets blanked and its long numbers cut to the last four digits. */
export function redactText(s: string): string {
  return s
    .replace(PUBLIC_LINK, '/q/[redacted]')
    .replace(BEARER, (_m, scheme: string) => `${scheme} [redacted]`)
    .replace(SECRET_PAIR, (_m, k: string) => `${k}=[redacted]`)
    .replace(LONG_NUMBER, (m) => lastFour(m));
}

/** A request path fit for a log: no query string (it may carry tokens), no secret path segments. */
export function redactPath(pathOrUrl: string): string {
  const path = pathOrUrl.replace(/^[a-z]+:\/\/[^/]+/i, '').split(/[?#]/)[0] || '/';
  return redactText(path);
}

export function redact(value: unknown, key = '', depth = 0): unknown {
  if (key && SECRET_KEY.test(key)) return value == null || value === '' ? value : '[redacted]';
  if (key && NUMBER_KEY.test(key) && (typeof value === 'string' || typeof value === 'number')) return lastFour(String(value));
  if (typeof value === 'string') return redactText(value);
  if (value == null || typeof value !== 'object') return value;
  if (depth > 5) return '[…]';
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Error) {
    const e: Fields = { name: value.name, message: redactText(value.message) };
    const code = (value as { code?: unknown }).code;
    if (code !== undefined) e.code = code;
    return e;
  }
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redact(v, '', depth + 1));
  const out: Fields = {};
  for (const [k, v] of Object.entries(value)) out[k] = redact(v, k, depth + 1);
  return out;
}

function floor(): number {
  const l = (process.env.LOG_LEVEL || 'info').toLowerCase() as Level;
  return ORDER[l] ?? ORDER.info;
}

/** The line as written (exported for tests). */
export function formatLine(level: Level, msg: string, fields: Fields = {}, now = new Date()): string {
  return JSON.stringify({ time: now.toISOString(), level, msg: redactText(msg), ...(redact(fields) as Fields) });
}

export function log(level: Level, msg: string, fields?: Fields): void {
  if (ORDER[level] < floor()) return;
  const line = formatLine(level, msg, fields) + '\n';
  if (level === 'error' || level === 'warn') process.stderr.write(line);
  else process.stdout.write(line);
}

export const logger = {
  debug: (msg: string, fields?: Fields) => log('debug', msg, fields),
  info: (msg: string, fields?: Fields) => log('info', msg, fields),
  warn: (msg: string, fields?: Fields) => log('warn', msg, fields),
  error: (msg: string, fields?: Fields) => log('error', msg, fields),
};
