import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireActor } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { can } from '@/server/access/permissions';
import { listAllLostReasons, listPipelines } from '@/server/pipelines';
import { listTeams } from '@/server/teams';
import { ActionForm } from '@/components/forms/action-form';
import { CheckboxField, Hidden, SelectField, TextField } from '@/components/forms/fields';
import { addLostReasonAction, updateLostReasonAction, addStageAction, createPipelineAction, moveStageAction, removeStageAction, renamePipelineAction, updateStageAction } from './actions';

export async function generateMetadata() {
  return { title: (await getTranslations('deals.pipelines'))('title') };
}

export default async function PipelinesPage() {
  const actor = await requireActor();
  if (!can(actor, 'pipeline.manage')) notFound();
  const t = await getTranslations('deals.pipelines');
  const db = await getDb();
  const [pipelines, teams, reasons] = await Promise.all([listPipelines(db, actor), listTeams(db, actor), listAllLostReasons(db, actor)]);
  // A manager shapes the pipelines of the teams they manage; an admin shapes all.
  const myTeams = actor.role === 'admin' ? teams : teams.filter((x) => x.managerId === actor.id);
  const editable = pipelines.filter((p) => actor.role === 'admin' || myTeams.some((x) => x.id === p.teamId));
  const kinds = (['open', 'won', 'lost'] as const).map((k) => ({ value: k, label: t(`kinds.${k}`) }));
  return (
    <div className="space-y-6">
      <h1 className="h1">{t('title')}</h1>
      {editable.map((p) => (
        <section key={p.id} className="card space-y-4" data-testid="pipeline">
          <ActionForm action={renamePipelineAction} submitLabel={t('rename')} className="flex flex-wrap items-end gap-2">
            <Hidden name="id" value={p.id} />
            <TextField name="name" label={t('name')} defaultValue={p.name} />
          </ActionForm>
          <h2 className="font-semibold">{t('stages')}</h2>
          <ol className="space-y-2">
            {p.stages.map((s, i) => (
              <li key={s.id} className="rounded-md border border-slate-200 p-3">
                <details>
                  <summary className="cursor-pointer">
                    <span className="font-medium">{s.name}</span> <span className="text-sm text-slate-500">{s.probability} % · {t(`kinds.${s.kind}`)}</span>
                  </summary>
                  <div className="mt-3 grid gap-4 md:grid-cols-2">
                    <ActionForm action={updateStageAction} submitLabel={t('save')}>
                      <Hidden name="stageId" value={s.id} />
                      <TextField name="name" label={t('stageName')} defaultValue={s.name} />
                      <TextField name="probability" label={t('probability')} defaultValue={String(s.probability)} inputMode="decimal" />
                      <SelectField name="kind" label={t('kind')} defaultValue={s.kind} options={kinds} />
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
                        <SelectField name="moveToStageId" label={t('moveDealsTo')} options={p.stages.filter((x) => x.id !== s.id).map((x) => ({ value: x.id, label: x.name }))} emptyLabel="—" />
                      </ActionForm>
                    </div>
                  </div>
                </details>
              </li>
            ))}
          </ol>
          <ActionForm action={addStageAction} submitLabel={t('addStage')} className="grid gap-3 sm:grid-cols-4 sm:items-end">
            <Hidden name="pipelineId" value={p.id} />
            <TextField name="name" label={t('stageName')} />
            <TextField name="probability" label={t('probability')} defaultValue="50" inputMode="decimal" />
            <SelectField name="kind" label={t('kind')} defaultValue="open" options={kinds} />
          </ActionForm>
        </section>
      ))}
      {can(actor, 'org.manage') ? (
        <section className="card space-y-3" data-testid="lost-reasons">
          <h2 className="font-semibold">{t('lostReasons')}</h2>
          <ul className="space-y-2">
            {reasons.map((r) => (
              <li key={r.id}>
                <ActionForm action={updateLostReasonAction} submitLabel={t('save')} className="flex flex-wrap items-end gap-3">
                  <Hidden name="id" value={r.id} />
                  <TextField name="name" label={t('reasonName')} defaultValue={r.name} />
                  <CheckboxField name="active" label={t('reasonActive')} defaultChecked={r.active} />
                </ActionForm>
              </li>
            ))}
          </ul>
          <ActionForm action={addLostReasonAction} submitLabel={t('addReason')} className="flex flex-wrap items-end gap-3">
            <TextField name="name" label={t('reasonName')} />
          </ActionForm>
        </section>
      ) : null}
      <section className="card space-y-3">
        <h2 className="font-semibold">{t('create')}</h2>
        <ActionForm action={createPipelineAction} submitLabel={t('create')} className="grid gap-3 sm:grid-cols-3 sm:items-end">
          <TextField name="name" label={t('name')} />
          {actor.role === 'admin' ? (
            <SelectField name="teamId" label={t('team')} options={myTeams.map((x) => ({ value: x.id, label: x.name }))} emptyLabel={t('companyWide')} />
          ) : (
            <SelectField name="teamId" label={t('team')} options={myTeams.map((x) => ({ value: x.id, label: x.name }))} />
          )}
        </ActionForm>
      </section>
    </div>
  );
}
