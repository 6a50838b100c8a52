import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { makeWorld, type World } from '../../../tests/support/world';
import { contacts, quotations } from '../db/schema';
import { todayIn } from '../opportunities/commands';
import { LocalDiskStore } from '../files/store';
import { PdfBusyError, renderPool } from '../documents/render-pool';
import { pdfResponse } from '../documents/pdf-response';
import { pdfTextOf } from '../../../tests/support/pdf-text';
import { acceptByToken, addDays, answeredLinkDays, createQuotation, declineByToken, findByToken, getQuotation, quotationInput, sendQuotation } from './index';
import { ensureQuotationPdf, quotationPdf } from './pdf';

let w: World;
let contactId: string;
let dir: string;
let store: LocalDiskStore;
const DAY = 86_400_000;

beforeAll(async () => {
  w = await makeWorld();
  [{ id: contactId }] = await w.db.insert(contacts).values({ orgId: w.org.id, customerId: w.customers.a1, name: 'Somchai', email: `somchai.${w.tag}@cust.test` }).returning();
  dir = mkdtempSync(path.join(tmpdir(), 'sfa-renders-'));
  store = new LocalDiskStore(dir);
});
afterAll(async () => {
  await renderPool().close();
  rmSync(dir, { recursive: true, force: true });
});

async function draft(language = 'en') {
  return createQuotation(w.db, w.actors.repA1, quotationInput.parse({
    customerId: w.customers.a1, contactId, opportunityId: '', ownerId: '', language, currency: 'THB',
    validUntil: addDays(todayIn('Asia/Bangkok'), 30), discountKind: 'percent', discountValue: '0', terms: '', notes: '',
    lines: JSON.stringify([{ productId: '', description: 'Network survey', unit: 'day', quantity: '2', unitPrice: '1500', discountKind: 'percent', discountValue: '0', taxRateId: '' }]),
  }));
}
const row = async (id: string) => (await w.db.select().from(quotations).where(eq(quotations.id, id)))[0];
const rendered = () => renderPool().stats().rendered;

