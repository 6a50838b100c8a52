import { afterAll, describe, expect, it } from 'vitest';
import { createRenderPool, renderPoolOptionsFromEnv } from '../render-pool';
import { formatAmount, formatDateTime, formatDay } from './format';
import { hyphenate, pdfText } from './fonts';
import type { QuotationDocument } from './types';
import { pdfTextOf, squash } from '../../../../tests/support/pdf-text';

// Rendered as the app renders them: in the worker pool, from plain data. One worker, so the
// documents of this file follow each other in the same thread, as they do in a long-running server.
const pool = createRenderPool({ ...renderPoolOptionsFromEnv(), workers: 1 });
afterAll(() => pool.close());
const renderQuotationPdf = async (doc: QuotationDocument) => Buffer.from(await pool.render({ kind: 'quotation', doc }));

const THAI_LINE = 'บริการติดตั้งระบบเครือข่ายคอมพิวเตอร์สำหรับสำนักงานใหญ่พร้อมอุปกรณ์และการบำรุงรักษาหนึ่งปี';

const base = (over: Partial<QuotationDocument> = {}): QuotationDocument => ({
  language: 'th', timeZone: 'Asia/Bangkok', currency: 'THB',
  company: { legalName: 'บริษัท สยามเทรดดิ้ง จำกัด', address: '99 ถนนสุขุมวิท กรุงเทพมหานคร 10110', taxId: '0105551234567', branch: '', logo: null },
  customer: { name: 'บริษัท ลูกค้าดี จำกัด', address: '1 ถนนพระราม 4', taxId: '0105559876543', branch: '', contactName: 'สมชาย ใจดี', contactEmail: 'somchai@example.com', contactPhone: '' },
  number: 'QT-2026-00001', revision: 1, status: 'sent', issueDate: '2026-11-24', validUntil: '2026-12-24',
  salesperson: { name: 'Napat', email: 'rep@demo.test' }, pricesIncludeTax: false,
  lines: [{ position: 1, code: 'SV-01', description: THAI_LINE, unit: 'งาน', quantity: '1.5', unitPrice: '12000.50', discountLabel: '', net: '18000.75' }],
  subtotal: '18000.75', lineDiscountTotal: '0.00', documentDiscount: '0.00', taxBase: '18000.75',
  taxes: [{ label: 'ภาษีมูลค่าเพิ่ม 7%', rate: '7', base: '18000.75', tax: '1260.05' }], taxTotal: '1260.05', grandTotal: '19260.80',
  terms: 'ชำระเงินภายใน 30 วัน', notes: '', ...over,
});

describe('quotation PDF', () => {
  it('holds the number, the customer, the totals and a whole Thai line', async () => {
    const pdf = await renderQuotationPdf(base());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { text } = await pdfTextOf(pdf);
    const flat = squash(text);
    expect(flat).toContain('QT-2026-00001');
    expect(flat).toContain(squash('บริษัท ลูกค้าดี จำกัด'));
    expect(flat).toContain(squash(THAI_LINE));
    expect(flat).toContain(squash(formatAmount('19260.80', 'THB', 'th', true)));
    expect(flat).toContain('1,260.05');
    expect(flat).toContain(squash('จำนวนเงินรวมทั้งสิ้น'));
    expect(flat).toContain(squash('เลขประจำตัวผู้เสียภาษี0105551234567'));
  });

  it('renders Vietnamese and Russian documents with their own labels and number formats', async () => {
    const vi = await pdfTextOf(await renderQuotationPdf(base({
      language: 'vi', currency: 'VND', customer: { ...base().customer, name: 'Công ty TNHH Thương mại Sài Gòn' },
      lines: [{ position: 1, code: '', description: 'Dịch vụ lắp đặt mạng', unit: 'gói', quantity: '2', unitPrice: '1500000', discountLabel: '', net: '3000000' }],
      subtotal: '3000000', taxBase: '3000000', taxes: [{ label: 'Thuế GTGT 8%', rate: '8', base: '3000000', tax: '240000' }], taxTotal: '240000', grandTotal: '3240000',
    })));
    expect(squash(vi.text)).toContain(squash('Công ty TNHH Thương mại Sài Gòn'));
    expect(squash(vi.text)).toContain(squash('Tổng cộng thanh toán'));
    expect(squash(vi.text)).toContain('3.240.000');
    const ru = await pdfTextOf(await renderQuotationPdf(base({
      language: 'ru', currency: 'RUB', customer: { ...base().customer, name: 'ООО «Ромашка»' }, company: { ...base().company, legalName: 'ООО «Поставщик»' },
      lines: [{ position: 1, code: '', description: 'Монтаж оборудования', unit: 'шт', quantity: '1', unitPrice: '1200', discountLabel: '', net: '1200.00' }],
      subtotal: '1200.00', taxBase: '1200.00', taxes: [{ label: 'НДС 20%', rate: '20', base: '1200.00', tax: '240.00' }], taxTotal: '240.00', grandTotal: '1440.00',
    })));
    expect(squash(ru.text)).toContain(squash('ООО «Ромашка»'));
    expect(squash(ru.text)).toContain(squash('Всего к оплате'));
    expect(squash(ru.text)).toContain('1440,00');
  });

  it('marks a draft and numbers the pages of a long document', async () => {
    const lines = Array.from({ length: 60 }, (_, i) => ({ position: i + 1, code: `P-${i + 1}`, description: `Item ${i + 1}`, unit: 'pc', quantity: '1', unitPrice: '10', discountLabel: '', net: '10.00' }));
    const { text, pages } = await pdfTextOf(await renderQuotationPdf(base({ language: 'en', number: null, status: 'draft', lines })));
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain('DRAFT');
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(text).toContain('Item 60');
  });

  it('keeps every letter of a document rendered after Russian and Vietnamese ones in the same worker', async () => {
    // Cyrillic and Vietnamese letters are composites of Latin glyphs; fontkit's glyph cache used to
    // leave those Latin glyphs without code points, and the next document lost them ("Date" -> "t").
    const one = (description: string) => [{ position: 1, code: '', description, unit: '', quantity: '1', unitPrice: '10', discountLabel: '', net: '10.00' }];
    await renderQuotationPdf(base({ language: 'ru', currency: 'RUB', lines: one('Монтаж оборудования') }));
    await renderQuotationPdf(base({ language: 'vi', currency: 'VND', lines: one('Dịch vụ lắp đặt mạng') }));
    const { text } = await pdfTextOf(await renderQuotationPdf(base({ language: 'en', lines: one('Network survey and cabling') })));
    for (const words of ['Quotation', 'Date', 'Valid until', 'Currency', 'Customer', 'Salesperson', 'Network survey and cabling', 'Grand total', 'Page 1 of 1']) {
      expect(text).toContain(words);
    }
  });
});

