import { describe, expect, it } from 'vitest';
import { openLinkToken, sealLinkToken } from './link-seal';
import { newLinkToken } from './link';

const id = '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
const other = '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e60';
const secret = 'a-test-secret-of-reasonable-length';

describe('sealed link tokens', () => {
  it('opens to the token it sealed, and never repeats a ciphertext', () => {
    const { token } = newLinkToken();
    const a = sealLinkToken(token, id, secret)!;
    const b = sealLinkToken(token, id, secret)!;
    expect(a).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(a).not.toContain(token);
    expect(a).not.toBe(b);
    expect(openLinkToken(a, id, secret)).toBe(token);
    expect(openLinkToken(b, id, secret)).toBe(token);
  });

  it('a tampered seal opens to nothing', () => {
    const { token } = newLinkToken();
    const sealed = sealLinkToken(token, id, secret)!;
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    for (const at of [0, 12, 20, raw.length - 1]) {
      const bad = Buffer.from(raw);
      bad[at] ^= 1;
      expect(openLinkToken(`v1.${bad.toString('base64url')}`, id, secret), `byte ${at}`).toBeNull();
    }
    expect(openLinkToken(sealed.slice(0, -2), id, secret)).toBeNull();
    expect(openLinkToken(`v2.${sealed.slice(3)}`, id, secret)).toBeNull();
    expect(openLinkToken('v1.', id, secret)).toBeNull();
    expect(openLinkToken('v1.!!!', id, secret)).toBeNull();
    expect(openLinkToken('', id, secret)).toBeNull();
    expect(openLinkToken(null, id, secret)).toBeNull();
  });

  it('another secret, or another quotation, opens to nothing', () => {
    const { token } = newLinkToken();
    const sealed = sealLinkToken(token, id, secret)!;
    expect(openLinkToken(sealed, id, `${secret}x`)).toBeNull();
    expect(openLinkToken(sealed, other, secret)).toBeNull();
  });

  it('without a secret nothing is sealed or opened', () => {
    const { token } = newLinkToken();
    expect(sealLinkToken(token, id, '')).toBeNull();
    expect(openLinkToken(sealLinkToken(token, id, secret), id, '')).toBeNull();
  });
});
