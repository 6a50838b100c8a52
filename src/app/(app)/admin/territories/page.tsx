import { getTranslations } from 'next-intl/server';
import { getDb } from '@/server/db/client';
import { listTerritories } from '@/server/territories';
import { ActionForm } from '@/components/forms/action-form';
import { Hidden, SelectField, TextField } from '@/components/forms/fields';
import { requireAdmin } from '../guard';
import { createTerritoryAction, deleteTerritoryAction, retireTerritoryAction, updateTerritoryAction } from '../actions';

export async function generateMetadata() {
  return { title: (await getTranslations('admin.territories'))('title') };
}

export default async function TerritoriesPage() {
  const actor = await requireAdmin('territory.manage');
  const t = await getTranslations('admin.territories');
  const nodes = await listTerritories(await getDb(), actor, { includeRetired: true });
  const parents = nodes.filter((n) => !n.retired).map((n) => ({ value: n.id, label: n.path }));
  return (
    <div className="space-y-6">
      <h1 className="h1">{t('title')}</h1>
      <ul className="space-y-2" data-testid="territory-tree">
        {nodes.map((n) => (
          <li key={n.id} style={{ marginInlineStart: `${n.depth * 1.25}rem` }} className={`card py-3 ${n.retired ? 'opacity-60' : ''}`}>
            <details>
              <summary className="cursor-pointer font-medium">
                {n.name} {n.retired ? <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 text-xs">{t('retired')}</span> : null}
              </summary>
              <div className="mt-3 grid gap-4 sm:grid-cols-2">
                <ActionForm action={updateTerritoryAction} submitLabel={t('save')}>
                  <Hidden name="id" value={n.id} />
                  <TextField name="name" label={t('name')} defaultValue={n.name} required />
                  <SelectField name="parentId" label={t('parent')} defaultValue={n.parentId ?? ''} options={parents.filter((p) => p.value !== n.id)} emptyLabel={t('topLevel')} />
                </ActionForm>
                <div className="space-y-3">
                  <ActionForm action={retireTerritoryAction} submitLabel={n.retired ? t('reinstate') : t('retire')}>
                    <Hidden name="id" value={n.id} />
                    <Hidden name="retired" value={n.retired ? 'false' : 'true'} />
                    <p className="text-sm text-slate-600">{n.retired ? t('reinstateHelp') : t('retireHelp')}</p>
                  </ActionForm>
                  <ActionForm action={deleteTerritoryAction} submitLabel={t('delete')} danger>
                    <Hidden name="id" value={n.id} />
                    <p className="text-sm text-slate-600">{t('deleteHelp')}</p>
                  </ActionForm>
                </div>
              </div>
            </details>
          </li>
        ))}
      </ul>
      <section className="card space-y-3">
        <h2 className="font-semibold">{t('add')}</h2>
        <ActionForm action={createTerritoryAction} submitLabel={t('add')} testId="territory-form">
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField name="name" label={t('name')} required />
            <SelectField name="parentId" label={t('parent')} options={parents} emptyLabel={t('topLevel')} />
          </div>
        </ActionForm>
      </section>
    </div>
  );
}
