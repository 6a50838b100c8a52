import 'server-only';
import { and, desc, gt, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { deliveries, quotations } from '../db/schema';
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
  /** Renders and stores a delivery note's PDF unless it is stored already. */
  ensureDeliveryPdf?: (db: Db, deliveryId: string) => Promise<unknown>;
};

async function loadHooks(): Promise<RenderHooks> {
  const [q, d] = await Promise.all([import('../quotations/pdf'), import('../deliveries/pdf')]);
  return { ...(q as unknown as RenderHooks), ensureDeliveryPdf: (d as unknown as RenderHooks).ensureDeliveryPdf };
}

/** Delivery notes recorded in the last two days: a crash between the commit and the render leaves one unstored. */
async function recentDeliveries(db: Db, limit: number, now: Date): Promise<string[]> {
  const rows = await db
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(gt(deliveries.createdAt, new Date(now.getTime() - 2 * 86_400_000)))
    .orderBy(desc(deliveries.createdAt))
    .limit(limit);
  return rows.map((r) => r.id);
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
 * The renders job (at start and every ten minutes): redoes the PDF renders of sent quotations and
 * recorded delivery notes that
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
  if (hooks.ensureDeliveryPdf) {
    for (const id of await recentDeliveries(db, limit, opts.now ?? new Date())) {
      try {
        await hooks.ensureDeliveryPdf(db, id);
        redone++;
      } catch (e) {
        failed++;
        logger.warn('delivery note render failed', { deliveryId: id, error: e });
      }
    }
  }
  return { redone, failed };
}
