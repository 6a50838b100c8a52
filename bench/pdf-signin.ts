// Page level, over HTTP, against the built app: the sign-in page's latency idle and while 8 large
// quotation PDFs (500 lines of long Thai text each) are asked for at once through the customer's
// public link. Before issue 10 the PDFs rendered in the request thread and the sign-in page waited
// for all of them; now they render in the worker pool and the page should stay within 2x of idle.
//   npm run build
//   createdb -h 127.0.0.1 -U postgres sfa_bench_pdf
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/sfa_bench_pdf npm run bench:pdf-signin
// PostgreSQL because the app server and this script both open the database (PGlite cannot be
// shared). The script seeds the demo company into that database (it must be a scratch one).
import { spawn } from 'node:child_process';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import { closeDb, getDb } from '../src/server/db/client';
import { seedDemo } from '../src/server/db/seed';
import { loadActor } from '../src/server/access/load-actor';
import { contacts, customers, users } from '../src/server/db/schema';

const PORT = Number(process.env.BENCH_PORT || 3555);
const LOAD = 8;
const LINES = 500;
const THAI = 'บริการติดตั้งระบบเครือข่ายคอมพิวเตอร์สำหรับสำนักงานใหญ่พร้อมอุปกรณ์และการบำรุงรักษาหนึ่งปี';

const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function get(path: string, opts: { agent?: http.Agent } = {}): Promise<{ status: number; ms: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    http
      .get({ host: '127.0.0.1', port: PORT, path, agent: opts.agent ?? false }, (res) => {
        let bytes = 0;
        res.on('data', (c: Buffer) => (bytes += c.length));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t, bytes }));
      })
      .on('error', reject);
  });
}

async function quotations(): Promise<string[]> {
  const db = await getDb();
  await seedDemo(db, { force: true });
  const { createQuotation, sendQuotation, quotationInput, addDays } = await import('../src/server/quotations');
  const [rep] = await db.select().from(users).where(eq(users.email, 'rep.bangrak@demo.test'));
  const actor = (await loadActor(db, rep.id))!;
  const [c] = await db.select().from(customers).where(eq(customers.ownerId, rep.id)).limit(1);
  const [contact] = await db.select().from(contacts).where(eq(contacts.customerId, c.id)).limit(1);
  const lines = JSON.stringify(Array.from({ length: LINES }, (_, i) => ({ description: `${i + 1}. ${THAI}`, unit: 'งาน', quantity: '1', unitPrice: '1000' })));
  const tokens: string[] = [];
  for (let i = 0; i < LOAD + 1; i++) {
    const id = await createQuotation(db, actor, quotationInput.parse({
      customerId: c.id, contactId: contact.id, language: 'th', currency: 'THB', validUntil: addDays(new Date().toISOString().slice(0, 10), 30), lines,
    }));
    tokens.push((await sendQuotation(db, actor, id)).token);
  }
  await closeDb();
  return tokens;
}

async function main() {
  if (!process.env.DATABASE_URL) throw new Error('Set DATABASE_URL to a scratch PostgreSQL database (see the header of this file).');
  console.log(`preparing ${LOAD + 1} sent quotations of ${LINES} lines...`);
  const tokens = await quotations();
  const server = spawn('npx', ['next', 'start', '-p', String(PORT)], {
    env: {
      ...process.env, AUTH_SECRET: 'bench-only-secret', AUTH_TRUST_HOST: 'true', DEMO_MODE: 'true', NODE_ENV: 'production',
      // No background renders: every PDF below is rendered on request, which is the load to measure.
      JOBS_IN_PROCESS: 'false', LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-server.pid!, 'SIGTERM');
    } catch {}
  };
  process.on('exit', stop);
  try {
    for (let i = 0; ; i++) {
      if (i > 120) throw new Error('the app did not start');
      if ((await get('/signin').catch(() => ({ status: 0 }))).status === 200) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    // Warm up: the sign-in page, and one PDF so the workers have started (fonts, react-pdf).
    for (let i = 0; i < 20; i++) await get('/signin', { agent });
    const warm = await get(`/q/${tokens[LOAD]}/pdf`);
    console.log(`first PDF (starts a worker): ${warm.status} in ${warm.ms.toFixed(0)} ms, ${warm.bytes} bytes`);

    const idle: number[] = [];
    for (let i = 0; i < 60; i++) {
      idle.push((await get('/signin', { agent })).ms);
      await new Promise((r) => setTimeout(r, 10));
    }

    let done = 0;
    const t0 = performance.now();
    const pdfs = tokens.slice(0, LOAD).map((tk) => get(`/q/${tk}/pdf`).then((r) => (done++, r)));
    const loaded: number[] = [];
    while (done < LOAD || loaded.length < 30) {
      loaded.push((await get('/signin', { agent })).ms);
      await new Promise((r) => setTimeout(r, 10));
    }
    const results = await Promise.all(pdfs);
    const wall = performance.now() - t0;
    const again = await get(`/q/${tokens[0]}/pdf`);

    const f = (v: number) => v.toFixed(1);
    console.log(`sign-in page, idle   (${idle.length} requests): p50 ${f(pct(idle, 0.5))} ms, p95 ${f(pct(idle, 0.95))} ms`);
    console.log(`sign-in page, loaded (${loaded.length} requests): p50 ${f(pct(loaded, 0.5))} ms, p95 ${f(pct(loaded, 0.95))} ms, max ${f(Math.max(...loaded))} ms`);
    console.log(`p95 loaded / idle: ${(pct(loaded, 0.95) / pct(idle, 0.95)).toFixed(2)}x`);
    console.log(`${LOAD} PDFs at once: statuses ${results.map((r) => r.status).join(',')}, all done in ${(wall / 1000).toFixed(1)} s (slowest ${(Math.max(...results.map((r) => r.ms)) / 1000).toFixed(1)} s)`);
    console.log(`the same PDF again (stored): ${again.status} in ${again.ms.toFixed(1)} ms`);
  } finally {
    stop();
  }
}

main()
  .then(() => process.exit(0))
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
