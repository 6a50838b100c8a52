import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: 256 bits, never derived from an id. Only its hash is stored. */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashLinkToken(token) };
}

export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A token can only be 43 base64url characters; anything else is not looked up at all. */
export const isLinkToken = (s: string) => /^[A-Za-z0-9_-]{43}$/.test(s);

export function quoteLink(token: string): string {
  const base = (process.env.APP_URL || process.env.AUTH_URL || 'http://localhost:3000').replace(/\/$/, '');
  return `${base}/q/${token}`;
}
