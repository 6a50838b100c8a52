import 'server-only';
import { and, count, desc, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { notifications, opportunities, tasks, users } from '../db/schema';
import { queueMail } from '../mail';
import { loadMessages } from '@/messages';
import { isLocale } from '../i18n/locales';
import type { Actor } from '../access/actor';

export type NotificationKind = 'taskDue' | 'standbyReopened' | 'dealChanged' | 'dealAssigned' | 'quoteAccepted' | 'quoteDeclined';

/** The notification's sentence in the recipient's language, for the email. */
async function render(locale: string, kind: NotificationKind, params: Record<string, string>) {
  const { createTranslator } = await import('use-intl/core');
  const messages = await loadMessages(isLocale(locale) ? locale : 'en');
  // Messages are loaded at run time, so the translator is untyped here.
  const t = createTranslator({ locale, messages, namespace: 'notifications' } as never) as unknown as (key: string, values?: Record<string, string>) => string;
  return { subject: t(`kinds.${kind}`, params), footer: t('emailFooter') };
}

/**
 * Raises one notification; with a key, the same reminder is never raised twice. A user who opted
 * in also gets it by email, queued in the same transaction and sent after commit.
 */
export async function notify(
  db: Db,
  n: {
    orgId: string; userId: string; kind: NotificationKind; params?: Record<string, string>; link?: string; key?: string;
    /** Mail even without the user's opt-in: for news they must not miss, such as a customer's acceptance. */
    alwaysEmail?: boolean;
  },
): Promise<void> {
  const inserted = await db
    .insert(notifications)
    .values({ orgId: n.orgId, userId: n.userId, kind: n.kind, params: n.params ?? {}, link: n.link ?? '', dedupeKey: n.key ?? null })
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  if (!inserted.length) return;
  const [u] = await db.select({ email: users.email, locale: users.locale, optIn: users.emailNotifications, active: users.active }).from(users).where(eq(users.id, n.userId));
  if (!u?.active || !(u.optIn || n.alwaysEmail)) return;
  const { subject, footer } = await render(u.locale, n.kind, n.params ?? {});
  const base = process.env.APP_URL || process.env.AUTH_URL || '';
  await queueMail(db, { orgId: n.orgId, to: u.email, subject, text: `${subject}\n\n${base}${n.link ?? ''}\n\n${footer}` });
}

/**
 * Turns what has come due into notifications for this user: tasks past their due time and deals
 * whose standby ended. Run when the user opens a page, so no scheduler is needed; the keys make
 * repeated runs harmless.
 */
export async function raiseDueReminders(db: Db, actor: Actor, now = new Date()): Promise<void> {
  const due = await db
    .select({ id: tasks.id, title: tasks.title })
    .from(tasks)
    .where(and(eq(tasks.assigneeId, actor.id), eq(tasks.done, false), lte(tasks.dueAt, now)));
  for (const t of due) {
    await notify(db, { orgId: actor.orgId, userId: actor.id, kind: 'taskDue', params: { title: t.title }, link: '/tasks', key: `task:${t.id}:due` });
  }
  const reopened = await db
    .select({ id: opportunities.id, title: opportunities.title, until: opportunities.standbyUntil })
    .from(opportunities)
    .where(
      and(
        eq(opportunities.ownerId, actor.id),
        eq(opportunities.status, 'open'),
        sql`${opportunities.standbyUntil} <= (${now.toISOString()}::timestamptz at time zone ${actor.org.timeZone})::date`,
      ),
    );
  for (const d of reopened) {
    await notify(db, { orgId: actor.orgId, userId: actor.id, kind: 'standbyReopened', params: { title: d.title }, link: `/opportunities/${d.id}`, key: `deal:${d.id}:reopen:${d.until}` });
  }
}

export async function unreadCount(db: Db, actor: Actor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

export async function listNotifications(db: Db, actor: Actor, limit = 50) {
  return db.select().from(notifications).where(eq(notifications.userId, actor.id)).orderBy(desc(notifications.createdAt)).limit(limit);
}

export async function markAllRead(db: Db, actor: Actor): Promise<void> {
  await db.update(notifications).set({ readAt: new Date() }).where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt)));
}
