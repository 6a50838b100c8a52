import type { Db } from '../../src/server/db/client';

/**
 * Counts the statements a function sends, by wrapping the session's prepareQuery: every select,
 * insert and execute of both drivers goes through it. For tests that a page's query count is
 * bounded and does not grow with the data.
 */
export async function countQueries<T>(db: Db, fn: () => Promise<T>): Promise<{ n: number; result: T }> {
  const session = (db as unknown as { session: { prepareQuery: (...a: unknown[]) => unknown } }).session;
  const original = session.prepareQuery;
  let n = 0;
  session.prepareQuery = function (this: unknown, ...a: unknown[]) {
    n++;
    return original.apply(this, a);
  };
  try {
    const result = await fn();
    return { n, result };
  } finally {
    session.prepareQuery = original;
  }
}
