import type { IncomingMessage, Server } from 'node:http';
import { SOCKET_HEADER } from './client-address';

const INSTALLED = Symbol.for('sfa.socketStamp');

/** Puts the socket's address on the request under SOCKET_HEADER, replacing any the client sent. */
export function stampSocketAddress(req: IncomingMessage): void {
  delete req.headers[SOCKET_HEADER];
  const address = req.socket?.remoteAddress;
  if (address) req.headers[SOCKET_HEADER] = address;
}

/**
 * Makes every Node HTTP server of this process stamp its requests before any listener sees them
 * (Next's own server included: it creates its server before instrumentation runs, so the hook goes
 * on http.Server's prototype, where the server's 'request' event is emitted). Installed once.
 */
export function installSocketStamp(http: { Server: typeof Server }): void {
  const proto = http.Server.prototype as Server & { [INSTALLED]?: boolean };
  if (proto[INSTALLED]) return;
  const emit = proto.emit as (this: Server, event: string | symbol, ...args: unknown[]) => boolean;
  proto.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') stampSocketAddress(args[0] as IncomingMessage);
    return emit.call(this, event, ...args);
  } as Server['emit'];
  proto[INSTALLED] = true;
}
