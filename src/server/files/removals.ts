import 'server-only';
import { and, asc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { attachments, fileRemovals } from '../db/schema';
import { logger } from '../log';
import { rowsOf } from '../access/load-actor';
import { fileStore, type FileStore } from './store';

/** A file that keeps failing to be removed is tried on each run until then, then left for an operator. */
const MAX_TRIES = 20;

/**
 * In the transaction that deletes a record: remembers the stored files of its attachments, before
 * the cascade removes their rows. Only a committed delete leaves these rows behind, so bytes are
 * never removed for a delete that rolled back. Returns the queued rows' ids.
 */
export async function queueFileRemovals(tx: Db, orgId: string, of: { customerId?: string; opportunityId?: string; attachmentId?: string }): Promise<string[]> {
  const which: SQL[] = [];
  if (of.customerId) which.push(eq(attachments.customerId, of.customerId));
  if (of.opportunityId) which.push(eq(attachments.opportunityId, of.opportunityId));
  if (of.attachmentId) which.push(eq(attachments.id, of.attachmentId));
  if (!which.length) return [];
  const rows = await tx.execute(sql`
    insert into ${fileRemovals} (org_id, storage_key)
    select ${attachments.orgId}, ${attachments.storageKey} from ${attachments}
    where ${and(eq(attachments.orgId, orgId), or(...which))}
    returning id`);
  return rowsOf<{ id: string }>(rows).map((r) => r.id);
}

/**
 * Removes queued files from the store and forgets them: right after the deleting transaction
 * commits, and from the files job for whatever that missed (a crash, a store that was down).
 * Removing a file that is already gone is not an error, so running twice is harmless.
 */
export async function removeQueuedFiles(db: Db, store: FileStore = fileStore(), opts: { ids?: string[]; limit?: number } = {}): Promise<{ removed: number; failed: number }> {
  if (opts.ids && !opts.ids.length) return { removed: 0, failed: 0 };
  const rows = await db
    .select({ id: fileRemovals.id, storageKey: fileRemovals.storageKey })
    .from(fileRemovals)
    .where(and(lt(fileRemovals.attempts, MAX_TRIES), opts.ids ? inArray(fileRemovals.id, opts.ids) : undefined))
    .orderBy(asc(fileRemovals.attempts), asc(fileRemovals.createdAt))
    .limit(opts.limit ?? 500);
  const done: string[] = [];
  let failed = 0;
  for (const r of rows) {
    try {
      await store.remove(r.storageKey);
      done.push(r.id);
    } catch (e) {
      failed++;
      const error = String((e as Error)?.message ?? e).slice(0, 500);
      await db.update(fileRemovals).set({ attempts: sql`${fileRemovals.attempts} + 1`, lastError: error }).where(eq(fileRemovals.id, r.id));
      logger.warn('stored file not removed', { storageKey: r.storageKey, error });
    }
  }
  if (done.length) await db.delete(fileRemovals).where(inArray(fileRemovals.id, done));
  return { removed: done.length, failed };
}

/** The fast path after a delete has committed: never fails the user's request (the job retries). */
export async function removeQueuedFilesNow(db: Db, store: FileStore, ids: string[]): Promise<void> {
  await removeQueuedFiles(db, store, { ids }).catch((e) => logger.warn('stored files left for the files job', { error: e }));
}
