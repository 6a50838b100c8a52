import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit';

describe('public link rate limit', () => {
  it('allows the limit per window per address, then refuses until the window ends', () => {
    const l = createRateLimiter(3, 60_000);
    const t0 = 1_000_000;
    expect([1, 2, 3, 4].map(() => l.take('1.2.3.4', t0))).toEqual([true, true, true, false]);
    expect(l.take('5.6.7.8', t0)).toBe(true);
    expect(l.take('1.2.3.4', t0 + 59_999)).toBe(false);
    expect(l.take('1.2.3.4', t0 + 60_000)).toBe(true);
  });
});
