/**
 * A mail subject is one line of a mail header. Text typed by the public (a customer's name on the
 * accept form, a decline reason) can reach one through a notification, so every subject is cleaned
 * here, whatever the caller did: control characters (C0, DEL, C1), line and paragraph separators
 * and the invisible direction and zero-width marks that can disguise a subject become spaces, runs
 * of spaces become one, and the result is trimmed and kept to MAX_SUBJECT characters.
 */
export const MAX_SUBJECT = 200;

const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uFFF9-\uFFFB]/g;

export function cleanSubject(raw: string): string {
  const one = String(raw ?? '').replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  const chars = [...one];
  return chars.length > MAX_SUBJECT ? chars.slice(0, MAX_SUBJECT - 1).join('').trimEnd() + '…' : one;
}

/** A value typed by someone else, made safe to put into a subject (same rule, no length cut). */
export function oneLine(raw: string): string {
  return String(raw ?? '').replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
}
