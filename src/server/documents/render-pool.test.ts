import { afterAll, describe, expect, it } from 'vitest';
import { performance } from 'node:perf_hooks';
import { createRenderPool, PdfBusyError, PdfTimeoutError, renderPoolOptionsFromEnv, type RenderPool, type RenderPoolOptions } from './render-pool';
import type { QuotationDocument } from './pdf/types';
import { pdfTextOf } from '../../../tests/support/pdf-text';

const THAI = 'บริการติดตั้งระบบเครือข่ายคอมพิวเตอร์สำหรับสำนักงานใหญ่พร้อมอุปกรณ์และการบำรุงรักษาหนึ่งปี';

const quotation = (lines: number): QuotationDocument => ({
  language: 'th', timeZone: 'Asia/Bangkok', currency: 'THB',
  company: { legalName: 'บริษัท สยามเทรดดิ้ง จำกัด', address: 'กรุงเทพมหานคร', taxId: '0105551234567', branch: '', logo: null },
  customer: { name: 'บริษัท ลูกค้าดี จำกัด', address: '', taxId: '', branch: '', contactName: '', contactEmail: '', contactPhone: '' },
  number: 'QT-2026-00001', revision: 1, status: 'sent', issueDate: '2026-11-24', validUntil: '2026-12-24',
  salesperson: { name: 'Rep', email: 'rep@demo.test' }, pricesIncludeTax: false,
  lines: Array.from({ length: lines }, (_, i) => ({
    position: i + 1, code: `SV-${i + 1}`, description: `${THAI} ${i + 1}`, unit: 'งาน', quantity: '1', unitPrice: '1000', discountLabel: '', net: '1000.00',
  })),
  subtotal: '0', lineDiscountTotal: '0', documentDiscount: '0', taxBase: '0', taxes: [], taxTotal: '0', grandTotal: '0', terms: '', notes: '',
});
const job = (lines: number) => ({ kind: 'quotation' as const, doc: quotation(lines) });

const pools: RenderPool[] = [];
const pool = (over: Partial<RenderPoolOptions> = {}) => {
  const p = createRenderPool({ ...renderPoolOptionsFromEnv({}), workers: 1, ...over });
  pools.push(p);
  return p;
};
afterAll(() => Promise.all(pools.map((p) => p.close())));

describe('the PDF worker pool', () => {
  it('renders in a worker thread: the event loop keeps answering while a 500-line quotation renders', async () => {
    const p = pool();
    await p.render(job(1)); // the worker is up and warm
    let done = false;
    const rendering = p.render(job(500)).finally(() => (done = true));
    // What a request waits for a turn of the event loop while the document is laid out. Rendered in
    // this thread, the layout would hold it for the whole render (seconds).
    let worst = 0;
    let samples = 0;
    const started = performance.now();
    while (!done) {
      const t = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 0));
      worst = Math.max(worst, performance.now() - t);
      samples++;
    }
    const took = performance.now() - started;
    const pdf = await rendering;
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    expect((await pdfTextOf(pdf)).text).toContain('SV-500');
    expect(took).toBeGreaterThan(200); // the window measured was a real one
    expect(samples).toBeGreaterThan(10);
    expect(worst).toBeLessThan(200);
  }, 60_000);

  it('stops a document over its time limit, reports it as PdfTimeoutError and carries on with a fresh worker', async () => {
    const p = pool();
    await p.render(job(1));
    const [first] = p.stats().threadIds;
    expect(first).toBeTypeOf('number');
    const err = await p.render(job(500), { timeoutMs: 150 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PdfTimeoutError);
    expect(err).toMatchObject({ code: 'pdfTimeout', limitMs: 150 });
    expect(p.stats().threadIds).not.toContain(first); // its worker was terminated
    const next = await p.render(job(2));
    expect(Buffer.from(next.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(p.stats().threadIds).not.toContain(first);
    expect(p.stats().pending).toBe(0);
  });

  it('answers busy past the queue bound, at once, and renders what it took', async () => {
    const p = pool({ queueMax: 1 });
    const a = p.render(job(100));
    const b = p.render(job(1));
    const t = performance.now();
    const err = await p.render(job(1)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PdfBusyError);
    expect((err as PdfBusyError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(performance.now() - t).toBeLessThan(100);
    const [pa, pb] = await Promise.all([a, b]);
    expect(pa.byteLength).toBeGreaterThan(pb.byteLength);
    expect(p.stats()).toMatchObject({ rendered: 2, pending: 0 });
    await expect(p.render(job(1))).resolves.toBeInstanceOf(Uint8Array); // room again
  });

  it('takes a document whose asker left out of the queue', async () => {
    const p = pool();
    const first = p.render(job(100));
    const left = new AbortController();
    const second = p.render(job(1), { signal: left.signal });
    left.abort();
    await expect(second).rejects.toMatchObject({ name: 'AbortError' });
    await first;
    expect(p.stats()).toMatchObject({ rendered: 1, pending: 0 });
  });

  it('replaces its workers after a number of renders', async () => {
    const p = pool({ recycleAfter: 2 });
    await p.render(job(1));
    const [first] = p.stats().threadIds;
    await p.render(job(1));
    await p.render(job(1));
    expect(p.stats().threadIds).toHaveLength(1);
    expect(p.stats().threadIds).not.toContain(first);
    expect(p.stats().rendered).toBe(3);
  });

  it('reads its settings from the environment', () => {
    expect(renderPoolOptionsFromEnv({ PDF_WORKERS: '3', PDF_TIMEOUT_MS: '5000', PDF_QUEUE_MAX: '0', PDF_RECYCLE_AFTER: '50', PDF_WORKER_MEMORY_MB: '256' }))
      .toEqual({ workers: 3, timeoutMs: 5000, queueMax: 0, recycleAfter: 50, memoryMb: 256 });
    const defaults = renderPoolOptionsFromEnv({ PDF_WORKERS: 'lots', PDF_TIMEOUT_MS: '-1' });
    expect(defaults.workers).toBeGreaterThanOrEqual(1);
    expect(defaults).toMatchObject({ timeoutMs: 20_000, queueMax: 16, recycleAfter: 200, memoryMb: 512 });
  });
});
