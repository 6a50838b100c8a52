import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/server/db/client';
import { listUsers } from '@/server/users/queries';
import { requireAdmin } from '../guard';

export async function generateMetadata() {
  return { title: (await getTranslations('admin.users'))('title') };
}

export default async function UsersPage() {
  const actor = await requireAdmin();
  const t = await getTranslations('admin.users');
  const roles = await getTranslations('roles');
  const users = await listUsers(await getDb(), actor);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="h1">{t('title')}</h1>
        <Link href="/admin/users/new" className="btn-primary">{t('new')}</Link>
      </div>
      <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white" data-testid="user-list">
        {users.map((u) => (
          <li key={u.id} className={`grid gap-1 px-4 py-3 sm:grid-cols-4 sm:items-center ${u.active ? '' : 'bg-slate-50 text-slate-500'}`}>
            <Link href={`/admin/users/${u.id}`} className="link font-medium">{u.name}</Link>
            <span className="text-sm break-all">{u.email}</span>
            <span className="text-sm">{roles(u.role)}{u.teamName ? ` · ${u.teamName}` : ''}</span>
            <span className="text-sm">
              {!u.active ? (
                <span className="rounded bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-700">{t('deactivated')}</span>
              ) : u.invited ? (
                <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800">{t('invited')}</span>
              ) : (
                t('active')
              )}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
