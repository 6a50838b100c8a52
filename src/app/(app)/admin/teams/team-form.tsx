import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/forms/action-form';
import { CheckboxGroup, Hidden, SelectField, TextField } from '@/components/forms/fields';
import type { FormState } from '@/lib/form-state';

type Option = { value: string; label: string };

export async function TeamForm({ action, values, managers, people, submitLabel }: {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  values: { id?: string; version?: number; name: string; managerId: string | null; memberIds: string[] };
  managers: Option[];
  people: Option[];
  submitLabel: string;
}) {
  const t = await getTranslations('admin.teams');
  return (
    <ActionForm action={action} submitLabel={submitLabel} testId="team-form">
      {values.id ? <Hidden name="id" value={values.id} /> : null}
      {values.version ? <Hidden name="version" value={values.version} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="name" label={t('name')} defaultValue={values.name} required />
        <SelectField name="managerId" label={t('manager')} defaultValue={values.managerId ?? ''} options={managers} emptyLabel={t('noManager')} />
      </div>
      <CheckboxGroup name="memberIds" label={t('members')} options={people} defaultValues={values.memberIds} />
    </ActionForm>
  );
}
