import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Bell, CalendarCheck, CircleAlert, Handshake } from 'lucide-react';
import type { Actor } from '@/server/access/actor';
import type { RepHome } from '@/server/home/rep';
import type { Locale } from '@/server/i18n/locales';
import { formatDateTime } from '@/lib/format';
import { localName } from '@/lib/local-name';
import { Block, Empty, Money, Totals, formatDay, monthName } from './ui';

const timeOf = (d: Date, locale: Locale, timeZone: string) => formatDateTime(d, locale, timeZone);

/** A rep's day: what to do today, what should close this month, what happened. */
export async function RepBlocks({ actor, data, locale }: { actor: Actor; data: RepHome; locale: Locale }) {
  const t = await getTranslations('home.rep');
  const tn = await getTranslations('notifications');
  const tz = actor.org.timeZone;
  const closingHref = `/opportunities?${new URLSearchParams({ ownerId: actor.id, status: 'open', closeFrom: data.month.from, closeTo: data.month.to, sort: 'close' })}`;
  const moreTasks = data.tasks.total - data.tasks.rows.length;
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <Block title={t('tasks')} icon={CalendarCheck} testId="home-tasks" footer={{ href: '/tasks', label: t('allTasks') }}>
        {data.tasks.rows.length === 0 ? <Empty>{t('tasksEmpty')}</Empty> : (
          <ul className="divide-y divide-slate-100">
            {data.tasks.rows.map((task) => (
              <li key={task.id} className="py-2" data-overdue={task.overdue ? 'true' : undefined}>
                <p className="font-medium [overflow-wrap:anywhere]">{task.title}</p>
                <p className="flex flex-wrap items-center gap-x-2 text-sm text-slate-600">
                  {task.overdue ? (
                    <span className="inline-flex items-center gap-1 font-medium text-red-700">
                      <CircleAlert aria-hidden className="h-3.5 w-3.5 shrink-0" />
                      {t('overdue')}
                    </span>
                  ) : null}
                  <span>{timeOf(task.dueAt, locale, tz)}</span>
                  {task.opportunityId ? <Link className="link [overflow-wrap:anywhere]" href={`/opportunities/${task.opportunityId}`}>{task.dealTitle}</Link>
                    : task.customerId ? <Link className="link [overflow-wrap:anywhere]" href={`/customers/${task.customerId}`}>{task.customerName}</Link> : null}
                </p>
              </li>
            ))}
          </ul>
        )}
        {moreTasks > 0 ? <p className="text-sm text-slate-600">{t('moreTasks', { count: moreTasks })}</p> : null}
      </Block>

      <Block title={t('closing')} icon={Handshake} testId="home-closing" footer={data.closing.count ? { href: closingHref, label: t('allClosing') } : null}>
        {data.closing.count === 0 ? <Empty>{t('closingEmpty')}</Empty> : (
          <>
            <div className="rounded-md bg-indigo-50 px-3 py-2">
              <p className="text-sm text-slate-700">{t('closingCount', { count: data.closing.count, month: monthName(data.month.from, locale) })}</p>
              <div className="text-lg font-semibold" data-testid="home-closing-total">
                <Totals items={data.closing.totals} locale={locale} orgCurrency={actor.org.currency} />
              </div>
            </div>
            <ul className="divide-y divide-slate-100">
              {data.closing.rows.map((d) => (
                <li key={d.id} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5 py-2">
                  <div className="min-w-0">
                    <Link href={`/opportunities/${d.id}`} className="link font-medium [overflow-wrap:anywhere]">{d.title}</Link>
                    <p className="text-sm text-slate-600 [overflow-wrap:anywhere]">
                      {d.customerName} · {localName({ name: d.stageName, names: d.stageNames }, locale)}
                      {d.expectedCloseDate ? ` · ${t('closeOn', { date: formatDay(d.expectedCloseDate, locale) })}` : ''}
                    </p>
                  </div>
                  <span className="text-sm font-medium"><Money amount={d.amount} currency={d.currency} locale={locale} /></span>
                </li>
              ))}
            </ul>
          </>
        )}
      </Block>

      <Block title={t('notifications')} icon={Bell} testId="home-notifications" footer={{ href: '/notifications', label: t('allNotifications') }}>
        {data.notifications.length === 0 ? <Empty>{t('notificationsEmpty')}</Empty> : (
          <ul className="divide-y divide-slate-100">
            {data.notifications.map((n) => (
              <li key={n.id} className="py-2">
                <Link href={n.link || '/notifications'} className={`link [overflow-wrap:anywhere] ${n.readAt ? '' : 'font-medium'}`}>
                  {tn(`kinds.${n.kind}` as 'kinds.taskDue', n.params)}
                </Link>
                <p className="text-xs text-slate-500">{timeOf(n.createdAt, locale, tz)}</p>
              </li>
            ))}
          </ul>
        )}
      </Block>
    </div>
  );
}
