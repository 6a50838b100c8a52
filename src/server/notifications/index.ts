import 'server-only';
import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { notifications, users } from '../db/schema';
import { queueMails, type Mail } from '../mail';
import { loadMessages } from '@/messages';
import { isLocale } from '../i18n/locales';
import type { Actor } from '../access/actor';

export type NotificationKind = 'taskDue' | 'standbyReopened' | 'dealChanged' | 'dealAssigned' | 'quoteAccepted' | 'quoteDeclined'
  | 'approvalRequested' | 'approvalGiven' | 'approvalRefused';

type Translate = (key: string, values?: Record<string, string>) => string;

/** The notifications' sentences in one language, for the emails. */
async function translator(locale: string): Promise<Translate> {
  const { createTranslator } = await import('use-intl/core');
  const messages = await loadMessages(isLocale(locale) ? locale : 'en');
  // Messages are loaded at run time, so the translator is untyped here.
  return createTranslator({ locale, messages, namespace: 'notifications' } as never) as unknown as Translate;
}

type Notice = {
  orgId: string; userId: string; kind: NotificationKind; params?: Record<string, string>; link?: string; key?: string;
  /** Mail even without the user's opt-in: for news they must not miss, such as a customer's acceptance. */
  alwaysEmail?: boolean;
};

/**
 * Raises one notification; with a key, the same reminder is never raised twice. A user who opted
 * in also gets it by email, queued in the same transaction and sent after commit.
 */
export async function notify(db: Db, n: Notice): Promise<void> {
  await notifyMany(db, [n]);
}

/**
 * Raises many notifications in a fixed number of statements (the reminders job raises hundreds at
 * once): one insert, one read of the recipients, one insert of their mails. Keys already raised are
 * skipped and mail nobody. Returns how many were new.
 */
export async function notifyMany(db: Db, all: Notice[]): Promise<number> {
  const once = new Set<string>();
  const list = all.filter((n) => !n.key || (!once.has(`${n.userId}:${n.key}`) && Boolean(once.add(`${n.userId}:${n.key}`))));
  if (!list.length) return 0;
  const inserted = await db
    .insert(notifications)
    .values(list.map((n) => ({ orgId: n.orgId, userId: n.userId, kind: n.kind, params: n.params ?? {}, link: n.link ?? '', dedupeKey: n.key ?? null })))
    .onConflictDoNothing()
    .returning({ userId: notifications.userId, dedupeKey: notifications.dedupeKey });
  // Without a key nothing can conflict, so those are all new; a keyed one is new if it came back.
  const raised = new Set(inserted.map((r) => `${r.userId}:${r.dedupeKey}`));
  const fresh = list.filter((n) => !n.key || raised.has(`${n.userId}:${n.key}`));
  if (!fresh.length) return 0;
  const recipients = await db
    .select({ id: users.id, email: users.email, locale: users.locale, optIn: users.emailNotifications, active: users.active })
    .from(users)
    .where(inArray(users.id, [...new Set(fresh.map((n) => n.userId))]));
  const byId = new Map(recipients.map((u) => [u.id, u]));
  const base = process.env.APP_URL || process.env.AUTH_URL || '';
  const mails: Mail[] = [];
  const languages = new Map<string, Translate>();
  for (const n of fresh) {
    const u = byId.get(n.userId);
    if (!u?.active || !(u.optIn || n.alwaysEmail)) continue;
    if (!languages.has(u.locale)) languages.set(u.locale, await translator(u.locale));
    const t = languages.get(u.locale)!;
    const subject = t(`kinds.${n.kind}`, n.params ?? {});
    const footer = t('emailFooter');
    mails.push({ orgId: n.orgId, to: u.email, subject, text: `${subject}\n\n${base}${n.link ?? ''}\n\n${footer}` });
  }
  await queueMails(db, mails);
  return fresh.length;
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
