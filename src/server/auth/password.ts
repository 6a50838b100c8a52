import { createHmac } from 'node:crypto';
import bcrypt from 'bcryptjs';

const COST = Number(process.env.BCRYPT_COST || 10);

/**
 * bcrypt reads at most 72 bytes and silently ignores the rest (three Thai letters take 9 bytes),
 * so a password is first reduced to a fixed 44-character digest: HMAC-SHA-256 under a fixed,
 * application-specific key (domain separation, so these hashes cannot be "shucked" with a leaked
 * plain SHA-256 list; it is not a secret pepper), base64 so no NUL byte reaches bcrypt. Every
 * character counts, whatever the length.
 *
 * Hashes made this way carry the PREFIX. Older hashes (bcrypt of the raw password) still verify
 * for passwords of up to 72 bytes and are upgraded at the next successful sign-in; a longer
 * password is never compared against one, because bcrypt would cut it short.
 */
const PREFIX = 'hmac-sha256:';
const PREHASH_KEY = 'quote2cash-sfa/password/v1';
export const BCRYPT_MAX_BYTES = 72;

function prehash(plain: string): string {
  return createHmac('sha256', PREHASH_KEY).update(plain, 'utf8').digest('base64');
}

export async function hashPassword(plain: string): Promise<string> {
  return PREFIX + (await bcrypt.hash(prehash(plain), COST));
}

// Compared against when there is no hash to check (unknown email, no password set yet), so every
// answer costs one bcrypt comparison.
const DUMMY_BCRYPT = bcrypt.hashSync(prehash('not-a-real-password'), COST);
export const DUMMY_HASH = PREFIX + DUMMY_BCRYPT;

/** One bcrypt comparison, always; false for a missing hash. */
export async function verifyPassword(plain: string, stored: string | null | undefined): Promise<boolean> {
  if (stored?.startsWith(PREFIX)) return bcrypt.compare(prehash(plain), stored.slice(PREFIX.length));
  if (stored && Buffer.byteLength(plain, 'utf8') <= BCRYPT_MAX_BYTES) return bcrypt.compare(plain, stored);
  await bcrypt.compare(prehash(plain), DUMMY_BCRYPT);
  return false;
}

/** True for an older-format hash or one made at a lower cost: rehash after a successful check. */
export function needsRehash(stored: string): boolean {
  if (!stored.startsWith(PREFIX)) return true;
  return bcrypt.getRounds(stored.slice(PREFIX.length)) < COST;
}
