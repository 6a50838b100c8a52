import { beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, type World } from '../../../tests/support/world';
import { createTeam, deleteTeam, getTeam, listTeams, updateTeam } from './index';
import { loadActor } from '../access/load-actor';
import { listCustomers } from '../customers/queries';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});

describe('teams', () => {
  it('moving a rep into a manager\'s team widens what the manager sees', async () => {
    const before = await listCustomers(w.db, w.actors.mA, {}, 100);
    expect(before.rows.map((r) => r.id)).not.toContain(w.customers.b1);
    const team = await getTeam(w.db, w.actors.admin, w.teams.teamA.id);
    await updateTeam(w.db, w.actors.admin, team.id, team.version, { name: team.name, managerId: team.managerId, memberIds: [...team.memberIds, w.people.repB1.id] });
    const mA = (await loadActor(w.db, w.people.mA.id))!;
    expect(mA.scopeUserIds).toContain(w.people.repB1.id);
    expect(mA.scopeTerritoryIds).toContain(w.territories.B1);
    const after = await listCustomers(w.db, mA, {}, 100);
    expect(after.rows.map((r) => r.id)).toEqual(expect.arrayContaining([w.customers.b1, w.customers.a1, w.customers.a2]));
    // and manager B no longer sees repB1's customers by ownership
    const mB = (await loadActor(w.db, w.people.mB.id))!;
    expect(mB.scopeUserIds).not.toContain(w.people.repB1.id);
  });

  it('creates a team with members; the manager must be a manager or admin', async () => {
    const id = await createTeam(w.db, w.actors.admin, { name: `Team C ${w.tag}`, managerId: w.people.mB.id, memberIds: [w.people.repA2.id] });
    expect((await listTeams(w.db, w.actors.admin)).find((t) => t.id === id)).toMatchObject({ members: 1, managerName: 'mB' });
    await expect(createTeam(w.db, w.actors.admin, { name: `Team D ${w.tag}`, managerId: w.people.repA1.id, memberIds: [] })).rejects.toMatchObject({ fields: { managerId: 'managerRoleRequired' } });
  });

  it('refuses a duplicate name and a stale edit', async () => {
    await expect(createTeam(w.db, w.actors.admin, { name: 'team a', managerId: null, memberIds: [] })).rejects.toMatchObject({ fields: { name: 'nameTaken' } });
    const t = await getTeam(w.db, w.actors.admin, w.teams.teamB.id);
    await updateTeam(w.db, w.actors.admin, t.id, t.version, { name: 'Team B2', managerId: t.managerId, memberIds: t.memberIds });
    await expect(updateTeam(w.db, w.actors.admin, t.id, t.version, { name: 'Team B3', managerId: t.managerId, memberIds: t.memberIds })).rejects.toMatchObject({ code: 'staleVersion' });
  });

  it('refuses non-admins and other organizations', async () => {
    await expect(createTeam(w.db, w.actors.mA, { name: 'Mine', managerId: null, memberIds: [] })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(getTeam(w.db, w.actors.admin2, w.teams.teamA.id)).rejects.toMatchObject({ code: 'notFound' });
    await expect(createTeam(w.db, w.actors.admin2, { name: 'Poach', managerId: null, memberIds: [w.people.repA1.id] })).rejects.toMatchObject({ fields: { memberIds: 'invalidChoice' } });
  });

  it('deleting a team keeps its people', async () => {
    const id = await createTeam(w.db, w.actors.admin, { name: `Temp ${w.tag}`, managerId: null, memberIds: [w.people.repA2.id] });
    await deleteTeam(w.db, w.actors.admin, id);
    const rep = (await loadActor(w.db, w.people.repA2.id))!;
    expect(rep.teamId).toBeNull();
  });
});
