import 'server-only';
import { getDb } from '../db/client';
import { limits } from '../net/rate-limit';
import { addressKey, clientAddress } from '../net/client-address';

/**
 * The public quotation pages, their PDFs and answers are limited per client address (the socket's,
 * or a trusted proxy's X-Forwarded-For: net/client-address.ts), counted in the database so every
 * app instance shares the count. A request whose address cannot be told counts under 'unknown'.
 */
export async function takePublicLink(headers: { get(name: string): string | null }) {
  return limits.publicLink.take(await getDb(), addressKey(clientAddress(headers)) ?? 'unknown');
}
