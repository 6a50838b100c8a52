// Quotation PDFs: render time through the worker pool at 20, 100 and 500 lines of long Thai text, and
// how fast this process still answers a trivial HTTP request while 8 large PDFs render at once
// (idle vs. loaded; the same load rendered in this thread, as before issue 10, for contrast).
//   npm run bench:pdf                 (add -- --quick for fewer runs)
// Runs with the react-server condition like the app's server code; the in-thread contrast runs in a
// child process without it (react-pdf needs React's client build) and reports back as JSON.
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { QuotationDocument } from '../src/server/documents/pdf/types';

const THAI = 'บริการติดตั้งระบบเครือข่ายคอมพิวเตอร์สำหรับสำนักงานใหญ่พร้อมอุปกรณ์และการบำรุงรักษาหนึ่งปี';
const quick = process.argv.includes('--quick');
const LOAD = 8; // large PDFs asked for at once
const LARGE = 500; // lines each

function doc(lines: number): QuotationDocument {
  return {
    language: 'th', timeZone: 'Asia/Bangkok', currency: 'THB',
    company: { legalName: 'บริษัท สยามเทรดดิ้ง จำกัด', address: 'กรุงเทพมหานคร', taxId: '0105551234567', branch: '', logo: null },
    customer: { name: 'บริษัท ลูกค้าดี จำกัด', address: '', taxId: '', branch: '', contactName: '', contactEmail: '', contactPhone: '' },
    number: 'QT-2026-00001', revision: 1, status: 'sent', issueDate: '2026-11-24', validUntil: '2026-12-24',
    salesperson: { name: 'Rep', email: 'rep@demo.test' }, pricesIncludeTax: false,
    lines: Array.from({ length: lines }, (_, i) => ({
      position: i + 1, code: `SV-${i + 1}`, description: `${i + 1}. ${THAI}`, unit: 'งาน', quantity: '1', unitPrice: '1000', discountLabel: '', net: '1000.00',
    })),
    subtotal: '0', lineDiscountTotal: '0', documentDiscount: '0', taxBase: '0', taxes: [], taxTotal: '0', grandTotal: '0', terms: '', notes: '',
  };
}

const pct = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const ms = (v: number) => `${v.toFixed(1)} ms`;

/** A trivial HTTP server in this process, standing in for the sign-in page (see bench/README.md). */
async function server() {
  const srv = http.createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as AddressInfo;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const ask = () =>
    new Promise<number>((resolve, reject) => {
      const t = performance.now();
      http.get({ host: '127.0.0.1', port, path: '/signin', agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(performance.now() - t));
      }).on('error', reject);
    });
  /** Requests one after another, 10 ms apart, until `until` says stop (at least `min`). */
  const sample = async (until: () => boolean, min: number) => {
    const out: number[] = [];
    while (out.length < min || !until()) {
      out.push(await ask());
      await new Promise((r) => setTimeout(r, 10));
    }
    return out;
  };
  return { sample, close: () => { agent.destroy(); srv.close(); } };
}

type Load = { p50: number; p95: number; max: number; n: number; wallMs: number; refused?: number };

async function underLoad(render: (lines: number) => Promise<unknown>): Promise<{ idle: Load; loaded: Load }> {
  const s = await server();
  const t0 = performance.now();
  const idleSamples = await s.sample(() => true, quick ? 50 : 100);
  const idleWall = performance.now() - t0;
  let done = false;
  const t1 = performance.now();
  // All at once, as eight customers clicking at the same moment would. A refusal (503) is counted.
  let refused = 0;
  const all = Promise.all(Array.from({ length: LOAD }, () => render(LARGE).catch(() => refused++))).finally(() => (done = true));
  const loadedSamples = await s.sample(() => done, 5);
  await all;
  const wall = performance.now() - t1;
  s.close();
  const stat = (xs: number[], wallMs: number): Load => ({ p50: pct(xs, 0.5), p95: pct(xs, 0.95), max: Math.max(...xs), n: xs.length, wallMs });
  return { idle: stat(idleSamples, idleWall), loaded: { ...stat(loadedSamples, wall), refused } };
}

