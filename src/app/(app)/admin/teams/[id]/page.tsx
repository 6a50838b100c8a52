import { getTranslations } from 'next-intl/server';
import { getDb } from '@/server/db/client';
import { getTeam } from '@/server/teams';
import { orNotFound } from '@/server/not-found';
import { ActionForm } from '@/components/forms/action-form';
import { Hidden } from '@/components/forms/fields';
import { requireAdmin } from '../../guard';
import { deleteTeamAction, updateTeamAction } from '../../actions';
import { TeamForm } from '../team-form';
import { teamFormOptions } from '../options';

export default async function EditTeamPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireAdmin('team.manage');
  const db = await getDb();
  const team = await orNotFound(getTeam(db, actor, id));
  const t = await getTranslations('admin.teams');
  const options = await teamFormOptions(db, actor);
  return (
    <div className="space-y-6">
      <h1 className="h1">{t('edit', { name: team.name })}</h1>
      <div className="card">
        <TeamForm action={updateTeamAction} submitLabel={t('save')} {...options} values={team} />
      </div>
      <section className="card space-y-2">
        <p className="text-sm text-slate-600">{t('deleteHelp')}</p>
        <ActionForm action={deleteTeamAction} submitLabel={t('delete')} danger>
          <Hidden name="id" value={team.id} />
        </ActionForm>
      </section>
    </div>
  );
}
