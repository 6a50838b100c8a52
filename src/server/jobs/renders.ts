import 'server-only';
import { and, desc, gt, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { quotations } from '../db/schema';
import { logger } from '../log';

/**
 * What this job needs from the stored-render work (rendering a sent document once and serving it
 * from storage; being built in src/server/quotations/pdf.ts):
 *  - `ensureQuotationPdf(db, quotationId)`: renders and stores the quotation's PDF unless it is
 *    stored already; safe to call again.
 *  - optionally `quotationsAwaitingRender(db, limit)`: ids of sent quotations with no stored
 *    render. Without it the job asks `ensureQuotationPdf` about the ones sent in the last two days.
 * Until `ensureQuotationPdf` exists the job does nothing and says so in its log line.
 */
export type RenderHooks = {
  ensureQuotationPdf?: (db: Db, quotationId: string) => Promise<unknown>;
  quotationsAwaitingRender?: (db: Db, limit: number) => Promise<string[]>;
};

async function loadHooks(): Promise<RenderHooks> {
  return (await import('../quotations/pdf')) as unknown as RenderHooks;
}

async function recentlySent(db: Db, limit: number, now: Date): Promise<string[]> {
  const rows = await db
    .select({ id: quotations.id })
    .from(quotations)
    .where(and(inArray(quotations.status, ['sent', 'accepted']), isNotNull(quotations.sentAt), gt(quotations.sentAt, new Date(now.getTime() - 2 * 86_400_000))))
    .orderBy(desc(quotations.sentAt))
    .limit(limit);
  return rows.map((r) => r.id);
}

/**
 * The renders job (at start and every ten minutes): redoes the PDF renders of sent documents that
 * a crash or a restart interrupted, so every sent document ends up stored. One failure does not
 * stop the others; the next run tries it again.
 */
export async function redoInterruptedRenders(
  db: Db,
  opts: { limit?: number; now?: Date; hooks?: RenderHooks } = {},
): Promise<{ redone: number; failed: number; skipped?: string }> {
  const hooks = opts.hooks ?? (await loadHooks());
  if (!hooks.ensureQuotationPdf) return { redone: 0, failed: 0, skipped: 'ensureQuotationPdf is not available yet' };
  const limit = opts.limit ?? 50;
  const ids = hooks.quotationsAwaitingRender ? await hooks.quotationsAwaitingRender(db, limit) : await recentlySent(db, limit, opts.now ?? new Date());
  let redone = 0;
  let failed = 0;
  for (const id of ids) {
    try {
      await hooks.ensureQuotationPdf(db, id);
      redone++;
    } catch (e) {
      failed++;
      logger.warn('quotation render failed', { quotationId: id, error: e });
    }
  }
  return { redone, failed };
}
