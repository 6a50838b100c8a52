import 'server-only';
import type { Db } from '../db/client';
import { removeQueuedFiles } from '../files/removals';
import { fileStore, type FileStore } from '../files/store';

/**
 * The files job (every five minutes): removes from storage the files of records whose delete has
 * committed but whose files are still there (the removal right after the delete failed or never
 * ran). Idempotent: a file already gone counts as removed.
 */
export async function removeDeletedFiles(db: Db, store: FileStore = fileStore()): Promise<{ removed: number; failed: number }> {
  let removed = 0;
  let failed = 0;
  for (let i = 0; i < 20; i++) {
    const r = await removeQueuedFiles(db, store, { limit: 500 });
    removed += r.removed;
    failed += r.failed;
    if (r.removed + r.failed < 500 || r.removed === 0) break;
  }
  return { removed, failed };
}
