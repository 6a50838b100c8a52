import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { makeWorld, type World } from '../../../tests/support/world';
import { sendOutbox } from './mail';
import { dispatchOutbox, listOutbox, maxAttempts, queueMail, retryDelayMs } from '../mail';
import { outbox } from '../db/schema';

let w: World;
let server: http.Server;
// A stand-in for Resend's API: fails while `failing`, records what it accepted.
let failing = false;
const accepted: { to: string; idempotencyKey?: string }[] = [];

beforeAll(async () => {
  w = await makeWorld();
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (failing) {
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ statusCode: 503, name: 'application_error', message: 'Mail service unavailable' }));
        return;
      }
      const to = JSON.parse(body || '{}').to;
      accepted.push({ to: Array.isArray(to) ? to[0] : to, idempotencyKey: req.headers['idempotency-key'] as string | undefined });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `fake-${accepted.length}` }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  process.env.RESEND_API_KEY = 're_test_key';
  process.env.RESEND_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
  await new Promise((r) => server.close(r));
});

const queue = async (to: string) => {
  await queueMail(w.db, { orgId: w.org.id, to, subject: `Hello ${to}`, text: 'Body' });
  const [row] = await w.db.select().from(outbox).where(eq(outbox.to, to));
  return row;
};
const row = async (id: string) => (await w.db.select().from(outbox).where(eq(outbox.id, id)))[0];
const job = (now: Date) => sendOutbox(w.db, { now, orgId: w.org.id });
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);

describe('the mail job', () => {
  it('retries a failed mail with growing delays and, after the last try, shows it failed with its error', async () => {
    expect(maxAttempts()).toBe(5);
    const m = await queue(`doomed.${w.tag}@test.local`);
    failing = true;
    let now = new Date(Date.now() + 1000);
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(await job(now)).toMatchObject({ claimed: 1, retrying: 1, failed: 0 });
      const r = await row(m.id);
      expect(r).toMatchObject({ status: 'pending', attempts: attempt, error: expect.stringContaining('Mail service unavailable') });
      expect(r.nextAttemptAt.getTime()).toBe(now.getTime() + retryDelayMs(attempt));
      // Not a moment before its delay is over.
      expect((await job(later(now, retryDelayMs(attempt) - 1000))).claimed).toBe(0);
      now = later(now, retryDelayMs(attempt));
    }
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 240_000, 960_000, 3_840_000]);
    expect(await job(now)).toMatchObject({ claimed: 1, failed: 1 });
    const shown = (await listOutbox(w.db, w.actors.admin)).find((x) => x.id === m.id);
    expect(shown).toMatchObject({ status: 'failed', attempts: 5, error: expect.stringContaining('Mail service unavailable') });
    // Failed for good: never tried again.
    expect((await job(later(now, 30 * 86_400_000))).claimed).toBe(0);
    expect(accepted.filter((a) => a.to === m.to)).toEqual([]);
  });

  it('sends a mail on the retry after a failure, once, with its outbox id as idempotency key', async () => {
    const m = await queue(`later.${w.tag}@test.local`);
    failing = true;
    const t0 = new Date(Date.now() + 1000);
    expect(await job(t0)).toMatchObject({ claimed: 1, retrying: 1 });
    failing = false;
    // The fast path after an action sends only mail never tried: retries are the job's.
    expect(await dispatchOutbox(w.db, { fresh: true, now: later(t0, 3_600_000), orgId: w.org.id })).toBe(0);
    expect(await job(later(t0, retryDelayMs(1)))).toMatchObject({ claimed: 1, sent: 1 });
    expect(await job(later(t0, 3_600_000))).toMatchObject({ claimed: 0 });
    expect(await row(m.id)).toMatchObject({ status: 'sent', attempts: 2, error: null, providerId: expect.stringMatching(/^fake-/) });
    expect(accepted.filter((a) => a.to === m.to)).toEqual([{ to: m.to, idempotencyKey: `outbox-${m.id}` }]);
  });
});

const onPostgres = Boolean(process.env.DATABASE_URL);
if (!onPostgres) console.log('[mail job] concurrent senders test skipped: it needs DATABASE_URL (real PostgreSQL, parallel connections)');

describe.runIf(onPostgres)('mail senders under concurrency (PostgreSQL)', () => {
  it('four senders at once send each of 40 mails exactly once', async () => {
    failing = false;
    const to = Array.from({ length: 40 }, (_, i) => `many${i}.${w.tag}@test.local`);
    for (const t of to) await queueMail(w.db, { orgId: w.org.id, to: t, subject: 'Many', text: 'Body' });
    const now = new Date(Date.now() + 1000);
    const runs = await Promise.all([1, 2, 3, 4].map(() => sendOutbox(w.db, { now, orgId: w.org.id, batch: 5 })));
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(40);
    const got = accepted.filter((a) => a.to.startsWith('many')).map((a) => a.to).sort();
    expect(got).toEqual([...to].sort());
  });
});
