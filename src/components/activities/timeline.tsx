import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Actor } from '@/server/access/actor';
import { can } from '@/server/access/permissions';
import { ACTIVITY_KINDS } from '@/server/activities';
import { formatDateTime } from '@/lib/format';
import type { Locale } from '@/server/i18n/locales';
import { ActionForm } from '@/components/forms/action-form';
import { Hidden, SelectField, TextArea, TextField } from '@/components/forms/fields';
import { logActivityAction } from '@/app/(app)/activities/actions';
import { Car, Mail, NotebookPen, Phone, Users, type LucideIcon } from 'lucide-react';

type Row = { id: string; kind: string; occurredAt: Date; outcome: string; nextStep: string; notes: string; actorName: string };

const ICON: Record<string, LucideIcon> = { call: Phone, meeting: Users, email: Mail, visit: Car, note: NotebookPen };

/** Contact history, newest first, with a short form on top that is quick to fill on a phone. */
export async function Timeline({ actor, rows, older, parent, olderHref }: {
  actor: Actor; rows: Row[]; older: string | null; parent: { customerId?: string; opportunityId?: string }; olderHref: (before: string) => string;
}) {
  const t = await getTranslations('activities');
  const locale = (await getLocale()) as Locale;
  return (
    <section className="space-y-3" aria-label={t('title')}>
      <h2 className="text-lg font-semibold">{t('title')}</h2>
      {can(actor, 'activity.log') ? (
        <details className="card" open={rows.length === 0}>
          <summary className="cursor-pointer font-medium">{t('log')}</summary>
          <ActionForm action={logActivityAction} submitLabel={t('save')} testId="activity-form" className="mt-3 space-y-3">
            {parent.customerId ? <Hidden name="customerId" value={parent.customerId} /> : null}
            {parent.opportunityId ? <Hidden name="opportunityId" value={parent.opportunityId} /> : null}
            <div className="grid gap-3 sm:grid-cols-2">
              <SelectField name="kind" label={t('kind')} defaultValue="call" options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
              <TextField name="occurredAt" label={t('when')} type="datetime-local" hint={t('whenHint')} />
              <TextField name="outcome" label={t('outcome')} />
              <TextField name="nextStep" label={t('nextStep')} />
            </div>
            <TextArea name="notes" label={t('notes')} rows={2} />
          </ActionForm>
        </details>
      ) : null}
      {rows.length === 0 ? <p className="text-sm text-slate-600">{t('empty')}</p> : null}
      <ol className="space-y-2" data-testid="timeline">
        {rows.map((a) => (
          <li key={a.id} className="card py-3">
            <p className="text-sm text-slate-500">
              {(() => {
                const Icon = ICON[a.kind] ?? NotebookPen;
                return <Icon aria-hidden className="mr-1 inline h-4 w-4 align-[-2px]" />;
              })()}
              {t(`kinds.${a.kind}` as 'kinds.call')} · {formatDateTime(a.occurredAt, locale, actor.org.timeZone)} · {a.actorName}
            </p>
            {a.outcome ? <p className="mt-1">{a.outcome}</p> : null}
            {a.notes ? <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{a.notes}</p> : null}
            {a.nextStep ? <p className="mt-1 text-sm"><span className="font-medium">{t('nextStep')}:</span> {a.nextStep}</p> : null}
          </li>
        ))}
      </ol>
      {older ? <Link href={olderHref(older)} className="link text-sm">{t('older')}</Link> : null}
    </section>
  );
}
