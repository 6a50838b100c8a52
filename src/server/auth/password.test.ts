import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import bcrypt from 'bcryptjs';
import { eq } from 'drizzle-orm';
import { makeWorld, type World } from '../../../tests/support/world';
import { BCRYPT_MAX_BYTES, hashPassword, needsRehash, verifyPassword } from './password';
import { DEMO_PASSWORD, demoPasswordRefused, MIN_PASSWORD, newPassword, passwordProblem } from './password-policy';
import { verifyCredentials } from './credentials';
import { users } from '../db/schema';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});
afterEach(() => vi.unstubAllEnvs());

describe('password rules for a new password', () => {
  it('refuses 11 characters and takes 12 (characters, not bytes)', () => {
    expect(passwordProblem('Kestrel-Owl')).toBe('passwordTooShort');
    expect(passwordProblem('Kestrel-Owl7')).toBeNull();
    // Thai: 12 characters are 36 bytes and still 12 characters.
    expect(passwordProblem('นกกระจอกบินสูง')).toBeNull();
    expect(passwordProblem('นกบิน')).toBe('passwordTooShort');
    expect(MIN_PASSWORD).toBe(12);
  });

  it('refuses common and easily guessed passwords from the shipped list, whatever their length', () => {
    for (const p of ['password1234', 'qwertyuiop12', '123456789012', 'iloveyou2024', 'football2020', 'aaaaaaaaaaaa', 'passwordpassword', 'P@ssw0rd1234']) {
      expect(passwordProblem(p), p).toBe('passwordCommon');
    }
    expect(passwordProblem('Sunny-Otter-93-Bay')).toBeNull();
  });

  it('refuses a password made of the user\'s own email or name', () => {
    expect(passwordProblem('somchai.jaidee2026', ['somchai.jaidee@example.co.th', 'Somchai Jaidee'])).toBe('passwordCommon');
    expect(passwordProblem('Hello-SomchaiJaidee-9', ['s.j@example.co.th', 'Somchai Jaidee'])).toBe('passwordCommon');
    expect(passwordProblem('somchai.jaidee2026')).toBeNull();
  });

  it('refuses the published demo password, control characters and more than 128 characters', () => {
    // 14 characters: long enough, so refused by name.
    expect(passwordProblem(DEMO_PASSWORD)).toBe('passwordCommon');
    expect(passwordProblem(`${DEMO_PASSWORD}!`)).toBe('passwordCommon');
    expect(passwordProblem('line-one\nline-two-x')).toBe('invalidCharacters');
    expect(passwordProblem('null\u0000byte-password')).toBe('invalidCharacters');
    expect(passwordProblem('a\uD800-lone-surrogate')).toBe('invalidCharacters');
    expect(passwordProblem('Otter-Kestrel-'.repeat(10))).toBe('passwordTooLong');
  });

  it('is a field type whose messages are error keys', () => {
    expect(newPassword.safeParse('short').error!.issues[0].message).toBe('passwordTooShort');
    expect(newPassword.safeParse(undefined).error!.issues[0].message).toBe('passwordTooShort');
    expect(newPassword.safeParse(42).error!.issues[0].message).toBe('invalid');
    expect(newPassword.safeParse('Sunny-Otter-93-Bay').success).toBe(true);
  });
});

describe('hashing: no silent truncation at 72 bytes', () => {
  const head = 'ก'.repeat(24); // 72 bytes of UTF-8
  it('tells apart passwords that share their first 72 bytes', async () => {
    expect(Buffer.byteLength(head)).toBe(BCRYPT_MAX_BYTES);
    const hash = await hashPassword(`${head}-first`);
    expect(await verifyPassword(`${head}-first`, hash)).toBe(true);
    expect(await verifyPassword(`${head}-other`, hash)).toBe(false);
    expect(await verifyPassword(head, hash)).toBe(false);
    // bcrypt alone would have taken both: this is what the pre-hash prevents.
    const raw = await bcrypt.hash(`${head}-first`, 4);
    expect(await bcrypt.compare(`${head}-other`, raw)).toBe(true);
  });

  it('still verifies an older raw-bcrypt hash, but never compares more than 72 bytes against one', async () => {
    const legacy = await bcrypt.hash('old-style-password', 4);
    expect(needsRehash(legacy)).toBe(true);
    expect(await verifyPassword('old-style-password', legacy)).toBe(true);
    expect(await verifyPassword('old-style-passworD', legacy)).toBe(false);
    const legacyLong = await bcrypt.hash(`${head}-first`, 4);
    expect(await verifyPassword(`${head}-first`, legacyLong)).toBe(false);
    expect(await verifyPassword(`${head}-anything`, legacyLong)).toBe(false);
  });

  it('upgrades an older hash at the next successful sign-in', async () => {
    const legacy = await bcrypt.hash('old-style-password', 4);
    await w.db.update(users).set({ passwordHash: legacy }).where(eq(users.id, w.people.repA1.id));
    expect((await verifyCredentials(w.db, w.people.repA1.email, 'old-style-password', null)).ok).toBe(true);
    const [u] = await w.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, w.people.repA1.id));
    expect(u.hash).toMatch(/^hmac-sha256:\$2[aby]\$/);
    expect(needsRehash(u.hash!)).toBe(false);
    expect((await verifyCredentials(w.db, w.people.repA1.email, 'old-style-password', null)).ok).toBe(true);
  });

  it('makes a fresh salt each time and stores no password', async () => {
    const a = await hashPassword('Sunny-Otter-93-Bay');
    const b = await hashPassword('Sunny-Otter-93-Bay');
    expect(a).not.toBe(b);
    expect(a).not.toContain('Sunny');
  });
});

describe('the published demo password at sign-in', () => {
  it('works outside production and in production with DEMO_MODE only', () => {
    expect(demoPasswordRefused(DEMO_PASSWORD, { NODE_ENV: 'development' })).toBe(false);
    expect(demoPasswordRefused(DEMO_PASSWORD, { NODE_ENV: 'production' })).toBe(true);
    expect(demoPasswordRefused(DEMO_PASSWORD, { NODE_ENV: 'production', DEMO_MODE: 'false' })).toBe(true);
    expect(demoPasswordRefused(DEMO_PASSWORD, { NODE_ENV: 'production', DEMO_MODE: 'true' })).toBe(false);
    expect(demoPasswordRefused('Sunny-Otter-93-Bay', { NODE_ENV: 'production' })).toBe(false);
  });
});
