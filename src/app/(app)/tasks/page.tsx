import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireActor } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { myTasks } from '@/server/tasks';
import { listAssignableUsers } from '@/server/users/queries';
import { formatDateTime } from '@/lib/format';
import type { Locale } from '@/server/i18n/locales';
import { isUuid } from '@/server/validation';
import { ActionForm } from '@/components/forms/action-form';
import { Hidden, SelectField, TextArea, TextField } from '@/components/forms/fields';
import { createTaskAction, taskDoneAction } from './actions';

export async function generateMetadata() {
  return { title: (await getTranslations('tasks'))('title') };
}

export default async function TasksPage({ searchParams }: { searchParams: Promise<{ customerId?: string; opportunityId?: string }> }) {
  const actor = await requireActor();
  const t = await getTranslations('tasks');
  const locale = (await getLocale()) as Locale;
  const sp = await searchParams;
  const db = await getDb();
  const [mine, people] = await Promise.all([myTasks(db, actor), listAssignableUsers(db, actor)]);
  const group = (key: 'overdue' | 'today' | 'upcoming') => (
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
      <h1 className="h1">{t('title')}</h1>
      {group('overdue')}
      {group('today')}
      {group('upcoming')}
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
