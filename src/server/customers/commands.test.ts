import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { makeWorld, type World } from '../../../tests/support/world';
import { addContact, createCustomer, deleteContact, updateContact, updateCustomer } from './commands';
import { getCustomer } from './queries';
import { customerInput } from './schemas';
import { auditLog } from '../db/schema';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});
const input = (over: Partial<Parameters<typeof createCustomer>[2]> = {}) => ({
  name: `New ${w.tag}`, taxId: '', branch: '', phone: '', email: '', address: '', notes: '', territoryId: null, ownerId: null, ...over,
});
const contact = { name: 'Nok', title: 'Buyer', phone: '081 000 0000', email: '', isPrimary: true };

describe('customer commands', () => {
  it('a rep creates a customer they own, in their territory, with an audit row', async () => {
    const id = await createCustomer(w.db, w.actors.repA1, input({ territoryId: w.territories.A1 }));
    const c = await getCustomer(w.db, w.actors.repA1, id);
    expect(c).toMatchObject({ ownerId: w.people.repA1.id, territoryId: w.territories.A1 });
    const audit = await w.db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'create')));
    expect(audit).toHaveLength(1);
    expect(audit[0].actorId).toBe(w.people.repA1.id);
  });

  it('a rep cannot give a customer to someone else or place it outside their territories', async () => {
    await expect(createCustomer(w.db, w.actors.repA1, input({ ownerId: w.people.repA2.id }))).rejects.toMatchObject({ fields: { ownerId: 'notAllowedOwner' } });
    await expect(createCustomer(w.db, w.actors.repA1, input({ territoryId: w.territories.B1 }))).rejects.toMatchObject({ fields: { territoryId: 'notAllowedTerritory' } });
  });

  it('a rep cannot reassign an existing customer; a manager can, within the team only', async () => {
    const c = await getCustomer(w.db, w.actors.repA1, w.customers.a1);
    await expect(updateCustomer(w.db, w.actors.repA1, c.id, c.version, { ...input({ name: c.name, territoryId: c.territoryId }), ownerId: w.people.mA.id })).rejects.toMatchObject({ fields: { ownerId: 'notAllowedOwner' } });
    await expect(updateCustomer(w.db, w.actors.mA, c.id, c.version, { ...input({ name: c.name, territoryId: c.territoryId }), ownerId: w.people.repB1.id })).rejects.toMatchObject({ fields: { ownerId: 'notAllowedOwner' } });
    await updateCustomer(w.db, w.actors.mA, c.id, c.version, { ...input({ name: c.name, territoryId: c.territoryId }), ownerId: w.people.repA2.id });
    expect((await getCustomer(w.db, w.actors.repA2, c.id)).ownerId).toBe(w.people.repA2.id);
    const audit = await w.db.select().from(auditLog).where(and(eq(auditLog.entityId, c.id), eq(auditLog.action, 'update')));
    expect(audit.at(-1)!.data).toMatchObject({ ownerId: { from: w.people.repA1.id, to: w.people.repA2.id } });
  });

  it('refuses a stale edit and keeps the first one', async () => {
    const c = await getCustomer(w.db, w.actors.admin, w.customers.b1);
    await updateCustomer(w.db, w.actors.admin, c.id, c.version, input({ name: 'First', territoryId: c.territoryId, ownerId: c.ownerId }));
    await expect(updateCustomer(w.db, w.actors.admin, c.id, c.version, input({ name: 'Second', territoryId: c.territoryId, ownerId: c.ownerId }))).rejects.toMatchObject({ code: 'staleVersion' });
    expect((await getCustomer(w.db, w.actors.admin, c.id)).name).toBe('First');
  });

  it('manages contacts; one primary at a time; out of scope is not found', async () => {
    const first = await addContact(w.db, w.actors.repB1, w.customers.b1, contact);
    const second = await addContact(w.db, w.actors.repB1, w.customers.b1, { ...contact, name: 'Dam' });
    let c = await getCustomer(w.db, w.actors.repB1, w.customers.b1);
    expect(c.contacts.filter((p) => p.isPrimary).map((p) => p.id)).toEqual([second]);
    await updateContact(w.db, w.actors.repB1, first, { ...contact, name: 'Nok S.', isPrimary: false });
    await expect(updateContact(w.db, w.actors.repA1, first, contact)).rejects.toMatchObject({ code: 'notFound' });
    await expect(deleteContact(w.db, w.actors.repA2, second)).rejects.toMatchObject({ code: 'notFound' });
    await expect(addContact(w.db, w.actors.repA2, w.customers.b1, contact)).rejects.toMatchObject({ code: 'notFound' });
    await deleteContact(w.db, w.actors.repB1, second);
    c = await getCustomer(w.db, w.actors.repB1, w.customers.b1);
    expect(c.contacts.map((p) => p.name)).toEqual(['Nok S.']);
  });

  it('the form schema names each bad field', () => {
    const r = customerInput.safeParse({ name: '  ', email: 'x@', phone: 'call me', taxId: '12', branch: '', address: '', notes: '', territoryId: 'nope', ownerId: '' });
    const byField = Object.fromEntries(r.error!.issues.map((i) => [i.path[0], i.message]));
    expect(byField).toEqual({ name: 'required', email: 'invalidEmail', phone: 'invalidPhone', taxId: 'invalidTaxId', territoryId: 'invalidChoice' });
  });
});
