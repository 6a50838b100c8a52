import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireActor } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { can } from '@/server/access/permissions';
import { listAllLostReasons, listPipelines } from '@/server/pipelines';
import { listTeams } from '@/server/teams';
import { LOCALES } from '@/server/i18n/locales';
import { LOCALE_NAMES } from '@/lib/locale';
import { localName } from '@/lib/local-name';
import { ActionForm } from '@/components/forms/action-form';
import { CheckboxField, Hidden, SelectField, TextField } from '@/components/forms/fields';
import {
  addLostReasonAction, updateLostReasonAction, addStageAction, copyPipelineAction, createPipelineAction, moveStageAction, removeStageAction,
  renamePipelineAction, updateStageAction,
} from './actions';

export async function generateMetadata() {
  return { title: (await getTranslations('deals.pipelines'))('title') };
}

/** The optional name per language of a stage or a lost reason (`name` is the organization's language). */
async function NamesFields({ names }: { names: Record<string, string> }) {
  const t = await getTranslations('deals.pipelines');
  return (
    <fieldset className="grid gap-3 sm:grid-cols-2">
      <legend className="mb-1 text-sm text-slate-600">{t('namesHint')}</legend>
      {LOCALES.map((l) => (
        <TextField key={l} name={`name_${l}`} label={t('nameIn', { language: LOCALE_NAMES[l] })} defaultValue={names[l] ?? ''} />
      ))}
    </fieldset>
  );
}

