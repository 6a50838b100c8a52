import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { formatLine, redact, redactPath } from './log';
import { installRequestLog } from './request-log';

describe('log redaction', () => {
  it('drops secrets by key, keeps the last four digits of card and tax numbers, blanks tokens in text', () => {
    const line = formatLine('info', 'sign-in', {
      email: 'rep@demo.test',
      password: 'correct-horse-1',
      newPassword: 'x',
      authorization: 'Bearer abc.def',
      cookie: 'authjs.session-token=eyJhbGciOi',
      apiKey: 're_live_123',
      token: 'q0Zb3_secret',
      cardNumber: '4111 1111 1111 1111',
      taxId: '0105556123456',
      inn: 7707083893,
      nested: { resetToken: 'zzz', note: 'paid by card 4111-1111-1111-1234, tax id 0105556123456' },
      url: '/q/AbCdEf0123456789_-xyz?download=1',
      header: 'Authorization: Bearer sk_live_abcdef',
      query: 'next=/x&token=abc123&password=pw',
    });
    expect(line).not.toMatch(/correct-horse|abc\.def|eyJhbGciOi|re_live_123|q0Zb3_secret|4111 1111|4111-1111|0105556123456|7707083893|zzz|AbCdEf0123456789|sk_live_abcdef|abc123|=pw/);
    expect(line.split('\n')).toHaveLength(1);
    const o = JSON.parse(line);
    expect(o).toMatchObject({
      level: 'info', msg: 'sign-in', email: 'rep@demo.test', password: '[redacted]', newPassword: '[redacted]', authorization: '[redacted]',
      cookie: '[redacted]', apiKey: '[redacted]', token: '[redacted]', cardNumber: '••••1111', taxId: '••••3456', inn: '••••3893',
      nested: { resetToken: '[redacted]', note: 'paid by card ••••1234, tax id ••••3456' },
      url: '/q/[redacted]?download=1', header: 'Authorization: Bearer [redacted]', query: 'next=/x&token=[redacted]&password=[redacted]',
    });
    expect(o.time).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('leaves ids, dates, amounts and durations alone', () => {
    const fields = { id: '36aa0b2d-4ab6-4123-8123-4406e96dd6df', at: '2026-06-15T08:00:00.000Z', amount: '1234567.89', durationMs: 12345678901 };
    expect(redact(fields)).toEqual(fields);
  });

  it('paths lose their query string and the customer link\'s token', () => {
    expect(redactPath('/customers/abc?q=somebody&token=1')).toBe('/customers/abc');
    expect(redactPath('http://localhost:3000/q/SECRET_TOKEN_VALUE/pdf?x=1')).toBe('/q/[redacted]/pdf');
  });
});

describe('request log', () => {
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    installRequestLog(http);
    server = http.createServer((req, res) => {
      res.statusCode = req.url?.startsWith('/boom') ? 500 : 200;
      res.end(req.headers['x-request-id']);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  const lines = (spy: { mock: { calls: unknown[][] } }) => spy.mock.calls.map((c) => String(c[0])).filter((l) => l.includes('"msg":"request"')).map((l) => JSON.parse(l));

  it('writes one line per request with our request id; a caller\'s X-Request-Id is only a correlation id', async () => {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/q/THE_SECRET_TOKEN/pdf?password=pw`, { headers: { 'X-Request-Id': 'trace-42' } });
      const seenByApp = await res.text();
      await fetch(`http://127.0.0.1:${port}/boom`);
      await fetch(`http://127.0.0.1:${port}/_next/static/chunk.js`);
      await new Promise((r) => setTimeout(r, 50));
      const id = res.headers.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(seenByApp).toBe(id);
      const [first] = lines(out);
      expect(first).toMatchObject({ level: 'info', requestId: id, correlationId: 'trace-42', method: 'GET', path: '/q/[redacted]/pdf', status: 200 });
      expect(typeof first.durationMs).toBe('number');
      expect(lines(out)).toHaveLength(1);
      expect(lines(err)).toMatchObject([{ level: 'error', path: '/boom', status: 500 }]);
      expect(out.mock.calls.join('')).not.toMatch(/THE_SECRET_TOKEN|password=pw/);
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  });
});
