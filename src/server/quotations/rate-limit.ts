/**
 * A fixed-window counter per key (the caller's address) for the public quotation pages, so nobody
 * can walk the token space or hammer the PDF renderer. Kept in this process's memory: one app
 * instance needs nothing else; several instances would each count on their own.
 */
export function createRateLimiter(limit: number, windowMs: number) {
  const hits = new Map<string, { count: number; resetAt: number }>();
  return {
    /** True when this request is still within the limit. */
    take(key: string, now = Date.now()): boolean {
      const cur = hits.get(key);
      if (!cur || cur.resetAt <= now) {
        if (hits.size > 10_000) for (const [k, v] of hits) if (v.resetAt <= now) hits.delete(k);
        hits.set(key, { count: 1, resetAt: now + windowMs });
        return true;
      }
      cur.count++;
      return cur.count <= limit;
    },
  };
}

const g = globalThis as unknown as { __quoteLimiter?: ReturnType<typeof createRateLimiter> };
/** Requests per minute per address on /q/ pages, PDFs and answers (PUBLIC_LINK_RATE_LIMIT, default 60). */
export const publicLinkLimiter = (g.__quoteLimiter ??= createRateLimiter(Number(process.env.PUBLIC_LINK_RATE_LIMIT || 60), 60_000));
