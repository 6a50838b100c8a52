import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { makeWorld, type World } from '../../../tests/support/world';
import { organizations, products } from '../db/schema';
import { LocalDiskStore } from '../files/store';
import { renderPool } from '../documents/render-pool';
import { pdfTextOf, squash } from '../../../tests/support/pdf-text';
import { getDelivery, recordDelivery } from '.';
import { ensureDeliveryPdf } from './pdf';
import { makeOrder, makeProduct } from './fixtures';

let w: World;
let dir: string;
let store: LocalDiskStore;
beforeAll(async () => {
  w = await makeWorld();
  await w.db.update(organizations).set({ legalName: 'บริษัท สยามเทรด จำกัด', address: '99 ถนนสุขุมวิท กรุงเทพฯ 10110', taxId: '0105551234567' }).where(eq(organizations.id, w.org.id));
  dir = mkdtempSync(path.join(tmpdir(), 'sfa-dn-'));
  store = new LocalDiskStore(dir);
});
afterAll(async () => {
  await renderPool().close();
  rmSync(dir, { recursive: true, force: true });
});

async function note(language: string) {
  const p = await makeProduct(w.db, w.org.id, { onHand: '50' });
  await w.db.update(products).set({ name: 'Printer paper A4', names: { th: 'กระดาษถ่ายเอกสาร A4', ru: 'Бумага для принтера A4' }, unit: 'ream' }).where(eq(products.id, p));
  const o = await makeOrder(w.db, {
    orgId: w.org.id, customerId: w.customers.a1, ownerId: w.people.repA1.id, language,
    lines: [{ productId: p, quantity: '20', description: 'Printer paper A4' }, { quantity: '1', kind: 'service', description: 'Installation / Установка / ติดตั้ง' }],
  });
  const d = await recordDelivery(w.db, w.actors.repA1, o.id, { deliveredOn: '2026-11-25', note: 'Gate 3', lines: [{ orderLineId: o.lineIds[0], quantity: '12.5' }, { orderLineId: o.lineIds[1], quantity: '1' }] });
  return { ...d, orderId: o.id };
}

describe('delivery note PDF', () => {
  it('is rendered once in the order language and then served from storage', async () => {
    const th = await note('th');
    const before = renderPool().stats().rendered;
    const first = await ensureDeliveryPdf(w.db, th.id, store);
    const again = await ensureDeliveryPdf(w.db, th.id, store);
    expect(renderPool().stats().rendered).toBe(before + 1);
    expect(again!.etag).toBe(first!.etag);
    const text = squash((await pdfTextOf(first!.bytes)).text);
    for (const s of ['ใบส่งของ', th.number, 'กระดาษถ่ายเอกสารA4', '12.5', 'ผู้ส่งของ', 'ผู้รับของ', 'Gate3']) expect(text).toContain(squash(s));
    if (process.env.DN_PDF_OUT) writeFileSync(path.join(process.env.DN_PDF_OUT, 'dn-th.pdf'), first!.bytes);

    const ru = await note('ru');
    const pdf = await ensureDeliveryPdf(w.db, ru.id, store);
    const ruText = squash((await pdfTextOf(pdf!.bytes)).text);
    for (const s of ['Накладная на отгрузку', 'Бумага для принтера A4', 'Отпустил', 'Получил']) expect(ruText).toContain(squash(s));
    if (process.env.DN_PDF_OUT) writeFileSync(path.join(process.env.DN_PDF_OUT, 'dn-ru.pdf'), pdf!.bytes);
    expect((await getDelivery(w.db, w.actors.repA1, ru.id)).orderLanguage).toBe('ru');
    expect(await ensureDeliveryPdf(w.db, 'nonsense', store)).toBeNull();
  });
});
