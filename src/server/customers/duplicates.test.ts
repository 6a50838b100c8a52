import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeWorld, type World } from '../../../tests/support/world';
import { keyT } from '../../../tests/support/act';
import { createCustomer, updateCustomer } from './commands';
import { getCustomer } from './queries';
import { customerInput } from './schemas';
import { runAction } from '../action-core';
import { loadActor } from '../access/load-actor';
import { organizations } from '../db/schema';
import type { Actor } from '../access/actor';
import type { DomainError } from '../errors';

let w: World;
let steel: string; // repB1's, in B1: out of repA1's scope
let logistics: string; // repA1's, in A1
const STEEL_TAX = '0105551234567';
beforeAll(async () => {
  w = await makeWorld();
  steel = await createCustomer(w.db, w.actors.repB1, input({ name: `Siam Steel Works ${w.tag}`, taxId: STEEL_TAX, branch: '00000', phone: '02 111 2222', territoryId: w.territories.B1 }));
  logistics = await createCustomer(w.db, w.actors.repA1, input({ name: `Chao Phraya Logistics ${w.tag}`, taxId: '3101234567893', phone: '+66 2 333 4444', territoryId: w.territories.A1 }));
});
const input = (over: Partial<Parameters<typeof createCustomer>[2]> = {}) => ({
  name: `Unrelated ${w.tag}`, taxId: '', branch: '', phone: '', email: '', address: '', notes: '', territoryId: null, ownerId: null, ...over,
});
const refusal = async (p: Promise<unknown>) => {
  const e = (await p.then(() => null, (err: unknown) => err)) as DomainError | null;
  expect(e, 'expected a refusal').not.toBeNull();
  return e!;
};

