import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireActor } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { listNotifications } from '@/server/notifications';
import { formatDateTime } from '@/lib/format';
import type { Locale } from '@/server/i18n/locales';
import { ActionForm } from '@/components/forms/action-form';
import { markAllReadAction } from '../tasks/actions';

export async function generateMetadata() {
  return { title: (await getTranslations('notifications'))('title') };
}

export default async function NotificationsPage() {
  const actor = await requireActor();
  const t = await getTranslations('notifications');
  const locale = (await getLocale()) as Locale;
  const items = await listNotifications(await getDb(), actor);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="h1">{t('title')}</h1>
        {items.some((n) => !n.readAt) ? <ActionForm action={markAllReadAction} submitLabel={t('markAllRead')} className="flex" /> : null}
      </div>
      {items.length === 0 ? <p className="card text-slate-600">{t('empty')}</p> : null}
      <ul className="space-y-2" data-testid="notification-list">
        {items.map((n) => (
          <li key={n.id} className={`card py-3 ${n.readAt ? 'opacity-70' : 'border-indigo-300'}`}>
            <Link href={n.link || '/'} className="link font-medium">{t(`kinds.${n.kind}` as 'kinds.taskDue', n.params)}</Link>
            <p className="text-xs text-slate-500">{formatDateTime(n.createdAt, locale, actor.org.timeZone)}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