/** Child mode: the same load rendered in this thread, the way PDFs were rendered before the pool. */
async function inThread() {
  const { renderQuotationPdf } = await import('../src/server/documents/pdf/quotation-pdf');
  await renderQuotationPdf(doc(1));
  // Asked for all at once too; layout is synchronous, so each one holds this thread while it is laid out.
  const result = await underLoad(async () => renderQuotationPdf(doc(LARGE)));
  console.log(JSON.stringify(result));
}

async function main() {
  const { renderPool, renderPoolOptionsFromEnv } = await import('../src/server/documents/render-pool');
  const opts = renderPoolOptionsFromEnv();
  const pool = renderPool();
  console.log(`pool: ${opts.workers} worker(s), time limit ${opts.timeoutMs} ms, queue ${opts.queueMax}; Node ${process.version}`);
  const warm = performance.now();
  await pool.render({ kind: 'quotation', doc: doc(1) });
  console.log(`${'first PDF (starts a worker: tsx, react-pdf, fonts)'.padEnd(52)} ${ms(performance.now() - warm)}`);

  console.log('\nrender time through the pool (one at a time)');
  for (const [n, runs] of [[20, quick ? 5 : 10], [100, quick ? 3 : 5], [500, quick ? 2 : 3]] as const) {
    const samples: number[] = [];
    let bytes = 0;
    await pool.render({ kind: 'quotation', doc: doc(n) }); // same-size warm-up
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      bytes = (await pool.render({ kind: 'quotation', doc: doc(n) })).byteLength;
      samples.push(performance.now() - t);
    }
    console.log(`  ${`${n} Thai lines`.padEnd(50)} p50 ${ms(pct(samples, 0.5)).padStart(10)}  p95 ${ms(pct(samples, 0.95)).padStart(10)}  ${(bytes / 1024).toFixed(0)} KB`);
  }

  const show = (label: string, r: { idle: Load; loaded: Load }) => {
    console.log(`\n${label}`);
    console.log(`  idle:                 p50 ${ms(r.idle.p50)}  p95 ${ms(r.idle.p95)}  max ${ms(r.idle.max)}  (${r.idle.n} requests)`);
    console.log(`  ${LOAD} x ${LARGE} lines:       p50 ${ms(r.loaded.p50)}  p95 ${ms(r.loaded.p95)}  max ${ms(r.loaded.max)}  (${r.loaded.n} requests; the ${LOAD} PDFs took ${(r.loaded.wallMs / 1000).toFixed(1)} s${r.loaded.refused ? `, ${r.loaded.refused} refused` : ''})`);
    console.log(`  p95 loaded / idle:    ${(r.loaded.p95 / r.idle.p95).toFixed(2)}x`);
  };
  show(`a trivial request while ${LOAD} PDFs of ${LARGE} lines render in the pool`, await underLoad((n) => pool.render({ kind: 'quotation', doc: doc(n) })));
  await pool.close();

  if (!process.argv.includes('--no-contrast')) {
    const child = spawnSync(process.execPath, ['--import', 'tsx', __filename, '--in-thread', ...(quick ? ['--quick'] : [])], { encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
    const line = child.stdout.trim().split('\n').pop() ?? '';
    if (child.status !== 0 || !line.startsWith('{')) console.error('in-thread contrast failed:', child.stderr.slice(-2000));
    else show(`the same, rendered in the request thread (before issue 10)`, JSON.parse(line));
  }
  const rss = process.memoryUsage().rss / 1024 / 1024;
  console.log(`\nresident memory of this process after the runs: ${rss.toFixed(0)} MB (the workers' heaps are their own)`);
}

(process.argv.includes('--in-thread') ? inThread() : main()).catch((e) => {
  console.error(e);
  process.exit(1);
});
