import { beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, type World } from '../../../tests/support/world';
import { addContact } from './commands';
import { searchContacts } from './queries';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
  await addContact(w.db, w.actors.admin, w.customers.a1, { name: `Somchai ${w.tag}`, title: '', phone: '+66 89 111 2233', email: `somchai.${w.tag}@example.com`, isPrimary: true });
  await addContact(w.db, w.actors.admin, w.customers.b1, { name: `Somsri ${w.tag}`, title: '', phone: '089-111-4455', email: '', isPrimary: true });
});

describe('contact search', () => {
  it('finds contacts by name, email and phone in any format, within scope', async () => {
    expect((await searchContacts(w.db, w.actors.admin, w.tag)).length).toBe(2);
    expect((await searchContacts(w.db, w.actors.repA1, w.tag)).map((c) => c.name)).toEqual([`Somchai ${w.tag}`]);
    expect((await searchContacts(w.db, w.actors.repA1, '089 111 2233')).map((c) => c.customerId)).toEqual([w.customers.a1]);
    expect((await searchContacts(w.db, w.actors.repB1, '+66891114455')).map((c) => c.customerId)).toEqual([w.customers.b1]);
    expect((await searchContacts(w.db, w.actors.repB1, '089 111 2233'))).toEqual([]);
    expect((await searchContacts(w.db, w.actors.mA, `somchai.${w.tag}@`)).length).toBe(1);
    expect(await searchContacts(w.db, w.actors.admin2, w.tag)).toEqual([]);
  });
});
