import 'server-only';
import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { outbox } from '../db/schema';
import type { Actor } from '../access/actor';
import { assertCan } from '../access/permissions';
import { logger } from '../log';
import { cleanSubject } from './subject';

/** `cc`: validated addresses the sender chose to copy (none by default). */
export type Mail = { orgId: string; to: string; subject: string; text: string; cc?: string[] };

const hasProvider = () => Boolean(process.env.RESEND_API_KEY);

/** Queues a mail in the caller's transaction. Without RESEND_API_KEY it stays in the local outbox. */
export async function queueMail(tx: Db, mail: Mail): Promise<void> {
  await queueMails(tx, [mail]);
}

/**
 * Queues many mails in one statement, in the caller's transaction. Every subject is made one clean
 * line here (mail/subject.ts), whoever wrote it: a customer's typed name reaches the salesperson's.
 */
export async function queueMails(tx: Db, mails: Mail[]): Promise<void> {
  if (!mails.length) return;
  const status = hasProvider() ? ('pending' as const) : ('local' as const);
  await tx.insert(outbox).values(mails.map((m) => ({ orgId: m.orgId, to: m.to, cc: (m.cc ?? []).join(', '), subject: cleanSubject(m.subject), text: m.text, status })));
}

/** Tries per mail before it is marked failed (MAIL_MAX_ATTEMPTS, default 5). */
export function maxAttempts(): number {
  const n = Number(process.env.MAIL_MAX_ATTEMPTS || 5);
  return Number.isInteger(n) && n >= 1 ? n : 5;
}

/** The wait after the n-th failed try: 1, 4, 16, 64 minutes..., at most 6 hours. */
export function retryDelayMs(failedAttempts: number): number {
  return Math.min(60_000 * 4 ** Math.max(0, failedAttempts - 1), 6 * 3_600_000);
}

// A sender holds a mail this long while it sends; if it dies mid-send, another takes it up after.
const CLAIM_MS = 5 * 60_000;

/**
 * Sends what is due through Resend, after the transactions that queued it have committed. Each
 * mail is claimed first (attempt counted, next try pushed past the claim) in one statement that
 * skips rows another sender holds, so two senders never send the same mail; Resend also gets the
 * outbox id as idempotency key. A failure is tried again after a growing delay; after the last try
 * the mail is `failed` with its error. `fresh` sends only mails never tried (the fast path after
 * an action: retries are the mail job's work). Returns how many were sent.
 */
export async function dispatchOutbox(db: Db, opts: SendOptions = {}): Promise<number> {
  return (await sendDueMail(db, opts)).sent;
}

/** `orgId` limits a run to one organization (tests share a database). */
type SendOptions = { limit?: number; now?: Date; fresh?: boolean; orgId?: string };
export type SendResult = { claimed: number; sent: number; retrying: number; failed: number };

/** dispatchOutbox with the whole count: claimed, sent, to be retried, failed for good. */
export async function sendDueMail(db: Db, opts: SendOptions = {}): Promise<SendResult> {
  const result: SendResult = { claimed: 0, sent: 0, retrying: 0, failed: 0 };
  if (!hasProvider()) return result;
  const now = opts.now ?? new Date();
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        eq(outbox.status, 'pending'),
        lte(outbox.nextAttemptAt, now),
        opts.fresh ? eq(outbox.attempts, 0) : undefined,
        opts.orgId ? eq(outbox.orgId, opts.orgId) : undefined,
      ),
    )
    .orderBy(outbox.nextAttemptAt)
    .limit(opts.limit ?? 20)
    .for('update', { skipLocked: true });
  const claimed = await db
    .update(outbox)
    .set({ attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + CLAIM_MS) })
    .where(inArray(outbox.id, due))
    .returning();
  result.claimed = claimed.length;
  if (!claimed.length) return result;
  const { Resend } = await import('resend');
  // RESEND_BASE_URL (read by the client) points it at a local fake server in tests.
  const resend = new Resend(process.env.RESEND_API_KEY);
  const from = process.env.MAIL_FROM || 'Quote2Cash <no-reply@example.com>';
  for (const m of claimed) {
    try {
      const cc = ccList(m.cc);
      const { data, error } = await resend.emails.send(
        { from, to: m.to, ...(cc.length ? { cc } : {}), subject: m.subject, text: m.text },
        { idempotencyKey: `outbox-${m.id}` },
      );
      if (error) throw new Error(error.message);
      await db.update(outbox).set({ status: 'sent', sentAt: new Date(), providerId: data?.id ?? null, error: null }).where(eq(outbox.id, m.id));
      result.sent++;
    } catch (e) {
      const error = String((e as Error)?.message ?? e).slice(0, 500);
      const last = m.attempts >= maxAttempts();
      await db
        .update(outbox)
        .set(last ? { status: 'failed', error } : { error, nextAttemptAt: new Date(now.getTime() + retryDelayMs(m.attempts)) })
        .where(eq(outbox.id, m.id));
      result[last ? 'failed' : 'retrying']++;
      logger.warn('mail not sent', { mailId: m.id, attempt: m.attempts, final: last, error });
    }
  }
  return result;
}

/** The stored comma-separated copies as a list (empty for none). */
export function ccList(stored: string | null | undefined): string[] {
  return String(stored ?? '').split(',').map((a) => a.trim()).filter(Boolean);
}

/** The outbox for an admin page (and tests). */
export async function listOutbox(db: Db, actor: Actor, limit = 100) {
  assertCan(actor, 'outbox.read');
  return db.select().from(outbox).where(eq(outbox.orgId, actor.orgId)).orderBy(desc(outbox.createdAt)).limit(limit);
}

