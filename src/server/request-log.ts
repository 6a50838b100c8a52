import 'server-only';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { logger, redactPath } from './log';

/**
 * One JSON log line per HTTP request: method, path (no query string; a /q/<token> link's token
 * blanked), status, duration and a request id. Next 16 gives no hook that sees a response's
 * status (the proxy runs before the route, `onRequestError` only on errors), so, like the socket
 * stamp beside it, this hooks the Node server's 'request' event from instrumentation.ts.
 *
 * The request id is ours, a fresh UUID per request, set as the X-Request-Id request header (so the
 * proxy, pages, actions and `onRequestError` can read it) and response header. An X-Request-Id the
 * client or a proxy sent is kept only as `correlationId` (X-Correlation-Id) for tracing across
 * systems: a client must not choose the id our logs are keyed by.
 *
 * Not logged: Next's static files (/_next/static, /_next/image, favicon), and successful health
 * checks (a load balancer polls every few seconds); a failing health check is logged.
 */
export const REQUEST_ID = 'x-request-id';
export const CORRELATION_ID = 'x-correlation-id';

const INSTALLED = Symbol.for('sfa.requestLog');
const QUIET = /^\/(_next\/(static|image)\/|favicon\.ico$|icons\/|manifest\.webmanifest$)/;

/** A caller's correlation id, if it is a sane token (no log injection, bounded). */
export function cleanCorrelationId(raw: string | string[] | undefined): string | null {
  const v = Array.isArray(raw) ? raw[0] : raw;
  if (!v) return null;
  const t = v.trim().slice(0, 128);
  return /^[A-Za-z0-9._:/+=-]+$/.test(t) ? t : null;
}

export function trackRequest(req: IncomingMessage, res: ServerResponse): void {
  const started = performance.now();
  const id = randomUUID();
  const correlationId = cleanCorrelationId(req.headers[REQUEST_ID]) ?? cleanCorrelationId(req.headers[CORRELATION_ID]);
  req.headers[REQUEST_ID] = id;
  if (correlationId) req.headers[CORRELATION_ID] = correlationId;
  else delete req.headers[CORRELATION_ID];
  if (!res.headersSent) res.setHeader('X-Request-Id', id);
  const path = redactPath(req.url ?? '/');
  let done = false;
  const finish = (aborted: boolean) => {
    if (done) return;
    done = true;
    const status = res.statusCode;
    if (QUIET.test(path) || (path === '/api/health' && status === 200)) return;
    const fields = {
      requestId: id,
      ...(correlationId ? { correlationId } : {}),
      method: req.method,
      path,
      status,
      durationMs: Math.round(performance.now() - started),
      ...(req.headers['next-action'] ? { action: true } : {}),
      ...(aborted ? { aborted: true } : {}),
    };
    if (status >= 500) logger.error('request', fields);
    else logger.info('request', fields);
  };
  res.once('finish', () => finish(false));
  res.once('close', () => finish(!res.writableFinished));
}

/** Hooks every Node HTTP server of this process (Next's included); installed once. */
export function installRequestLog(http: { Server: typeof Server }): void {
  const proto = http.Server.prototype as Server & { [INSTALLED]?: boolean };
  if (proto[INSTALLED]) return;
  const emit = proto.emit as (this: Server, event: string | symbol, ...args: unknown[]) => boolean;
  proto.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') trackRequest(args[0] as IncomingMessage, args[1] as ServerResponse);
    return emit.call(this, event, ...args);
  } as Server['emit'];
  proto[INSTALLED] = true;
}
