/**
 * Search terms come from address bars and search boxes, not through a form schema. PostgreSQL
 * refuses NUL in any text (22021) and a lone surrogate cannot be encoded, so a term is cleaned here,
 * at the one place every LIKE pattern is built, rather than trusted to each page.
 */
export function searchTerm(raw: unknown, max = 100): string {
  const s = typeof raw === 'string' ? raw : '';
  return s
    .toWellFormed()
    .replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029\uFFFE\uFFFF]/g, ' ')
    .replace(/\uFFFD/g, '')
    .trim()
    .slice(0, max)
    .trim();
}

/** A LIKE pattern that finds the cleaned term anywhere; %, _ and \ in it match themselves. */
export function containsPattern(raw: unknown, max = 100): string {
  return `%${searchTerm(raw, max).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
