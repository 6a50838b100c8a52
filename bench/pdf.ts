// PDF rendering of quotations with long Thai lines (react-pdf, committed Noto fonts). Usage:
//   npm run bench:pdf
// Runs without the react-server condition: react-pdf needs React's client build.
import { performance } from 'node:perf_hooks';
import { time } from './timing';
import type { QuotationDocument } from '../src/server/documents/pdf/types';
import { renderQuotationPdf } from '../src/server/documents/pdf/quotation-pdf';


const THAI = 'บริการติดตั้งระบบเครือข่ายคอมพิวเตอร์สำหรับสำนักงานใหญ่พร้อมอุปกรณ์และการบำรุงรักษาหนึ่งปี';

function doc(lines: number): QuotationDocument {
  return {
    language: 'th', timeZone: 'Asia/Bangkok', currency: 'THB',
    company: { legalName: 'บริษัท สยามเทรดดิ้ง จำกัด', address: 'กรุงเทพมหานคร', taxId: '0105551234567', branch: '', logo: null },
    customer: { name: 'บริษัท ลูกค้าดี จำกัด', address: '', taxId: '', branch: '', contactName: '', contactEmail: '', contactPhone: '' },
    number: 'QT-2026-00001', revision: 1, status: 'sent', issueDate: '2026-11-24', validUntil: '2026-12-24',
    salesperson: { name: 'Rep', email: 'rep@demo.test' }, pricesIncludeTax: false,
    lines: Array.from({ length: lines }, (_, i) => ({ position: i + 1, code: `SV-${i}`, description: THAI, unit: 'งาน', quantity: '1', unitPrice: '1000', discountLabel: '', net: '1000.00' })),
    subtotal: '0', lineDiscountTotal: '0', documentDiscount: '0', taxBase: '0', taxes: [], taxTotal: '0', grandTotal: '0', terms: '', notes: '',
  };
}

async function main() {
  const first = performance.now();
  await renderQuotationPdf(doc(1));
  console.log(`${'first PDF in a process (fonts, warm-up)'.padEnd(44)} ${(performance.now() - first).toFixed(0)} ms`);
  for (const n of [1, 20, 100]) {
    let bytes = 0;
    await time(`PDF, ${n} Thai lines`, async () => (bytes = (await renderQuotationPdf(doc(n))).length), n === 100 ? 5 : 10);
    console.log(`${''.padEnd(44)} size ${(bytes / 1024).toFixed(1)} KB`);
  }
  const rss = process.memoryUsage().rss / 1024 / 1024;
  console.log(`${'resident memory after the runs'.padEnd(44)} ${rss.toFixed(0)} MB`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
