import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { outbox } from '../db/schema';
import type { Actor } from '../access/actor';
import { assertCan } from '../access/permissions';

export type Mail = { orgId: string; to: string; subject: string; text: string };

const hasProvider = () => Boolean(process.env.RESEND_API_KEY);

/** Queues a mail in the caller's transaction. Without RESEND_API_KEY it stays in the local outbox. */
export async function queueMail(tx: Db, mail: Mail): Promise<void> {
  await tx.insert(outbox).values({ ...mail, status: hasProvider() ? 'pending' : 'local' });
}

/** Sends what is pending through Resend, after the transactions that queued it have committed. */
export async function dispatchOutbox(db: Db, limit = 20): Promise<number> {
  if (!hasProvider()) return 0;
  const pending = await db.select().from(outbox).where(eq(outbox.status, 'pending')).orderBy(outbox.createdAt).limit(limit);
  if (!pending.length) return 0;
  const { Resend } = await import('resend');
  // RESEND_BASE_URL (read by the client) points it at a local fake server in tests.
  const resend = new Resend(process.env.RESEND_API_KEY);
  const from = process.env.MAIL_FROM || 'Quote2Cash <no-reply@example.com>';
  let sent = 0;
  for (const m of pending) {
    // Claim the row first so two dispatchers never send the same mail.
    const claimed = await db.update(outbox).set({ status: 'sent', sentAt: new Date() }).where(and(eq(outbox.id, m.id), eq(outbox.status, 'pending'))).returning({ id: outbox.id });
    if (!claimed.length) continue;
    try {
      const { data, error } = await resend.emails.send({ from, to: m.to, subject: m.subject, text: m.text });
      if (error) throw new Error(error.message);
      await db.update(outbox).set({ providerId: data?.id ?? null }).where(eq(outbox.id, m.id));
      sent++;
    } catch (e) {
      await db.update(outbox).set({ status: 'failed', error: String((e as Error).message ?? e).slice(0, 500) }).where(eq(outbox.id, m.id));
    }
  }
  return sent;
}

/** The outbox for an admin page (and tests). */
export async function listOutbox(db: Db, actor: Actor, limit = 100) {
  assertCan(actor, 'outbox.read');
  return db.select().from(outbox).where(eq(outbox.orgId, actor.orgId)).orderBy(desc(outbox.createdAt)).limit(limit);
}

