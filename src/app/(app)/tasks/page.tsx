import Link from 'next/link';
import { CalendarDays, List } from 'lucide-react';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireActor } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { myTasks } from '@/server/tasks';
import { tasksOfWeek, tasksOwner, weekOf } from '@/server/tasks/week';
import { listAssignableUsers } from '@/server/users/queries';
import { formatDateTime } from '@/lib/format';
import type { Locale } from '@/server/i18n/locales';
import { isUuid } from '@/server/validation';
import { ActionForm } from '@/components/forms/action-form';
import { Hidden, SelectField, TextArea, TextField } from '@/components/forms/fields';
import { createTaskAction, taskDoneAction } from './actions';
import { WeekView } from './week-view';

export async function generateMetadata() {
  return { title: (await getTranslations('tasks'))('title') };
}

type Search = { customerId?: string; opportunityId?: string; view?: string; week?: string; assignee?: string };

export default async function TasksPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor();
  const t = await getTranslations('tasks');
  const locale = (await getLocale()) as Locale;
  const sp = await searchParams;
  const db = await getDb();
  // The view, the week and whose tasks live in the address, so a link or a reload keeps them.
  const view = sp.view === 'week' ? 'week' : 'list';
  const week = weekOf(sp.week, actor.org.timeZone);
  const whose = await tasksOwner(db, actor, sp.assignee);
  const href = (o: { view?: string; week?: string | null }) => {
    const q = new URLSearchParams();
    if ((o.view ?? view) === 'week') q.set('view', 'week');
    const w = o.week === undefined ? (sp.week && !week.isThisWeek ? week.monday : null) : o.week;
    if ((o.view ?? view) === 'week' && w) q.set('week', w);
    if (!whose.own) q.set('assignee', whose.id);
    const s = q.toString();
    return s ? `/tasks?${s}` : '/tasks';
  };
  const [mine, weekTasks, people] = await Promise.all([
    view === 'list' ? myTasks(db, actor, new Date(), whose.id) : null,
    view === 'week' ? tasksOfWeek(db, actor, week, whose.id) : null,
    listAssignableUsers(db, actor),
  ]);
  const group = (key: 'overdue' | 'today' | 'upcoming') => mine && (
    <section className="space-y-2" key={key}>
      <h2 className={`font-semibold ${key === 'overdue' ? 'text-red-700' : ''}`}>{t(key)} ({mine[key].length})</h2>
      {mine[key].length === 0 ? <p className="text-sm text-slate-600">{t('nothing')}</p> : null}
      <ul className="space-y-2" data-testid={`tasks-${key}`}>
        {mine[key].map((task) => (
          <li key={task.id} className="card flex flex-wrap items-start justify-between gap-2 py-3">
            <div>
              <p className="font-medium">{task.title}</p>
              <p className="text-sm text-slate-600">
                {formatDateTime(task.dueAt, locale, actor.org.timeZone)}
                {task.dealTitle ? <> · <Link className="link" href={`/opportunities/${task.opportunityId}`}>{task.dealTitle}</Link></> : task.customerName ? <> · <Link className="link" href={`/customers/${task.customerId}`}>{task.customerName}</Link></> : null}
              </p>
              {task.notes ? <p className="text-sm">{task.notes}</p> : null}
            </div>
            <ActionForm action={taskDoneAction} submitLabel={t('markDone')} className="flex">
              <Hidden name="id" value={task.id} />
              <Hidden name="done" value="true" />
            </ActionForm>
          </li>
        ))}
      </ul>
    </section>
  );
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="min-w-0">
          <h1 className="h1 [overflow-wrap:anywhere]">{whose.own ? t('title') : t('of', { name: whose.name })}</h1>
          {whose.own ? null : <Link href="/tasks" className="link text-sm">{t('backToMine')}</Link>}
        </div>
        <nav aria-label={t('views')} className="inline-flex rounded-md border border-slate-300 bg-white p-0.5 text-sm" data-testid="task-views">
          {(['list', 'week'] as const).map((v) => {
            const Icon = v === 'list' ? List : CalendarDays;
            return (
              <Link
                key={v}
                href={href({ view: v, week: v === 'week' ? undefined : null })}
                aria-current={view === v ? 'page' : undefined}
                className={`inline-flex min-h-9 items-center gap-1 rounded px-3 ${view === v ? 'bg-indigo-600 text-white' : 'text-slate-700 hover:bg-slate-50'}`}
              >
                <Icon aria-hidden className="h-4 w-4 shrink-0" />
                {t(v === 'list' ? 'listView' : 'weekView')}
              </Link>
            );
          })}
        </nav>
      </div>
      {view === 'week' ? (
        <WeekView week={week} tasks={weekTasks ?? []} locale={locale} timeZone={actor.org.timeZone} hrefFor={(w) => href({ view: 'week', week: w })} />
      ) : (
        <>
          {group('overdue')}
          {group('today')}
          {group('upcoming')}
        </>
      )}
      <section className="card space-y-3">
        <h2 className="font-semibold">{t('new')}</h2>
        <ActionForm action={createTaskAction} submitLabel={t('create')} testId="task-form">
          {sp.customerId && isUuid(sp.customerId) ? <Hidden name="customerId" value={sp.customerId} /> : null}
          {sp.opportunityId && isUuid(sp.opportunityId) ? <Hidden name="opportunityId" value={sp.opportunityId} /> : null}
          <div className="grid gap-3 sm:grid-cols-3">
            <TextField name="title" label={t('taskTitle')} required />
            <TextField name="dueAt" label={t('due')} type="datetime-local" required />
            <SelectField name="assigneeId" label={t('assignee')} defaultValue={actor.id} options={people.map((p) => ({ value: p.id, label: p.name }))} />
          </div>
          <TextArea name="notes" label={t('notes')} rows={2} />
        </ActionForm>
      </section>
    </div>
  );
}
