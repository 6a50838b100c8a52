import { parentPort } from 'node:worker_threads';
import { move } from 'piscina';
import type { QuotationDocument } from './types';
import { renderQuotationPdf } from './quotation-pdf';
import type { DeliveryNoteDocument } from './delivery-note-labels';
import { renderDeliveryNotePdf } from './delivery-note-pdf';

/**
 * One document for a PDF worker thread: plain serializable data, already checked and computed by
 * the caller (nothing here reads the database or the session). More kinds join as documents do.
 * Nothing this file imports may import 'server-only': the worker runs without the react-server
 * condition (react-pdf needs React's client build).
 */
export type RenderJob = { kind: 'quotation'; doc: QuotationDocument } | { kind: 'deliveryNote'; doc: DeliveryNoteDocument };
export type RenderTask = RenderJob & { id: number };

/** Sent to the pool when the worker takes the task up, so the time limit counts rendering, not waiting. */
export type RenderStarted = { pdfRenderStarted: number };

// One small document when the worker starts: loads react-pdf, registers and parses the fonts (once
// per worker) and warms the layout code, so a real document's time limit measures its own work.
const SAMPLE: QuotationDocument = {
  language: 'th', timeZone: 'UTC', currency: 'THB',
  company: { legalName: 'บริษัท ตัวอย่าง จำกัด', address: '', taxId: '', branch: '', logo: null },
  customer: { name: 'Sample', address: '', taxId: '', branch: '', contactName: '', contactEmail: '', contactPhone: '' },
  number: 'QT-0000-00000', revision: 1, status: 'sent', issueDate: '2026-01-01', validUntil: '2026-01-31',
  salesperson: { name: '', email: '' }, pricesIncludeTax: false,
  lines: [{ position: 1, code: '', description: 'Ví dụ · Пример · ตัวอย่างสินค้า', unit: '', quantity: '1', unitPrice: '1', discountLabel: '', net: '1.00' }],
  subtotal: '1.00', lineDiscountTotal: '0', documentDiscount: '0', taxBase: '1.00', taxes: [], taxTotal: '0', grandTotal: '1.00', terms: '', notes: '',
};
const ready = renderQuotationPdf(SAMPLE).then(
  () => undefined,
  () => undefined, // a real document will report the error itself
);

/** Runs inside a worker thread (see render-worker.cjs). */
export default async function renderTask(task: RenderTask): Promise<Uint8Array> {
  await ready;
  parentPort?.postMessage({ pdfRenderStarted: task.id } satisfies RenderStarted);
  const pdf = task.kind === 'deliveryNote' ? await renderDeliveryNotePdf(task.doc) : await renderQuotationPdf(task.doc);
  // Handed over to the main thread without a copy; a buffer sharing Node's pool is copied first.
  const own = pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength ? new Uint8Array(pdf.buffer) : new Uint8Array(pdf);
  return move(own) as Uint8Array;
}
