import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * The customer's link token, kept encrypted beside its hash so the rep can copy or share the link
 * again (LINE, Zalo) without a new one being made. AES-256-GCM with a key derived from AUTH_SECRET
 * for this purpose only (HKDF-SHA256), and the quotation's id as associated data: a sealed token
 * copied onto another row, altered, or read with another secret opens to nothing. A copy of the
 * database alone therefore still opens no link.
 *
 * Format: "v1." + base64url(12-byte IV | ciphertext | 16-byte tag).
 */
const PURPOSE = 'quote2cash/quotation-link-token/v1';
const PREFIX = 'v1.';

function keyFrom(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, '', PURPOSE, 32));
}

const envSecret = () => process.env.AUTH_SECRET || '';

/** The sealed token, or null when no secret is configured (the link then lives in the mail only). */
export function sealLinkToken(token: string, quotationId: string, secret = envSecret()): string | null {
  if (!secret) return null;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(secret), iv);
  cipher.setAAD(Buffer.from(quotationId, 'utf8'));
  const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
}

/** The token, or null for anything that does not open with this secret and this quotation's id. */
export function openLinkToken(sealed: string | null | undefined, quotationId: string, secret = envSecret()): string | null {
  if (!sealed || !secret || !sealed.startsWith(PREFIX)) return null;
  const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64url');
  if (raw.length < 12 + 16 + 1) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFrom(secret), raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(quotationId, 'utf8'));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
