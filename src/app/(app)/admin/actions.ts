'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { formAction } from '@/server/action';
import { invalid } from '@/server/errors';
import { createUser, reassignCustomers, sendPasswordLink, updateUser } from '@/server/users/commands';
import { editUserInput, newUserInput } from '@/server/users/schemas';
import { createTeam, deleteTeam, teamEdit, teamInput, updateTeam } from '@/server/teams';
import { createTerritory, deleteTerritory, setTerritoryRetired, territoryInput, updateTerritory } from '@/server/territories';
import { logoFromFile, organizationInput, updateOrganization } from '@/server/organization';
import { uuid, version } from '@/server/validation';

export const createUserAction = formAction(newUserInput, ({ db, actor, input }) => createUser(db, actor, input), () => redirect('/admin/users'));

export const updateUserAction = formAction(
  editUserInput.extend({ id: uuid, version }),
  ({ db, actor, input }) => updateUser(db, actor, input.id, input.version, input),
  () => redirect('/admin/users'),
);

/** Mails the user a link to set a password (a new invitation, or an admin's reset that ends their sessions). */
export const sendPasswordLinkAction = formAction(
  z.object({ id: uuid }),
  ({ db, actor, input }) => sendPasswordLink(db, actor, input.id),
  async (kind, { input }) => {
    revalidatePath(`/admin/users/${input.id}`);
    return { status: 'ok', message: (await getTranslations('admin.users'))(kind === 'invite' ? 'invitationSent' : 'resetSent') };
  },
);

export const reassignAction = formAction(
  z.object({ fromUserId: uuid, toUserId: uuid }),
  ({ db, actor, input }) => reassignCustomers(db, actor, input.fromUserId, input.toUserId),
  async (moved) => ({ status: 'ok', message: (await getTranslations('admin.users'))('reassigned', { count: moved }) }),
);

export const createTeamAction = formAction(teamInput, ({ db, actor, input }) => createTeam(db, actor, input), () => redirect('/admin/teams'));

export const updateTeamAction = formAction(
  teamEdit.extend({ id: uuid }),
  ({ db, actor, input }) => updateTeam(db, actor, input.id, input.version, input),
  () => redirect('/admin/teams'),
);

export const deleteTeamAction = formAction(z.object({ id: uuid }), ({ db, actor, input }) => deleteTeam(db, actor, input.id), () => redirect('/admin/teams'));

const refreshTerritories = () => revalidatePath('/admin/territories');

export const createTerritoryAction = formAction(territoryInput, ({ db, actor, input }) => createTerritory(db, actor, input), refreshTerritories);

export const updateTerritoryAction = formAction(
  territoryInput.extend({ id: uuid }),
  ({ db, actor, input }) => updateTerritory(db, actor, input.id, input),
  refreshTerritories,
);

export const retireTerritoryAction = formAction(
  z.object({ id: uuid, retired: z.enum(['true', 'false']) }),
  ({ db, actor, input }) => setTerritoryRetired(db, actor, input.id, input.retired === 'true'),
  refreshTerritories,
);

export const deleteTerritoryAction = formAction(z.object({ id: uuid }), ({ db, actor, input }) => deleteTerritory(db, actor, input.id), refreshTerritories);

export const updateOrganizationAction = formAction(
  organizationInput,
  async ({ db, actor, input, formData }) => {
    const logo = await logoFromFile(formData.get('logo'));
    if (logo.error) throw invalid({ logo: logo.error });
    await updateOrganization(db, actor, input, logo.dataUrl);
  },
  () => revalidatePath('/', 'layout'),
);