export default async function PipelinesPage() {
  const actor = await requireActor();
  if (!can(actor, 'pipeline.manage')) notFound();
  const t = await getTranslations('deals.pipelines');
  const locale = await getLocale();
  const db = await getDb();
  const [pipelines, teams, reasons] = await Promise.all([listPipelines(db, actor), listTeams(db, actor), listAllLostReasons(db, actor)]);
  // A manager shapes the pipelines of the teams they manage; an admin shapes all.
  const myTeams = actor.role === 'admin' ? teams : teams.filter((x) => x.managerId === actor.id);
  const editable = pipelines.filter((p) => actor.role === 'admin' || myTeams.some((x) => x.id === p.teamId));
  // The company-wide pipelines a manager's team works in too: shown read-only, to be copied for the team.
  const shared = actor.role === 'admin' ? [] : pipelines.filter((p) => p.teamId === null);
  const teamName = (id: string | null) => (id ? (teams.find((x) => x.id === id)?.name ?? '') : null);
  const kinds = (['open', 'won', 'lost'] as const).map((k) => ({ value: k, label: t(`kinds.${k}`) }));
  const teamOptions = myTeams.map((x) => ({ value: x.id, label: x.name }));
  // A copy is offered for the manager's teams that have no pipeline of their own yet.
  const copyFor = myTeams.filter((x) => !pipelines.some((p) => p.teamId === x.id)).map((x) => ({ value: x.id, label: x.name }));
  const reasonsShown = [...reasons].sort((a, b) => Number(b.active) - Number(a.active) || localName(a, locale).localeCompare(localName(b, locale), locale));
  return (
    <div className="space-y-6">
      <h1 className="h1">{t('title')}</h1>
      {editable.map((p) => (
        <section key={p.id} className="card space-y-4" data-testid="pipeline">
          <p className="text-sm text-slate-600">{p.teamId ? t('forTeam', { team: teamName(p.teamId) ?? '' }) : t('companyWide')}</p>
          <ActionForm action={renamePipelineAction} submitLabel={t('rename')} className="flex flex-wrap items-end gap-2">
            <Hidden name="id" value={p.id} />
            <TextField name="name" label={t('name')} defaultValue={p.name} />
          </ActionForm>
          <h2 className="font-semibold">{t('stages')}</h2>
          <ol className="space-y-2">
            {p.stages.map((s, i) => (
              <li key={s.id} className="rounded-md border border-slate-200 p-3" data-testid="stage">
                <details>
                  <summary className="cursor-pointer">
                    <span className="font-medium">{localName(s, locale)}</span> <span className="text-sm text-slate-500">{s.probability} % · {t(`kinds.${s.kind}`)}</span>
                  </summary>
                  <div className="mt-3 grid gap-4 md:grid-cols-2">
                    <ActionForm action={updateStageAction} submitLabel={t('save')}>
                      <Hidden name="stageId" value={s.id} />
                      <TextField name="name" label={t('stageName')} defaultValue={s.name} />
                      <TextField name="probability" label={t('probability')} defaultValue={String(s.probability)} inputMode="decimal" />
                      <SelectField name="kind" label={t('kind')} defaultValue={s.kind} options={kinds} />
                      <NamesFields names={s.names} />
                    </ActionForm>
                    <div className="space-y-3">
                      <div className="flex gap-2">
                        {i > 0 ? (
                          <ActionForm action={moveStageAction} submitLabel={t('up')} className="flex"><Hidden name="stageId" value={s.id} /><Hidden name="direction" value="up" /></ActionForm>
                        ) : null}
                        {i < p.stages.length - 1 ? (
                          <ActionForm action={moveStageAction} submitLabel={t('down')} className="flex"><Hidden name="stageId" value={s.id} /><Hidden name="direction" value="down" /></ActionForm>
                        ) : null}
                      </div>
                      <ActionForm action={removeStageAction} submitLabel={t('remove')} danger>
                        <Hidden name="stageId" value={s.id} />
                        <p className="text-sm text-slate-600">{t('removeHelp')}</p>
                        <SelectField name="moveToStageId" label={t('moveDealsTo')} options={p.stages.filter((x) => x.id !== s.id).map((x) => ({ value: x.id, label: localName(x, locale) }))} emptyLabel="—" />
                      </ActionForm>
                    </div>
                  </div>
                </details>
              </li>
            ))}
          </ol>
          <ActionForm action={addStageAction} submitLabel={t('addStage')} className="space-y-3">
            <Hidden name="pipelineId" value={p.id} />
            <div className="grid gap-3 sm:grid-cols-3 sm:items-end">
              <TextField name="name" label={t('stageName')} />
              <TextField name="probability" label={t('probability')} defaultValue="50" inputMode="decimal" />
              <SelectField name="kind" label={t('kind')} defaultValue="open" options={kinds} />
            </div>
            <NamesFields names={{}} />
          </ActionForm>
        </section>
      ))}
      {shared.map((p) => (
        <section key={p.id} className="card space-y-3" data-testid="shared-pipeline">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 className="font-semibold">{p.name}</h2>
            <span className="rounded-full border border-slate-300 px-2 py-0.5 text-xs text-slate-600">{t('readOnly')}</span>
          </div>
          <p className="text-sm text-slate-600"><span className="font-medium">{t('sharedHeading')}.</span> {copyFor.length ? t('sharedHelp') : null}</p>
          <ol className="flex flex-wrap gap-2 text-sm" aria-label={t('stages')}>
            {p.stages.map((s) => (
              <li key={s.id} className="rounded-md border border-slate-200 bg-slate-50 px-2 py-1" data-testid="stage">
                <span className="font-medium">{localName(s, locale)}</span> <span className="text-slate-500">{s.probability} % · {t(`kinds.${s.kind}`)}</span>
              </li>
            ))}
          </ol>
          {copyFor.length ? (
            <ActionForm action={copyPipelineAction} submitLabel={t('copyForTeam')} className="flex flex-wrap items-end gap-3">
              <Hidden name="pipelineId" value={p.id} />
              {copyFor.length > 1 ? <SelectField name="teamId" label={t('team')} options={copyFor} /> : <Hidden name="teamId" value={copyFor[0].value} />}
            </ActionForm>
          ) : null}
        </section>
      ))}
      {can(actor, 'org.manage') ? (
        <section className="card space-y-3" data-testid="lost-reasons">
          <h2 className="font-semibold">{t('lostReasons')}</h2>
          <ul className="space-y-2">
            {reasonsShown.map((r) => (
              <li key={r.id} className="rounded-md border border-slate-200 p-3">
                <details>
                  <summary className="cursor-pointer">
                    <span className={r.active ? 'font-medium' : 'font-medium text-slate-400 line-through'}>{localName(r, locale)}</span>
                  </summary>
                  <ActionForm action={updateLostReasonAction} submitLabel={t('save')} className="mt-3 space-y-3">
                    <Hidden name="id" value={r.id} />
                    <div className="flex flex-wrap items-end gap-3">
                      <TextField name="name" label={t('reasonName')} defaultValue={r.name} />
                      <CheckboxField name="active" label={t('reasonActive')} defaultChecked={r.active} />
                    </div>
                    <NamesFields names={r.names} />
                  </ActionForm>
                </details>
              </li>
            ))}
          </ul>
          <ActionForm action={addLostReasonAction} submitLabel={t('addReason')} className="space-y-3">
            <TextField name="name" label={t('reasonName')} />
            <NamesFields names={{}} />
          </ActionForm>
        </section>
      ) : null}
      <section className="card space-y-3">
        <h2 className="font-semibold">{t('create')}</h2>
        <ActionForm action={createPipelineAction} submitLabel={t('create')} className="grid gap-3 sm:grid-cols-3 sm:items-end">
          <TextField name="name" label={t('name')} />
          {actor.role === 'admin' ? (
            <SelectField name="teamId" label={t('team')} options={teamOptions} emptyLabel={t('companyWide')} />
          ) : (
            <SelectField name="teamId" label={t('team')} options={teamOptions} />
          )}
        </ActionForm>
      </section>
    </div>
  );
}
