import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { CircleAlert, CircleCheck, ChevronLeft, ChevronRight } from 'lucide-react';
import type { Week } from '@/server/tasks/week';
import type { tasksOfWeek } from '@/server/tasks/week';
import type { Locale } from '@/server/i18n/locales';
import { INTL_TAG } from '@/lib/locale';

type Task = Awaited<ReturnType<typeof tasksOfWeek>>[number];

const day = (d: string) => new Date(`${d}T00:00:00Z`);
const fmt = (locale: Locale, o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(INTL_TAG[locale], { ...o, timeZone: 'UTC' });

/**
 * Seven day columns, Monday to Sunday where the organization is (one under the other on a phone),
 * each task on its due day; overdue ones marked, done ones struck through.
 */
export async function WeekView({ week, tasks, locale, timeZone, hrefFor }: {
  week: Week; tasks: Task[]; locale: Locale; timeZone: string; hrefFor: (monday: string | null) => string;
}) {
  const t = await getTranslations('tasks');
  const byDay = new Map<string, Task[]>(week.days.map((d) => [d, []]));
  for (const task of tasks) byDay.get(task.day)?.push(task);
  const time = new Intl.DateTimeFormat(INTL_TAG[locale], { timeStyle: 'short', timeZone });
  const range = fmt(locale, { dateStyle: 'medium' }).formatRange(day(week.days[0]), day(week.days[6]));
  return (
    <section className="space-y-3" data-testid="tasks-week" data-week={week.monday}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="font-semibold" data-testid="week-range">{t('weekOf', { range })}</h2>
        <nav className="flex flex-wrap items-center gap-2 text-sm" aria-label={t('weekNav')}>
          <Link href={hrefFor(week.previous)} className="btn-secondary gap-1 px-3" data-testid="week-previous">
            <ChevronLeft aria-hidden className="h-4 w-4 shrink-0" />
            {t('previousWeek')}
          </Link>
          {week.isThisWeek ? null : (
            <Link href={hrefFor(null)} className="btn-secondary px-3" data-testid="week-this">{t('thisWeek')}</Link>
          )}
          <Link href={hrefFor(week.next)} className="btn-secondary gap-1 px-3" data-testid="week-next">
            {t('nextWeek')}
            <ChevronRight aria-hidden className="h-4 w-4 shrink-0" />
          </Link>
        </nav>
      </div>
      <ol className="grid gap-2 md:grid-cols-7">
        {week.days.map((d) => {
          const list = byDay.get(d)!;
          const isToday = d === week.today;
          return (
            <li key={d} className={`min-w-0 rounded-lg border bg-white p-2 ${isToday ? 'border-indigo-400 ring-1 ring-indigo-200' : 'border-slate-200'}`} data-testid="week-day" data-day={d} aria-current={isToday ? 'date' : undefined}>
              <h3 className={`flex items-baseline justify-between gap-1 text-sm font-semibold md:flex-col md:items-start ${isToday ? 'text-indigo-700' : 'text-slate-700'}`}>
                <span>{fmt(locale, { weekday: 'long' }).format(day(d))}</span>
                <span className="text-xs font-normal text-slate-500">{fmt(locale, { day: 'numeric', month: 'short' }).format(day(d))}</span>
              </h3>
              {list.length === 0 ? <p className="mt-1 text-xs text-slate-400">{t('noTasksDay')}</p> : (
                <ul className="mt-1 space-y-1">
                  {list.map((task) => (
                    <li
                      key={task.id}
                      className={`rounded border px-2 py-1 text-sm ${task.overdue ? 'border-red-200 bg-red-50' : task.done ? 'border-slate-100 bg-slate-50 text-slate-500' : 'border-slate-200'}`}
                      data-testid="week-task"
                      data-overdue={task.overdue ? 'true' : undefined}
                    >
                      <p className={`font-medium [overflow-wrap:anywhere] ${task.done ? 'line-through' : ''}`}>{task.title}</p>
                      <p className="flex flex-wrap items-center gap-x-1 text-xs text-slate-600">
                        {task.overdue ? (
                          <span className="inline-flex items-center gap-0.5 font-medium text-red-700">
                            <CircleAlert aria-hidden className="h-3 w-3 shrink-0" />
                            {t('overdue')}
                          </span>
                        ) : null}
                        {task.done ? (
                          <span className="inline-flex items-center gap-0.5 text-emerald-700">
                            <CircleCheck aria-hidden className="h-3 w-3 shrink-0" />
                            {t('completed')}
                          </span>
                        ) : null}
                        <span>{time.format(task.dueAt)}</span>
                      </p>
                      {task.opportunityId ? <Link className="link text-xs [overflow-wrap:anywhere]" href={`/opportunities/${task.opportunityId}`}>{task.dealTitle}</Link>
                        : task.customerId ? <Link className="link text-xs [overflow-wrap:anywhere]" href={`/customers/${task.customerId}`}>{task.customerName}</Link> : null}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
