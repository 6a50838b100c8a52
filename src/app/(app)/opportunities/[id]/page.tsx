import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireActor } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { getOpportunity, opportunityHistoryOf } from '@/server/opportunities/queries';
import { getPipeline } from '@/server/pipelines';
import { can } from '@/server/access/permissions';
import { orNotFound } from '@/server/not-found';
import { formatDate, formatDateTime, formatMoney } from '@/lib/format';
import type { Locale } from '@/server/i18n/locales';
import { ActionForm } from '@/components/forms/action-form';
import { Hidden, SelectField, TextArea, TextField } from '@/components/forms/fields';
import { dealPickers } from '../pickers';
import { dealTimeline } from '@/server/activities';
import { Timeline } from '@/components/activities/timeline';
import { listAttachments } from '@/server/files';
import { Attachments } from '@/components/files/attachments';
import { QuotationsPanel } from '@/components/quotations/quotations-panel';
import { OrdersPanel } from '@/components/orders/orders-panel';
import { moveOpportunityAction, standbyAction, starAction } from '../actions';
import { detailRow } from '@/components/ui/detail-row';
import { Star } from 'lucide-react';
import { localName } from '@/lib/local-name';

export default async function DealPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ moveTo?: string | string[]; before?: string | string[] }> }) {
  const { id } = await params;
  const sp = await searchParams;
  // One value each; a repeated or tampered timeline cursor just shows the newest entries.
  const [moveTo, before] = [sp.moveTo, sp.before].map((v) => (typeof v === 'string' ? v : undefined));
  const actor = await requireActor();
  const db = await getDb();
  const deal = await orNotFound(getOpportunity(db, actor, id));
  const [pipeline, history, pickers, timeline, files] = await Promise.all([getPipeline(db, actor, deal.pipelineId), opportunityHistoryOf(db, actor, id), dealPickers(actor), dealTimeline(db, actor, id, before), listAttachments(db, actor, { opportunityId: id })]);
  const t = await getTranslations('deals');
  const locale = (await getLocale()) as Locale;
  const tz = actor.org.timeZone;
  const editable = can(actor, 'opportunity.edit');
  // Stage names in the viewer's language (the organization's own name when none is given for it).
  const stageName = (sid: string | null) => {
    const s = pipeline.stages.find((x) => x.id === sid);
    return s ? localName(s, locale) : '—';
  };
  const show = (field: string, v: string | null, name: string | null) => (v == null ? '—' : field === 'stage' ? stageName(v) : field === 'owner' ? (name ?? '—') : v);
  const row = detailRow;
  const standby = deal.standbyUntil && deal.status === 'open' ? deal.standbyUntil : null;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="h1" data-testid="deal-title">
          {deal.starred ? <Star aria-label={t('starred')} className="mr-1 inline h-5 w-5 fill-amber-400 text-amber-500 align-[-2px]" /> : null}
          {deal.title}
        </h1>
        {editable ? (
          <div className="flex flex-wrap gap-2">
            <ActionForm action={starAction} submitLabel={deal.starred ? t('unstar') : t('star')} className="flex">
              <Hidden name="id" value={deal.id} />
              <Hidden name="starred" value={deal.starred ? 'false' : 'true'} />
            </ActionForm>
            <Link href={`/tasks?opportunityId=${deal.id}`} className="btn-secondary">{t('addTask')}</Link>
            <Link href={`/opportunities/${deal.id}/edit`} className="btn-secondary">{t('editButton')}</Link>
          </div>
        ) : null}
      </div>
      <dl className="card divide-y divide-slate-100">
        {row(t('customer'), <Link className="link" href={`/customers/${deal.customerId}`}>{deal.customerName}</Link>)}
        {row(t('contact'), deal.contactName)}
        {row(t('stage'), <span data-testid="deal-stage">{localName({ name: deal.stageName, names: deal.stageNames }, locale)} · {t(`status.${deal.status}`)}{standby ? ` · ${t('standbyUntil', { date: formatDate(new Date(`${standby}T00:00:00Z`), locale, 'UTC') })}` : ''}</span>)}
        {row(t('amount'), formatMoney(deal.amount, deal.currency, locale))}
        {row(t('probability'), `${deal.probability} %`)}
        {row(t('expectedClose'), deal.expectedCloseDate ? formatDate(new Date(`${deal.expectedCloseDate}T00:00:00Z`), locale, 'UTC') : '')}
        {row(t('closedOn'), deal.closedOn ? formatDate(new Date(`${deal.closedOn}T00:00:00Z`), locale, 'UTC') : '')}
        {row(t('owner'), deal.ownerName)}
        {row(t('source'), deal.source)}
        {row(t('description'), deal.description)}
        {deal.status === 'lost' ? row(t('lostReason'), [deal.lostReasonName == null ? null : localName({ name: deal.lostReasonName, names: deal.lostReasonNames }, locale), deal.lostNote].filter(Boolean).join(' · ')) : null}
      </dl>
      {editable ? (
        <div className="grid gap-4 md:grid-cols-2">
          <section className="card space-y-3">
            <h2 className="font-semibold">{t('moveTitle')}</h2>
            <ActionForm action={moveOpportunityAction} submitLabel={t('move')} testId="move-form">
              <Hidden name="id" value={deal.id} />
              <Hidden name="version" value={deal.version} />
              <SelectField name="stageId" label={t('stage')} defaultValue={moveTo && pipeline.stages.some((s) => s.id === moveTo) ? moveTo : deal.stageId} options={pipeline.stages.map((s) => ({ value: s.id, label: localName(s, locale) }))} />
              <SelectField name="lostReasonId" label={t('lostReason')} options={pickers.reasons} emptyLabel={t('lostReasonHint')} />
              <TextArea name="lostNote" label={t('lostNote')} rows={2} />
            </ActionForm>
          </section>
          {deal.status === 'open' ? (
            <section className="card space-y-3">
              <h2 className="font-semibold">{t('standbyTitle')}</h2>
              <p className="text-sm text-slate-600">{t('standbyHelp')}</p>
              <ActionForm action={standbyAction} submitLabel={standby ? t('standbyUpdate') : t('standbySet')} testId="standby-form">
                <Hidden name="id" value={deal.id} />
                <Hidden name="version" value={deal.version} />
                <TextField name="standbyUntil" label={t('reopenOn')} type="date" defaultValue={standby ?? ''} hint={standby ? t('standbyClearHint') : undefined} />
              </ActionForm>
            </section>
          ) : null}
        </div>
      ) : null}
      <QuotationsPanel actor={actor} parent={{ opportunityId: deal.id }} />
      <OrdersPanel actor={actor} parent={{ opportunityId: deal.id }} />
      <Timeline actor={actor} rows={timeline.rows} older={timeline.older} parent={{ opportunityId: deal.id }} olderHref={(b) => `/opportunities/${deal.id}?before=${encodeURIComponent(b)}`} />
      <Attachments actor={actor} rows={files} parent={{ opportunityId: deal.id }} />
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t('history')}</h2>
        <ul className="card divide-y divide-slate-100 text-sm" data-testid="deal-history">
          {history.map((h) => (
            <li key={h.id} className="py-2">
              <span className="text-slate-500">{formatDateTime(h.at, locale, tz)} · {h.actorName ?? t('byCustomer')}</span>
              <br />
              {t(`field.${h.field}` as 'field.stage')}: {show(h.field, h.from, h.fromName)} → {show(h.field, h.to, h.toName)}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