// 1 x 1 lossy WebP, as a browser or phone may upload a logo.
const WEBP_LOGO = 'data:image/webp;base64,UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA';
const hasImage = (pdf: Buffer) => pdf.includes('/Subtype /Image');

describe('quotation PDF: Thai document conventions (issue 11)', () => {
  const vnd = (over: Partial<QuotationDocument> = {}) => base({
    language: 'vi', currency: 'VND', timeZone: 'Asia/Ho_Chi_Minh',
    lines: [{ position: 1, code: '', description: 'Dịch vụ lắp đặt mạng', unit: 'gói', quantity: '1', unitPrice: '1250000', discountLabel: '', net: '1250000' }],
    subtotal: '1250000', taxBase: '1250000', taxes: [], taxTotal: '0', grandTotal: '1250000', ...over,
  });
  const rub = (over: Partial<QuotationDocument> = {}) => base({
    language: 'ru', currency: 'RUB', timeZone: 'Europe/Moscow',
    lines: [{ position: 1, code: '', description: 'Монтаж оборудования', unit: 'шт', quantity: '1', unitPrice: '1440.25', discountLabel: '', net: '1440.25' }],
    subtotal: '1440.25', taxBase: '1440.25', taxes: [], taxTotal: '0.00', grandTotal: '1440.25', ...over,
  });

  it('prints the total in words in the language of the currency, to the satang and kopeck', async () => {
    const th = squash((await pdfTextOf(await renderQuotationPdf(base({ grandTotal: '12500.50' })))).text);
    expect(th).toContain(squash('จำนวนเงินตัวอักษร'));
    expect(th).toContain('(หนึ่งหมื่นสองพันห้าร้อยบาทห้าสิบสตางค์)');
    const vi = squash((await pdfTextOf(await renderQuotationPdf(vnd()))).text);
    expect(vi).toContain(squash('Số tiền bằng chữ'));
    expect(vi).toContain(squash('(Một triệu hai trăm năm mươi nghìn đồng)'));
    const ru = squash((await pdfTextOf(await renderQuotationPdf(rub()))).text);
    expect(ru).toContain(squash('Сумма прописью'));
    expect(ru).toContain(squash('(Одна тысяча четыреста сорок рублей двадцать пять копеек)'));
  });

  it('prints no words where the document language is not the currency\'s own', async () => {
    const en = (await pdfTextOf(await renderQuotationPdf(base({ language: 'en', grandTotal: '12500.50' })))).text;
    expect(en).not.toContain('Amount in words');
    expect(en).not.toContain('บาท');
    const thUsd = squash((await pdfTextOf(await renderQuotationPdf(base({ currency: 'USD', grandTotal: '12500.50' })))).text);
    expect(thUsd).not.toContain(squash('จำนวนเงินตัวอักษร'));
  });

  it('ends with the signature blocks in every language', async () => {
    const expected: [string, QuotationDocument, string[]][] = [
      ['en', base({ language: 'en' }), ['Prepared by', 'Approved by', 'Customer acceptance', 'Signature', 'Napat']],
      ['th', base(), ['ผู้จัดทำ', 'ผู้อนุมัติ', 'ลูกค้าตกลงยอมรับ', 'ลงชื่อ']],
      ['vi', vnd(), ['Người lập', 'Người duyệt', 'Khách hàng chấp nhận', 'Chữ ký']],
      ['ru', rub(), ['Составил', 'Утвердил', 'Согласовано покупателем', 'Подпись']],
    ];
    for (const [, doc, words] of expected) {
      const text = squash((await pdfTextOf(await renderQuotationPdf(doc))).text);
      for (const w of words) expect(text).toContain(squash(w));
    }
  });

  it('stamps an accepted quotation with the typed name and the time in the organization\'s zone', async () => {
    const accepted = { status: 'accepted' as const, acceptedName: 'Jane Customer', acceptedAt: '2026-11-25T07:05:00Z' };
    const en = squash((await pdfTextOf(await renderQuotationPdf(base({ language: 'en', ...accepted })))).text);
    expect(en).toContain(squash('ACCEPTED by Jane Customer on November 25, 2026 at 2:05 PM'));
    const th = squash((await pdfTextOf(await renderQuotationPdf(base({ ...accepted, acceptedName: 'สมชาย ใจดี' })))).text);
    expect(th).toContain(squash('ยอมรับแล้วโดย สมชาย ใจดี เมื่อ 25 พฤศจิกายน 2569 เวลา 14:05'));
    // Only an accepted quotation carries the stamp.
    const sent = (await pdfTextOf(await renderQuotationPdf(base({ language: 'en', ...accepted, status: 'sent' })))).text;
    expect(sent).not.toContain('ACCEPTED');
  });

  it('embeds a WebP logo (as PNG), and prints without one when the file is not a readable WebP', async () => {
    expect(hasImage(await renderQuotationPdf(base({ company: { ...base().company, logo: WEBP_LOGO } })))).toBe(true);
    expect(hasImage(await renderQuotationPdf(base()))).toBe(false);
    const broken = 'data:image/webp;base64,' + Buffer.from('RIFF....WEBPVP8 not really a webp file').toString('base64');
    const pdf = await renderQuotationPdf(base({ company: { ...base().company, logo: broken } }));
    expect(hasImage(pdf)).toBe(false);
    expect(squash((await pdfTextOf(pdf)).text)).toContain('QT-2026-00001');
  });
});