describe('stored quotation PDFs', () => {
  it('renders a draft afresh each time and stores nothing', async () => {
    const id = await draft();
    const before = rendered();
    const a = await quotationPdf(w.db, await row(id), { store });
    const b = await quotationPdf(w.db, await row(id), { store });
    expect(rendered()).toBe(before + 2);
    for (const pdf of [a, b]) expect(pdf).toMatchObject({ etag: null, stored: false });
    expect((await pdfTextOf(a.bytes)).text).toContain('DRAFT');
    expect(await ensureQuotationPdf(w.db, id, store)).toBeNull();
  });

  it('renders a sent version once, after sending, then serves the same bytes from storage', async () => {
    const id = await draft();
    const { number } = await sendQuotation(w.db, w.actors.repA1, id);
    const before = rendered();
    const first = await ensureQuotationPdf(w.db, id, store); // what the send action does after commit
    expect(rendered()).toBe(before + 1);
    expect(first?.etag).toMatch(/^"[\w-]{32}"$/);
    expect((await pdfTextOf(first!.bytes)).text).toContain(number);
    // Both routes, any number of times: from storage, same bytes, same ETag, no render.
    const q = await getQuotation(w.db, w.actors.repA1, id);
    for (let i = 0; i < 3; i++) {
      const again = await quotationPdf(w.db, q, { store });
      expect(Buffer.compare(Buffer.from(again.bytes), Buffer.from(first!.bytes))).toBe(0);
      expect(again.etag).toBe(first!.etag);
    }
    expect(await ensureQuotationPdf(w.db, id, store)).toMatchObject({ etag: first!.etag });
    expect(rendered()).toBe(before + 1);
  });

  it('renders the same new document once when two requests ask for it at the same moment', async () => {
    const id = await draft();
    await sendQuotation(w.db, w.actors.repA1, id);
    const before = rendered();
    const q = await row(id);
    const [a, b] = await Promise.all([quotationPdf(w.db, q, { store }), quotationPdf(w.db, q, { store })]);
    expect(a.etag).toBe(b.etag);
    expect(rendered()).toBe(before + 1);
  });

  it("prints the customer's answer on a new stored file, itself rendered once", async () => {
    const id = await draft();
    const { token } = await sendQuotation(w.db, w.actors.repA1, id);
    const sent = await ensureQuotationPdf(w.db, id, store);
    await acceptByToken(w.db, token, { name: 'Somchai Jaidee', ip: '203.0.113.7' });
    const before = rendered();
    const accepted = await quotationPdf(w.db, await row(id), { store });
    expect(accepted.etag).not.toBe(sent!.etag);
    expect((await pdfTextOf(accepted.bytes)).text).toContain('ACCEPTED');
    expect((await quotationPdf(w.db, await row(id), { store })).etag).toBe(accepted.etag);
    expect(rendered()).toBe(before + 1);
  });

  it('answers 200 with a strong ETag, 304 when the client has it, 503 with Retry-After when the pool is busy', async () => {
    const id = await draft();
    await sendQuotation(w.db, w.actors.repA1, id);
    const pdf = await ensureQuotationPdf(w.db, id, store);
    const opts = { filename: 'QT-1', language: 'th', headers: { 'Cache-Control': 'private, no-cache' } };
    const ok = await pdfResponse(new Request('http://x/'), async () => pdf!, opts);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('ETag')).toBe(pdf!.etag);
    expect(ok.headers.get('Content-Type')).toBe('application/pdf');
    expect(Buffer.from(await ok.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const same = await pdfResponse(new Request('http://x/', { headers: { 'If-None-Match': pdf!.etag! } }), async () => pdf!, opts);
    expect(same.status).toBe(304);
    const busy = await pdfResponse(new Request('http://x/'), async () => { throw new PdfBusyError(7); }, opts);
    expect(busy.status).toBe(503);
    expect(busy.headers.get('Retry-After')).toBe('7');
    expect(await busy.text()).toContain('PDF'); // the Thai text names the file type
    expect(busy.headers.get('Cache-Control')).toBe('private, no-cache');
  });
});

describe('an answered link', () => {
  it(`keeps its page and PDF for ${answeredLinkDays()} days after the answer, then is gone`, async () => {
    const accepted = await draft();
    const a = await sendQuotation(w.db, w.actors.repA1, accepted);
    await acceptByToken(w.db, a.token, { name: 'Somchai Jaidee', ip: '203.0.113.7' });
    const declined = await draft();
    const d = await sendQuotation(w.db, w.actors.repA1, declined);
    await declineByToken(w.db, d.token, 'Too expensive');
    for (const [token, id, state] of [[a.token, accepted, 'accepted'], [d.token, declined, 'declined']] as const) {
      const q = await row(id);
      const answeredAt = (q.acceptedAt ?? q.declinedAt)!.getTime();
      const within = await findByToken(w.db, token, new Date(answeredAt + 89 * DAY));
      expect(within?.state).toBe(state);
      expect(within?.availableUntil?.getTime()).toBe(answeredAt + 90 * DAY);
      expect(await findByToken(w.db, token, new Date(answeredAt + 90 * DAY - 1000))).not.toBeNull();
      expect(await findByToken(w.db, token, new Date(answeredAt + 90 * DAY))).toBeNull();
      expect(await findByToken(w.db, token, new Date(answeredAt + 400 * DAY))).toBeNull();
    }
  });

  it('follows QUOTE_LINK_ANSWERED_DAYS, and an unanswered link has no such end', async () => {
    const id = await draft();
    const { token } = await sendQuotation(w.db, w.actors.repA1, id);
    // Unanswered, a year later: still found, so the page can say it expired.
    expect(await findByToken(w.db, token, new Date(Date.now() + 365 * DAY))).toMatchObject({ state: 'expired', availableUntil: null });
    await acceptByToken(w.db, token, { name: 'A B', ip: '1.1.1.1' });
    const answeredAt = (await row(id)).acceptedAt!.getTime();
    process.env.QUOTE_LINK_ANSWERED_DAYS = '7';
    try {
      expect(await findByToken(w.db, token, new Date(answeredAt + 6 * DAY))).not.toBeNull();
      expect(await findByToken(w.db, token, new Date(answeredAt + 8 * DAY))).toBeNull();
    } finally {
      delete process.env.QUOTE_LINK_ANSWERED_DAYS;
    }
  });
});
