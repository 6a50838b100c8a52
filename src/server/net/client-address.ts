import { isIP } from 'node:net';

/**
 * Who is on the other end of a request, for rate limits, sign-in delays and the "accepted from"
 * address of a quotation.
 *
 * X-Forwarded-For is written by whoever sends the request, so it is believed only as far as the
 * operator says: TRUSTED_PROXY=N names the N proxies in front of the app (a load balancer and a
 * CDN make 2). Each trusted proxy appends the address it was connected from, so the client is the
 * N-th entry from the right; anything further left was sent by the client and is ignored. Without
 * TRUSTED_PROXY the header is ignored altogether and the socket's address is used.
 *
 * Next 16 hands route handlers, server actions and the proxy (middleware) only headers, never the
 * socket, and it fills X-Forwarded-For with the socket address only when the client sent none.
 * So src/instrumentation.ts stamps the socket's address into SOCKET_HEADER as each request reaches
 * the Node server, after deleting any copy the client sent (socket-stamp.ts).
 */
export const SOCKET_HEADER = 'x-sfa-socket-address';
// No `import 'server-only'` here or in socket-stamp.ts: instrumentation loads them outside React's
// server layer, where that import throws. Nothing in them is secret.

type HeaderSource = { get(name: string): string | null };

/** TRUSTED_PROXY as a hop count: unset, empty or anything but a whole number from 0 to 10 means 0. */
export function trustedHops(env: NodeJS.ProcessEnv = process.env): number {
  const raw = (env.TRUSTED_PROXY ?? '').trim();
  if (!raw) return 0;
  if (!/^\d{1,2}$/.test(raw) || Number(raw) > 10) {
    warnOnce(`TRUSTED_PROXY=${JSON.stringify(raw)} is not a number of proxy hops (0-10); X-Forwarded-For is ignored.`);
    return 0;
  }
  return Number(raw);
}

let warned = false;
function warnOnce(message: string) {
  if (!warned) console.warn(message);
  warned = true;
}

/** An address as a plain IP: ports, brackets and the IPv4-mapped IPv6 prefix removed; null when it is not one. */
export function normalizeAddress(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let v = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(v);
  if (bracketed) v = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(v)) v = v.slice(0, v.lastIndexOf(':'));
  v = v.replace(/%.*$/, '');
  if (/^::ffff:\d{1,3}(\.\d{1,3}){3}$/i.test(v)) v = v.slice(7);
  return isIP(v) ? v.toLowerCase() : null;
}

/** The client's address for this request, or null when it cannot be told. */
export function clientAddress(headers: HeaderSource, env: NodeJS.ProcessEnv = process.env): string | null {
  const hops = trustedHops(env);
  const socket = normalizeAddress(headers.get(SOCKET_HEADER));
  if (hops === 0) return socket;
  const chain = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  // Fewer entries than trusted hops: the request did not come through all the proxies, so no
  // entry can be trusted; the socket (the nearest proxy, or whoever reached the app) is used.
  if (chain.length < hops) return socket;
  return normalizeAddress(chain[chain.length - hops]) ?? socket;
}

/**
 * The key a per-address limit counts under: an IPv4 address, or the /64 network of an IPv6 one
 * (one subscriber usually holds a whole /64, so counting single IPv6 addresses would count nothing).
 */
export function addressKey(address: string | null): string | null {
  if (!address) return null;
  if (isIP(address) !== 6) return address;
  return expandIPv6(address).slice(0, 4).join(':') + '::/64';
}

function expandIPv6(address: string): string[] {
  let v = address.toLowerCase();
  // An embedded IPv4 tail (::ffff:1.2.3.4 style) becomes two hex groups.
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(v);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number);
    v = v.slice(0, v4.index) + ((a << 8) | b).toString(16) + ':' + ((c << 8) | d).toString(16);
  }
  const [head, tail] = v.split('::');
  const h = head ? head.split(':') : [];
  const t = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const fill = v.includes('::') ? Array(8 - h.length - t.length).fill('0') : [];
  return [...h, ...fill, ...t].map((g) => g.replace(/^0+(?=.)/, ''));
}
