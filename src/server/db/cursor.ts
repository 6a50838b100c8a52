import { isUuid } from '../validation';

/** A keyset cursor: the sort value of the last row and its id, opaque to the browser. */
export type Cursor = { v: string; i: string };

export const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

/** A cursor from the address bar, or null when it is missing or was tampered with. */
export function decodeCursor(s?: string): Cursor | null {
  if (!s) return null;
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
    return typeof c.v === 'string' && isUuid(c.i) ? c : null;
  } catch {
    return null;
  }
}
