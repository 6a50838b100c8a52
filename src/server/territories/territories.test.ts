import { beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, type World } from '../../../tests/support/world';
import { createTerritory, deleteTerritory, listTerritories, setTerritoryRetired, updateTerritory } from './index';
import { createCustomer } from '../customers/commands';
import { listCustomers } from '../customers/queries';
import { loadActor } from '../access/load-actor';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});
const customer = (territoryId: string | null) => ({ name: `C ${w.tag}`, taxId: '', branch: '', phone: '', email: '', address: '', notes: '', territoryId, ownerId: null });

describe('territory tree', () => {
  it('lists depth-first with paths', async () => {
    const nodes = await listTerritories(w.db, w.actors.admin);
    expect(nodes.map((n) => `${n.depth}:${n.path}`)).toEqual(['0:Region A', '1:Region A › A1', '1:Region A › A2', '0:Region B', '1:Region B › B1']);
    expect(await listTerritories(w.db, w.actors.admin2)).toEqual([]);
  });

  it('adds, renames and moves a node', async () => {
    const id = await createTerritory(w.db, w.actors.admin, { name: 'A3', parentId: w.territories.regionA });
    await updateTerritory(w.db, w.actors.admin, id, { name: 'B2', parentId: w.territories.regionB });
    const node = (await listTerritories(w.db, w.actors.admin)).find((n) => n.id === id);
    expect(node).toMatchObject({ path: 'Region B › B2', depth: 1 });
  });

  it('refuses to move a node under its own descendant', async () => {
    await expect(updateTerritory(w.db, w.actors.admin, w.territories.regionA, { name: 'Region A', parentId: w.territories.A1 })).rejects.toMatchObject({ fields: { parentId: 'territoryCycle' } });
    await expect(updateTerritory(w.db, w.actors.admin, w.territories.A1, { name: 'A1', parentId: w.territories.A1 })).rejects.toMatchObject({ fields: { parentId: 'territoryCycle' } });
  });

  it('refuses to delete a node in use, deletes an unused leaf', async () => {
    for (const id of [w.territories.regionA, w.territories.A1, w.territories.B1]) {
      await expect(deleteTerritory(w.db, w.actors.admin, id)).rejects.toMatchObject({ code: 'inUse' });
    }
    const leaf = await createTerritory(w.db, w.actors.admin, { name: 'Leaf', parentId: null });
    await deleteTerritory(w.db, w.actors.admin, leaf);
    expect((await listTerritories(w.db, w.actors.admin, { includeRetired: true })).some((n) => n.id === leaf)).toBe(false);
  });

  it('a retired node disappears from choices and cannot take new customers', async () => {
    const id = await createTerritory(w.db, w.actors.admin, { name: 'Old', parentId: null });
    await setTerritoryRetired(w.db, w.actors.admin, id, true);
    expect((await listTerritories(w.db, w.actors.admin)).some((n) => n.id === id)).toBe(false);
    expect((await listTerritories(w.db, w.actors.admin, { includeRetired: true })).find((n) => n.id === id)?.retired).toBe(true);
    await expect(createCustomer(w.db, w.actors.admin, customer(id))).rejects.toMatchObject({ fields: { territoryId: 'invalidChoice' } });
    await setTerritoryRetired(w.db, w.actors.admin, id, false);
    await expect(createCustomer(w.db, w.actors.admin, customer(id))).resolves.toBeTruthy();
  });

  it('refuses to retire a node with active children', async () => {
    await expect(setTerritoryRetired(w.db, w.actors.admin, w.territories.regionB, true)).rejects.toMatchObject({ code: 'inUse' });
  });

  it('a person assigned to a region sees its sub-territories', async () => {
    const { createUser } = await import('../users/commands');
    const id = await createUser(w.db, w.actors.admin, { name: 'Region rep', email: `region.${w.tag}@test.local`, role: 'rep', locale: 'en', teamId: null, territoryIds: [w.territories.regionA] });
    const actor = (await loadActor(w.db, id))!;
    const ids = (await listCustomers(w.db, actor, {}, 100)).rows.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining([w.customers.a1, w.customers.a2, w.customers.shared]));
    expect(ids).not.toContain(w.customers.b1);
  });

  it('only admins edit the tree', async () => {
    await expect(createTerritory(w.db, w.actors.mA, { name: 'X', parentId: null })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(deleteTerritory(w.db, w.actors.admin2, w.territories.A2)).rejects.toMatchObject({ code: 'notFound' });
  });

  it('refuses a second node of the same name under one parent (issue 11), not under another parent', async () => {
    const parent = await createTerritory(w.db, w.actors.admin, { name: 'Dup parent', parentId: null });
    const first = await createTerritory(w.db, w.actors.admin, { name: 'East', parentId: parent });
    await expect(createTerritory(w.db, w.actors.admin, { name: ' east ', parentId: parent })).rejects.toMatchObject({ fields: { name: 'nameTaken' } });
    await expect(createTerritory(w.db, w.actors.admin, { name: 'Dup parent', parentId: null })).rejects.toMatchObject({ fields: { name: 'nameTaken' } });
    await expect(createTerritory(w.db, w.actors.admin, { name: 'East', parentId: w.territories.regionA })).resolves.toBeTruthy();
    const west = await createTerritory(w.db, w.actors.admin, { name: 'West', parentId: parent });
    await expect(updateTerritory(w.db, w.actors.admin, west, { name: 'EAST', parentId: parent })).rejects.toMatchObject({ fields: { name: 'nameTaken' } });
    await expect(updateTerritory(w.db, w.actors.admin, first, { name: 'East', parentId: parent })).resolves.toBeUndefined();
  });
});
