import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { organizations, quotations } from '../db/schema';
import { fileStore, type FileStore } from '../files/store';
import { renderPool } from '../documents/render-pool';
import { renderKey, storedRender, type RenderedPdf } from '../documents/rendered';
import { todayIn } from '../opportunities/commands';
import { isUuid } from '../validation';
import { quotationDocument } from './document';
import { effectiveStatus } from './queries';

type Row = typeof quotations.$inferSelect;

/**
 * A quotation's PDF, rendered in the worker pool (documents/render-pool.ts) after any transaction
 * has committed, never inside one. A draft is rendered afresh each time. A sent version no longer
 * changes: it is rendered once and then served from the file store. Its stamp does change with its
 * state (accepted, declined, expired, superseded), and each of those is final too, so the stored
 * file is one per version, state and language: at most two renders in a quotation's life.
 */
export async function quotationPdf(db: Db, q: Row, opts: { store?: FileStore; signal?: AbortSignal } = {}): Promise<RenderedPdf> {
  const [org] = await db.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, q.orgId));
  const status = effectiveStatus(q, todayIn(org.timeZone));
  if (status === 'draft') {
    // Nobody waits for a draft once its request is gone: the caller's signal drops it from the queue.
    const bytes = await renderPool().render({ kind: 'quotation', doc: await quotationDocument(db, q) }, { signal: opts.signal });
    return { bytes, etag: null, stored: false };
  }
  // Finished and stored even if the asker leaves: the next request is served from storage.
  return storedRender(opts.store ?? fileStore(), renderKey(q.orgId, `quotation-${q.id}-${status}-${q.language}`), async () =>
    renderPool().render({ kind: 'quotation', doc: await quotationDocument(db, q) }),
  );
}

/**
 * Renders and stores a sent quotation's PDF unless it is stored already; safe to call again. Called
 * right after sending (after commit) and by the renders job for what a crash interrupted. A draft
 * or an unknown id is left alone (null).
 */
export async function ensureQuotationPdf(db: Db, quotationId: string, store?: FileStore): Promise<RenderedPdf | null> {
  if (!isUuid(quotationId)) return null;
  const [q] = await db.select().from(quotations).where(eq(quotations.id, quotationId));
  if (!q || q.status === 'draft') return null;
  return quotationPdf(db, q, { store });
}
