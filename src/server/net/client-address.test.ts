import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { addressKey, clientAddress, normalizeAddress, SOCKET_HEADER, trustedHops } from './client-address';
import { installSocketStamp } from './socket-stamp';

const h = (o: Record<string, string>) => new Headers(o);
const env = (TRUSTED_PROXY?: string) => ({ TRUSTED_PROXY }) as unknown as NodeJS.ProcessEnv;

describe('the client address', () => {
  it('ignores X-Forwarded-For and X-Real-IP without TRUSTED_PROXY: the socket address counts', () => {
    const headers = h({ [SOCKET_HEADER]: '198.51.100.7', 'x-forwarded-for': '1.2.3.4', 'x-real-ip': '5.6.7.8' });
    expect(clientAddress(headers, env())).toBe('198.51.100.7');
    expect(clientAddress(headers, env(''))).toBe('198.51.100.7');
    expect(clientAddress(headers, env('0'))).toBe('198.51.100.7');
    // Rotating a forged header changes nothing.
    expect(clientAddress(h({ [SOCKET_HEADER]: '198.51.100.7', 'x-forwarded-for': '9.9.9.9' }), env())).toBe('198.51.100.7');
  });

  it('honours exactly N trusted hops: the N-th entry from the right, never what the client put before it', () => {
    const chain = 'forged-by-client, 6.6.6.6, 203.0.113.5, 10.0.0.2';
    const headers = h({ [SOCKET_HEADER]: '10.0.0.3', 'x-forwarded-for': chain });
    expect(clientAddress(headers, env('1'))).toBe('10.0.0.2');
    expect(clientAddress(headers, env('2'))).toBe('203.0.113.5');
    expect(clientAddress(headers, env('3'))).toBe('6.6.6.6');
    // A client prepending entries does not move the answer.
    const more = h({ [SOCKET_HEADER]: '10.0.0.3', 'x-forwarded-for': `1.1.1.1, 2.2.2.2, ${chain}` });
    expect(clientAddress(more, env('2'))).toBe('203.0.113.5');
  });

  it('falls back to the socket when the chain is shorter than the hops or the entry is not an address', () => {
    expect(clientAddress(h({ [SOCKET_HEADER]: '10.0.0.3', 'x-forwarded-for': '203.0.113.5' }), env('2'))).toBe('10.0.0.3');
    expect(clientAddress(h({ [SOCKET_HEADER]: '10.0.0.3' }), env('1'))).toBe('10.0.0.3');
    expect(clientAddress(h({ [SOCKET_HEADER]: '10.0.0.3', 'x-forwarded-for': 'nonsense' }), env('1'))).toBe('10.0.0.3');
  });

  it('cannot be told without the socket stamp (and never trusts a header instead)', () => {
    expect(clientAddress(h({ 'x-forwarded-for': '1.2.3.4' }), env())).toBeNull();
  });

  it('reads TRUSTED_PROXY only as a small hop count', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(trustedHops(env('2'))).toBe(2);
    expect(trustedHops(env('true'))).toBe(0);
    expect(trustedHops(env('-1'))).toBe(0);
    expect(trustedHops(env('99'))).toBe(0);
    warn.mockRestore();
  });

  it('normalizes ports, brackets and IPv4-mapped IPv6, and counts IPv6 by /64', () => {
    expect(normalizeAddress('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(normalizeAddress('192.0.2.1:5555')).toBe('192.0.2.1');
    expect(normalizeAddress('[2001:db8::1]:443')).toBe('2001:db8::1');
    expect(normalizeAddress('2001:DB8::1')).toBe('2001:db8::1');
    expect(normalizeAddress('not an ip')).toBeNull();
    expect(addressKey('192.0.2.1')).toBe('192.0.2.1');
    expect(addressKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2::9')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey(null)).toBeNull();
  });
});

describe('the socket stamp on a real HTTP server', () => {
  let server: http.Server;
  let port = 0;
  const seen: Record<string, string | string[] | undefined>[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push({ ...req.headers });
      res.end('ok');
    });
    // Installed after the server exists, as instrumentation does with Next's server.
    installSocketStamp(http);
    installSocketStamp(http);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  it('replaces a forged stamp with the real socket address before the handler runs', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/`, { headers: { [SOCKET_HEADER]: '6.6.6.6', 'x-forwarded-for': '7.7.7.7' } });
    expect(await res.text()).toBe('ok');
    const got = seen.at(-1)!;
    expect(got[SOCKET_HEADER]).toBe('127.0.0.1');
    expect(clientAddress(new Headers(got as Record<string, string>), env())).toBe('127.0.0.1');
  });
});
