import { getTranslations } from 'next-intl/server';
import { getDb } from '@/server/db/client';
import { requireAdmin } from '../../guard';
import { createUserAction } from '../../actions';
import { UserForm } from '../user-form';
import { userFormOptions } from '../options';

export default async function NewUserPage() {
  const actor = await requireAdmin();
  const t = await getTranslations('admin.users');
  const options = await userFormOptions(await getDb(), actor);
  return (
    <div className="space-y-4">
      <h1 className="h1">{t('new')}</h1>
      <div className="card">
        <UserForm action={createUserAction} submitLabel={t('create')} {...options} values={{ name: '', email: '', role: 'rep', locale: actor.org.locale, teamId: null, territoryIds: [] }} />
      </div>
    </div>
  );
}
