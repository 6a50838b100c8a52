import 'server-only';
import type { PGlite } from '@electric-sql/pglite';

/**
 * pg-boss over the process's one PGlite connection (pg-boss 10 takes any `db` with
 * `executeSql(text, values)` in place of its own `pg` pool).
 *
 * PGlite queues every call behind one lock, so pg-boss's statements interleave safely with the
 * app's own queries and transactions. pg-boss also sends multi-statement scripts without
 * parameters (schema creation and migrations, maintenance), each wrapped in BEGIN ... COMMIT with
 * an advisory lock. Those run inside `transaction()`: if a statement fails, PGlite rolls back
 * while it still holds the lock, so an aborted transaction can never be left open on the
 * connection the whole app shares. (The inner COMMIT ends the transaction; the outer one then only
 * draws a warning.)
 */
export type BossDb = { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[]; rowCount: number }> };

const isScript = (text: string) => /;\s*\S/.test(text.trim().replace(/;\s*$/, ''));

export function pgliteBossDb(pg: PGlite): BossDb {
  return {
    async executeSql(text, values) {
      if (!values?.length && isScript(text)) {
        const results = await pg.transaction((tx) => tx.exec(text));
        const last = results.at(-1);
        return { rows: last?.rows ?? [], rowCount: last?.affectedRows ?? 0 };
      }
      const r = await pg.query(text, values ?? []);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
  };
}
