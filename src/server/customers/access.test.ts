import { beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, type World } from '../../../tests/support/world';
import { countCustomers, getCustomer, listCustomers } from './queries';
import { updateCustomer } from './commands';
import { DomainError } from '../errors';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});

type Key = keyof World['customers'];
// Who sees which customer. Anything not listed must be invisible.
const EXPECTED: Record<keyof World['actors'], Key[]> = {
  admin: ['a1', 'a2', 'b1', 'shared', 'mB'],
  finance: ['a1', 'a2', 'b1', 'shared', 'mB'],
  mA: ['a1', 'a2', 'shared'],
  mB: ['b1', 'shared', 'mB'],
  repA1: ['a1', 'shared'],
  repA2: ['a2'],
  repB1: ['b1', 'shared'],
  admin2: ['other'],
};
const ALL: Key[] = ['a1', 'a2', 'b1', 'shared', 'mB', 'other'];

const input = (name: string) => ({
  name, taxId: '', branch: '', phone: '', email: '', address: '', notes: '', territoryId: null, ownerId: null,
});

describe.each(Object.keys(EXPECTED) as (keyof World['actors'])[])('customer visibility for %s', (who) => {
  const expected = () => EXPECTED[who].map((k) => w.customers[k]).sort();

  it('list shows exactly the customers in scope', async () => {
    const { rows } = await listCustomers(w.db, w.actors[who], {}, 100);
    expect(rows.map((r) => r.id).sort()).toEqual(expected());
  });

  it('count agrees with the list', async () => {
    expect(await countCustomers(w.db, w.actors[who])).toBe(EXPECTED[who].length);
  });

  it('search finds only in-scope customers', async () => {
    const { rows } = await listCustomers(w.db, w.actors[who], { q: w.tag }, 100);
    expect(rows.map((r) => r.id).sort()).toEqual(expected());
    // Every world customer has +66 81 234 5678; typed in local format it must find all in scope.
    const { rows: byPhone } = await listCustomers(w.db, w.actors[who], { q: '081-234-5678' }, 100);
    expect(byPhone.map((r) => r.id).filter((id) => Object.values(w.customers).includes(id)).sort()).toEqual(expected());
    expect(await countCustomers(w.db, w.actors[who], { q: w.tag })).toBe(EXPECTED[who].length);
  });

  it.each(ALL)('detail of %s answers only when in scope', async (key) => {
    const id = w.customers[key];
    if (EXPECTED[who].includes(key)) {
      expect((await getCustomer(w.db, w.actors[who], id)).id).toBe(id);
    } else {
      await expect(getCustomer(w.db, w.actors[who], id)).rejects.toMatchObject({ code: 'notFound' });
    }
  });

  it.each(ALL)('edit of %s works only when in scope', async (key) => {
    const id = w.customers[key];
    const actor = w.actors[who];
    if (EXPECTED[who].includes(key)) {
      const current = await getCustomer(w.db, actor, id);
      await updateCustomer(w.db, actor, id, current.version, { ...input(current.name), phone: current.phone, territoryId: current.territoryId, notes: `edited by ${who}` });
      expect((await getCustomer(w.db, actor, id)).notes).toBe(`edited by ${who}`);
    } else {
      const err = await updateCustomer(w.db, actor, id, 1, input('hijacked')).catch((e) => e);
      expect(err).toBeInstanceOf(DomainError);
      expect(err.code).toBe('notFound');
      const seen = await getCustomer(w.db, w.actors[key === 'other' ? 'admin2' : 'admin'], id);
      expect(seen.name).not.toBe('hijacked');
    }
  });
});

describe('customer edge cases', () => {
  it('an unknown or malformed id is not found', async () => {
    await expect(getCustomer(w.db, w.actors.admin, 'nope')).rejects.toMatchObject({ code: 'notFound' });
    await expect(getCustomer(w.db, w.actors.admin, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'notFound' });
  });

  it('a filter naming an out-of-scope owner still returns nothing', async () => {
    const { rows } = await listCustomers(w.db, w.actors.repA1, { ownerId: w.people.repA2.id }, 100);
    expect(rows).toEqual([]);
  });
});
