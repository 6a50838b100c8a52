import { isUuid } from '../validation';

/** A keyset cursor: the sort value of the last row and its id, opaque to the browser. */
export type Cursor = { v: string; i: string };

/** The SQL type the sort value is compared as; a value PostgreSQL cannot cast is refused here. */
export type CursorKind = 'timestamp' | 'numeric' | 'date' | 'text';

const isDay = (v: string) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
const VALID: Record<CursorKind, (v: string) => boolean> = {
  timestamp: (v) => /^[1-9]\d{3}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(v) && isDay(v.slice(0, 10)) && !Number.isNaN(Date.parse(v)),
  numeric: (v) => /^-?\d{1,30}(\.\d{1,10})?$/.test(v),
  date: (v) => /^[1-9]\d{3}-\d{2}-\d{2}$/.test(v) && isDay(v),
  // PostgreSQL text holds no NUL and only well-formed UTF-8.
  text: (v) => v.length <= 1000 && !v.includes('\u0000') && v.isWellFormed(),
};

export const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

/**
 * A cursor from the address bar, or null when it is missing or was tampered with (the list then
 * starts at its first page). `kind` says what the sort value must be.
 */
export function decodeCursor(s: unknown, kind: CursorKind): Cursor | null {
  if (typeof s !== 'string' || !s || s.length > 2000) return null;
  try {
    const c: unknown = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
    if (!c || typeof c !== 'object') return null;
    const { v, i } = c as Record<string, unknown>;
    return typeof v === 'string' && typeof i === 'string' && isUuid(i) && VALID[kind](v) ? { v, i } : null;
  } catch {
    return null;
  }
}