describe('duplicate customers', () => {
  it('the same tax ID and branch is refused, even confirmed; out of scope it is only "exists, owned by another team"', async () => {
    for (const confirmDuplicate of [false, true]) {
      // '' is the head office, like '00000'; the ID typed grouped is the same ID.
      const e = await refusal(createCustomer(w.db, w.actors.repA1, input({ name: `Fresh Name ${w.tag}`, taxId: '0-1055-51234-56-7', branch: '', confirmDuplicate })));
      expect(e.fields).toEqual({ taxId: 'duplicateTaxIdBranch' });
      expect(e.duplicates).toEqual({ seen: [], unseen: [{ reason: 'taxIdBranch', count: 1 }] });
      expect(JSON.stringify(e.duplicates)).not.toContain('Siam');
      expect(JSON.stringify(e.duplicates)).not.toContain(steel);
    }
    // The head office in words is the head office.
    const words = await refusal(createCustomer(w.db, w.actors.repA1, input({ name: `Fresh Name ${w.tag}`, taxId: STEEL_TAX, branch: 'Head office', confirmDuplicate: true })));
    expect(words.fields).toEqual({ taxId: 'duplicateTaxIdBranch' });
    // Through the action, as a form gets it: the name is nowhere in the state either.
    const fd = new FormData();
    for (const [k, v] of Object.entries({ name: `Fresh Name ${w.tag}`, taxId: STEEL_TAX, branch: '00000', phone: '', email: '', address: '', notes: '', territoryId: '', ownerId: '', confirmDuplicate: 'on' })) fd.set(k, v);
    const { state } = await runAction(customerInput, ({ db, actor, input: i }) => createCustomer(db, actor, i), { actor: w.actors.repA1, db: w.db, t: keyT, formData: fd });
    expect(state).toMatchObject({ status: 'error', fieldErrors: { taxId: 'duplicateTaxIdBranch' }, duplicates: { seen: [], unseen: [{ reason: 'taxIdBranch', count: 1 }] } });
    expect(JSON.stringify(state)).not.toContain('Siam Steel');
  });

  it('an admin, who sees everything, gets the name and id to link to', async () => {
    const e = await refusal(createCustomer(w.db, w.actors.admin, input({ taxId: STEEL_TAX, branch: '00000' })));
    expect(e.duplicates!.seen).toEqual([{ id: steel, name: `Siam Steel Works ${w.tag}`, reasons: ['taxIdBranch'] }]);
  });

  it('the same tax ID at another branch needs a confirmation, then saves', async () => {
    const e = await refusal(createCustomer(w.db, w.actors.repA1, input({ name: `Branch Two ${w.tag}`, taxId: STEEL_TAX, branch: '00002' })));
    expect(e.fields).toEqual({ branch: 'duplicateTaxIdOtherBranch' });
    const id = await createCustomer(w.db, w.actors.repA1, input({ name: `Branch Two ${w.tag}`, taxId: STEEL_TAX, branch: '00002', confirmDuplicate: true }));
    expect((await getCustomer(w.db, w.actors.repA1, id)).taxId).toBe(STEEL_TAX);
    // That branch, written another way, is now taken.
    const again = await refusal(createCustomer(w.db, w.actors.admin, input({ name: `Branch Two Again ${w.tag}`, taxId: STEEL_TAX, branch: 'Branch 00002', confirmDuplicate: true })));
    expect(again.fields).toEqual({ taxId: 'duplicateTaxIdBranch' });
  });

  it('the same phone in another format: a warning naming the in-scope customer, saved once confirmed', async () => {
    const e = await refusal(createCustomer(w.db, w.actors.repA1, input({ name: `Totally Different ${w.tag}`, phone: '02-333-4444' })));
    expect(e.fields).toEqual({ phone: 'duplicatePhone' });
    expect(e.duplicates).toEqual({ seen: [{ id: logistics, name: `Chao Phraya Logistics ${w.tag}`, reasons: ['phone'] }], unseen: [] });
    const id = await createCustomer(w.db, w.actors.repA1, input({ name: `Totally Different ${w.tag}`, phone: '02-333-4444', confirmDuplicate: true }));
    expect((await getCustomer(w.db, w.actors.repA1, id)).phone).toBe('02-333-4444');
  });

  it('a very similar name out of scope: counted, never named; confirmed, it saves', async () => {
    const e = await refusal(createCustomer(w.db, w.actors.repA1, input({ name: `Siam Steel Work ${w.tag}` })));
    expect(e.fields).toEqual({ name: 'duplicateName' });
    expect(e.duplicates).toEqual({ seen: [], unseen: [{ reason: 'name', count: 1 }] });
    expect(JSON.stringify(e.duplicates)).not.toContain('Siam Steel Works');
    await createCustomer(w.db, w.actors.repA1, input({ name: `Siam Steel Work ${w.tag}`, confirmDuplicate: true }));
    // A name that merely shares a word is not flagged.
    await createCustomer(w.db, w.actors.repA1, input({ name: `Siam Paper Mills ${w.tag}` }));
  });

  it('an edit is not compared with the customer itself, nor nagged about what it did not change', async () => {
    const c = await getCustomer(w.db, w.actors.repA1, logistics);
    await updateCustomer(w.db, w.actors.repA1, c.id, c.version, input({ name: c.name, taxId: c.taxId, phone: c.phone, territoryId: c.territoryId, notes: 'edited' }));
    const again = await getCustomer(w.db, w.actors.repA1, logistics);
    const e = await refusal(updateCustomer(w.db, w.actors.repA1, again.id, again.version, input({ name: c.name, taxId: STEEL_TAX, territoryId: c.territoryId })));
    expect(e.fields).toEqual({ taxId: 'duplicateTaxIdBranch' });
  });

  it('Thai tax IDs are checked in a Thai organization only', async () => {
    const e = await refusal(createCustomer(w.db, w.actors.repA1, input({ name: `Bad Tax ${w.tag}`, taxId: '0105551234568' })));
    expect(e.fields).toEqual({ taxId: 'invalidThaiTaxId' });
    await w.db.update(organizations).set({ country: 'VN' }).where(eq(organizations.id, w.org2.id));
    const vn = (await loadActor(w.db, w.people.admin2.id)) as Actor;
    const id = await createCustomer(w.db, vn, input({ name: `Cong ty ${w.tag}`, taxId: '0101234567' }));
    expect((await getCustomer(w.db, vn, id)).taxId).toBe('0101234567');
  });
});