describe('WebP logos', () => {
  it('decode to a PNG of the same size and colour, and refuse huge or foreign files', async () => {
    const { webpToPng, printableLogo } = await import('./logo');
    const png = webpToPng(Buffer.from(WEBP_LOGO.split(',')[1], 'base64'))!;
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1, 1]);
    const { inflateSync } = await import('node:zlib');
    const idat = png.indexOf('IDAT');
    const pixels = inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
    expect([...pixels]).toEqual([0, 130, 130, 130, 255]); // filter byte, then grey RGBA
    expect(printableLogo(WEBP_LOGO)).toMatch(/^data:image\/png;base64,/);
    expect(printableLogo('data:image/png;base64,iVBORw0KGgo=')).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(printableLogo('data:image/gif;base64,R0lGODlh')).toBeNull();
    // A lossless header that claims 16384 x 16384 pixels is not decoded.
    const huge = Buffer.alloc(40);
    huge.write('RIFF', 0, 'latin1'); huge.write('WEBP', 8, 'latin1'); huge.write('VP8L', 12, 'latin1');
    huge.writeUInt32LE((0x3fff) | (0x3fff << 14), 21);
    expect(webpToPng(huge)).toBeNull();
  });
});

describe('PDF text helpers', () => {
  it('writes SARA AM as NIKHAHIT + SARA AA', () => {
    expect(pdfText('จำกัด')).toBe('จ\u0E4D\u0E32กัด');
    expect(pdfText('plain')).toBe('plain');
  });
  it('gives Thai words break points without hyphens and leaves other words alone', () => {
    const pieces = hyphenate('สวัสดีครับ');
    expect(pieces.filter(Boolean).join('')).toBe('สวัสดีครับ');
    expect(pieces).toContain('');
    expect(hyphenate('Quotation')).toEqual(['Quotation']);
  });
  it('formats exact amounts per language and currency', () => {
    expect(formatAmount('12345678901234.56', 'THB', 'en')).toBe('12,345,678,901,234.56');
    expect(formatAmount('3240000', 'VND', 'vi')).toBe('3.240.000');
    expect(formatAmount('1440', 'RUB', 'ru')).toBe('1\u00a0440,00');
  });
  it('shows Thai dates in the Buddhist era', () => {
    expect(formatDay('2026-11-24', 'th')).toContain('2569');
    expect(formatDateTime('2026-11-25T17:30:00Z', 'th', 'Asia/Bangkok')).toBe('26 พฤศจิกายน 2569 เวลา 00:30');
    expect(formatDay('2026-11-24', 'en')).toBe('November 24, 2026');
  });
});
