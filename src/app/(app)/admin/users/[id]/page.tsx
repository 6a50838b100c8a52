import { getTranslations } from 'next-intl/server';
import { getDb } from '@/server/db/client';
import { getUser, listUsers } from '@/server/users/queries';
import { orNotFound } from '@/server/not-found';
import { ActionForm } from '@/components/forms/action-form';
import { Hidden, SelectField } from '@/components/forms/fields';
import { requireAdmin } from '../../guard';
import { reassignAction, sendPasswordLinkAction, updateUserAction } from '../../actions';
import { UserForm } from '../user-form';
import { userFormOptions } from '../options';

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireAdmin();
  const db = await getDb();
  const user = await orNotFound(getUser(db, actor, id));
  const t = await getTranslations('admin.users');
  const [options, everyone] = await Promise.all([userFormOptions(db, actor), listUsers(db, actor)]);
  const others = everyone.filter((u) => u.active && u.id !== user.id).map((u) => ({ value: u.id, label: u.name }));
  return (
    <div className="space-y-6">
      <h1 className="h1">{t('edit', { name: user.name })}</h1>
      <div className="card">
        <UserForm action={updateUserAction} submitLabel={t('save')} {...options} values={user} />
      </div>
      {user.active && user.id !== actor.id ? (
        <section className="card space-y-3">
          <h2 className="font-semibold">{t('passwordTitle')}</h2>
          <p className="text-sm text-slate-600">{user.invited ? t('invitedHelp') : t('resetHelp')}</p>
          <ActionForm action={sendPasswordLinkAction} submitLabel={user.invited ? t('resendInvitation') : t('resetPassword')} testId="password-link-form" danger={!user.invited}>
            <Hidden name="id" value={user.id} />
          </ActionForm>
        </section>
      ) : null}
      <section className="card space-y-3">
        <h2 className="font-semibold">{t('reassignTitle')}</h2>
        <p className="text-sm text-slate-600">{t('reassignHelp')}</p>
        <ActionForm action={reassignAction} submitLabel={t('reassign')} testId="reassign-form">
          <Hidden name="fromUserId" value={user.id} />
          <SelectField name="toUserId" label={t('reassignTo')} options={others} emptyLabel="—" />
        </ActionForm>
      </section>
    </div>
  );
}
