import { getLocale, getTranslations } from 'next-intl/server';
import { BadgeCheck, ShieldAlert } from 'lucide-react';
import type { Db } from '@/server/db/client';
import type { Actor } from '@/server/access/actor';
import type { QuotationDetail } from '@/server/quotations/queries';
import { approvalState } from '@/server/quotations/approval';
import { ActionForm } from '@/components/forms/action-form';
import { Hidden, SelectField, TextArea } from '@/components/forms/fields';
import { formatDateTime, formatMoney } from '@/lib/format';
import type { Locale } from '@/server/i18n/locales';
import { decideApprovalAction, requestApprovalAction } from '@/app/(app)/quotations/approval-actions';

/**
 * Discount approval on a quotation: what goes beyond the viewer's limits or a floor price, who asked
 * and who approved which version; the buttons to ask, approve or refuse. Sending is refused by the
 * server without it whatever this panel shows.
 */
export async function ApprovalPanel({ db, actor, q }: { db: Db; actor: Actor; q: QuotationDetail }) {
  const s = await approvalState(db, actor, q);
  const toConfirm = q.status === 'draft' ? q.lines.filter((l) => l.priceToConfirm) : [];
  if (!s.issues.length && !s.approvedAt && !s.requestedAt && !toConfirm.length && !s.note) return null;
  const t = await getTranslations('quotations.approval');
  const locale = (await getLocale()) as Locale;
  const tz = actor.org.timeZone;
  const money = (v: string) => formatMoney(v, q.currency, locale);
  return (
    <section className="card space-y-3" data-testid="approval-panel" aria-labelledby="approval-title">
      <h2 id="approval-title" className="flex items-center gap-2 font-semibold">
        {s.approved ? <BadgeCheck aria-hidden className="h-5 w-5 text-emerald-600" /> : <ShieldAlert aria-hidden className="h-5 w-5 text-amber-600" />}
        {t('title')}
      </h2>
      {toConfirm.length ? (
        <p className="rounded-md bg-amber-50 p-2 text-sm text-amber-900" data-testid="prices-to-confirm">
          {t('pricesToConfirm', { lines: toConfirm.map((l) => l.position).join(', '), currency: q.currency })}
        </p>
      ) : null}
      {s.issues.length ? (
        <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="approval-issues">
          {s.issues.map((i, n) => (
            <li key={n}>
              {i.kind === 'line' ? t('issueLine', { n: i.position, percent: i.percent, limit: i.limit })
                : i.kind === 'document' ? t('issueDocument', { percent: i.percent, limit: i.limit })
                  : t('issueFloor', { n: i.position, price: money(i.unitPrice), floor: money(i.floor) })}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="text-sm" data-testid="approval-status">
        {s.approved ? t('approvedBy', { name: s.approvedBy, at: formatDateTime(s.approvedAt!, locale, tz) })
          : s.approvalOutdated ? t('approvalOutdated', { name: s.approvedBy })
            : s.requestedAt ? t('requestedBy', { name: s.requestedBy, at: formatDateTime(s.requestedAt, locale, tz) })
              : s.issues.length ? t('needed') : ''}
        {s.note ? <span className="block text-slate-600">{t('note', { note: s.note })}</span> : null}
      </p>
      {s.canRequest ? (
        <ActionForm action={requestApprovalAction} submitLabel={t('request')} className="flex flex-col gap-2" testId="request-approval-form">
          <Hidden name="id" value={q.id} />
          <Hidden name="version" value={q.version} />
        </ActionForm>
      ) : null}
      {s.canApprove && (s.issues.length || s.requestedAt) && !s.approved ? (
        <ActionForm action={decideApprovalAction} submitLabel={t('decide')} className="grid gap-3 sm:grid-cols-3 sm:items-end" testId="decide-approval-form">
          <Hidden name="id" value={q.id} />
          <Hidden name="version" value={q.version} />
          <SelectField name="decision" label={t('decision')} defaultValue="approve" options={[{ value: 'approve', label: t('approve') }, { value: 'reject', label: t('reject') }]} />
          <TextArea name="note" label={t('noteLabel')} rows={2} />
        </ActionForm>
      ) : null}
    </section>
  );
}
