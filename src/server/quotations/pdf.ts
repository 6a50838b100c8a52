import 'server-only';
import type { Db } from '../db/client';
import type { quotations } from '../db/schema';
import { quotationDocument } from './document';

// react-pdf's layout holds a lot of memory per document (≈0.5 s and tens of MB for 100 Thai lines,
// see bench/README.md), so at most PDF_CONCURRENCY renders run at once per process; the rest wait.
const MAX = Math.max(1, Number(process.env.PDF_CONCURRENCY || 2));
let running = 0;
const waiting: (() => void)[] = [];

async function slot<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= MAX) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await fn();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** Renders a quotation's PDF after any transaction has committed (never inside one). */
export async function quotationPdf(db: Db, q: typeof quotations.$inferSelect): Promise<Buffer> {
  const doc = await quotationDocument(db, q);
  const { renderQuotationPdf } = await import('../documents/pdf/quotation-pdf');
  return slot(() => renderQuotationPdf(doc));
}
