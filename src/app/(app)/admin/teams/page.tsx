import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/server/db/client';
import { listTeams } from '@/server/teams';
import { requireAdmin } from '../guard';
import { createTeamAction } from '../actions';
import { TeamForm } from './team-form';
import { teamFormOptions } from './options';

export async function generateMetadata() {
  return { title: (await getTranslations('admin.teams'))('title') };
}

export default async function TeamsPage() {
  const actor = await requireAdmin('team.manage');
  const t = await getTranslations('admin.teams');
  const db = await getDb();
  const [teams, options] = await Promise.all([listTeams(db, actor), teamFormOptions(db, actor)]);
  return (
    <div className="space-y-6">
      <h1 className="h1">{t('title')}</h1>
      {teams.length === 0 ? <p className="card text-slate-600">{t('empty')}</p> : null}
      <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white" data-testid="team-list">
        {teams.map((team) => (
          <li key={team.id} className="grid gap-1 px-4 py-3 sm:grid-cols-3 sm:items-center">
            <Link href={`/admin/teams/${team.id}`} className="link font-medium">{team.name}</Link>
            <span className="text-sm">{team.managerName ?? t('noManager')}</span>
            <span className="text-sm text-slate-600">{t('memberCount', { count: team.members })}</span>
          </li>
        ))}
      </ul>
      <section className="card space-y-3">
        <h2 className="font-semibold">{t('new')}</h2>
        <TeamForm action={createTeamAction} submitLabel={t('create')} {...options} values={{ name: '', managerId: null, memberIds: [] }} />
      </section>
    </div>
  );
}
