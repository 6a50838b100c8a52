import 'server-only';
import type { Db } from '../db/client';
import type { quotations } from '../db/schema';
import { quotationDocument } from './document';

/**
 * Renders a quotation's PDF after any transaction has committed (never inside one). react-pdf is
 * loaded on first use, so pages that never print do not pay for it.
 */
export async function quotationPdf(db: Db, q: typeof quotations.$inferSelect): Promise<Buffer> {
  const doc = await quotationDocument(db, q);
  const { renderQuotationPdf } = await import('../documents/pdf/quotation-pdf');
  return renderQuotationPdf(doc);
}
