import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/forms/action-form';
import { CheckboxField, CheckboxGroup, Hidden, SelectField, TextField } from '@/components/forms/fields';
import { LOCALES } from '@/server/i18n/locales';
import { LOCALE_NAMES } from '@/lib/locale';
import { ROLES } from '@/server/access/actor';
import type { FormState } from '@/lib/form-state';

type Option = { value: string; label: string };
export type UserValues = {
  id?: string; version?: number; name: string; email: string; role: string; locale: string; teamId: string | null;
  territoryIds: string[]; active?: boolean;
};

export async function UserForm({ action, values, teams, territories, submitLabel }: {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  values: UserValues;
  teams: Option[];
  territories: Option[];
  submitLabel: string;
}) {
  const t = await getTranslations('admin.users');
  const roles = await getTranslations('roles');
  const editing = Boolean(values.id);
  return (
    <ActionForm action={action} submitLabel={submitLabel} testId="user-form">
      {values.id ? <Hidden name="id" value={values.id} /> : null}
      {values.version ? <Hidden name="version" value={values.version} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="name" label={t('name')} defaultValue={values.name} required />
        <TextField name="email" label={t('email')} type="email" defaultValue={values.email} required />
        <SelectField name="role" label={t('role')} defaultValue={values.role} options={ROLES.map((r) => ({ value: r, label: roles(r) }))} />
        <SelectField name="locale" label={t('language')} defaultValue={values.locale} options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))} />
        <SelectField name="teamId" label={t('team')} defaultValue={values.teamId ?? ''} options={teams} emptyLabel={t('noTeam')} />
      </div>
      {editing ? null : <p className="text-sm text-slate-600">{t('inviteHint')}</p>}
      <CheckboxGroup name="territoryIds" label={t('territories')} options={territories} defaultValues={values.territoryIds} />
      {editing ? <CheckboxField name="active" label={t('activeLabel')} defaultChecked={values.active} /> : null}
    </ActionForm>
  );
}
