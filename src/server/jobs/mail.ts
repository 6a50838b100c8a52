import 'server-only';
import type { Db } from '../db/client';
import { sendDueMail, type SendResult } from '../mail';

/**
 * The mail job (every minute): sends what the fast path after an action did not (a crash between
 * commit and send, a provider that was down) and retries failures when their backoff has passed.
 * Claims are per mail and skip what another sender holds, so workers can overlap safely.
 */
export async function sendOutbox(db: Db, opts: { now?: Date; orgId?: string; batch?: number; maxBatches?: number } = {}): Promise<SendResult> {
  const total: SendResult = { claimed: 0, sent: 0, retrying: 0, failed: 0 };
  const batch = opts.batch ?? 50;
  for (let i = 0; i < (opts.maxBatches ?? 20); i++) {
    const r = await sendDueMail(db, { limit: batch, now: opts.now, orgId: opts.orgId });
    for (const k of Object.keys(total) as (keyof SendResult)[]) total[k] += r[k];
    if (r.claimed < batch) break;
  }
  return total;
}
