import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeWorld, PASSWORD, type World } from '../../../tests/support/world';
import { createUser, reassignCustomers, sendPasswordLink, updateUser } from './commands';
import { getUser } from './queries';
import { loadActor } from '../access/load-actor';
import { verifyCredentials } from '../auth/credentials';
import { listCustomers } from '../customers/queries';
import { editUserInput, newUserInput } from './schemas';
import { setPasswordWithToken } from '../auth/password-reset';
import { outbox } from '../db/schema';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});

const base = () => ({ name: 'New Person', email: `new.${w.tag}.${Math.random().toString(36).slice(2)}@test.local`, role: 'rep' as const, locale: 'th' as const, teamId: null, territoryIds: [] as string[] });
const NEW_PASSWORD = 'Orchid-Canal-Tiger-6';
/** What the invited person does: opens the mailed link and chooses a password. */
async function acceptInvitation(email: string, password = NEW_PASSWORD) {
  const mails = await w.db.select().from(outbox).where(eq(outbox.to, email));
  const token = /\/invitation\/([A-Za-z0-9_-]{43})/.exec(mails.at(-1)!.text)![1];
  await setPasswordWithToken(w.db, 'invite', { token, password, confirm: password });
}

describe('users', () => {
  it('an admin invites a user who chooses a password, signs in and sees their territory', async () => {
    const input = { ...base(), teamId: w.teams.teamA.id, territoryIds: [w.territories.A2] };
    const id = await createUser(w.db, w.actors.admin, input);
    const u = await getUser(w.db, w.actors.admin, id);
    expect(u).toMatchObject({ role: 'rep', locale: 'th', teamId: w.teams.teamA.id, territoryIds: [w.territories.A2], active: true, invited: true });
    await acceptInvitation(input.email);
    expect((await verifyCredentials(w.db, input.email, NEW_PASSWORD, null)).ok).toBe(true);
    const actor = (await loadActor(w.db, id))!;
    const { rows } = await listCustomers(w.db, actor, {}, 100);
    expect(rows.map((r) => r.id)).toEqual([w.customers.a2]);
  });

  it('refuses a duplicate email whatever its case', async () => {
    const err = await createUser(w.db, w.actors.admin, { ...base(), email: w.people.repA1.email.toUpperCase() }).catch((e) => e);
    expect(err).toMatchObject({ code: 'invalid', fields: { email: 'emailTaken' } });
  });

  it.each(['mA', 'repA1', 'finance'] as const)('refuses %s managing users', async (who) => {
    await expect(createUser(w.db, w.actors[who], base())).rejects.toMatchObject({ code: 'forbidden' });
    await expect(getUser(w.db, w.actors[who], w.people.repA1.id)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('does not show another organization\'s user', async () => {
    await expect(getUser(w.db, w.actors.admin2, w.people.repA1.id)).rejects.toMatchObject({ code: 'notFound' });
  });

  it('refuses an edit made on a stale version', async () => {
    const u = await getUser(w.db, w.actors.admin, w.people.repA2.id);
    const edit = { ...u, active: true, role: 'rep' as const, locale: 'en' as const };
    await updateUser(w.db, w.actors.admin, u.id, u.version, { ...edit, name: 'First edit' });
    await expect(updateUser(w.db, w.actors.admin, u.id, u.version, { ...edit, name: 'Second edit' })).rejects.toMatchObject({ code: 'staleVersion' });
    expect((await getUser(w.db, w.actors.admin, u.id)).name).toBe('First edit');
  });

  it('an admin cannot deactivate or demote themselves', async () => {
    const me = await getUser(w.db, w.actors.admin, w.people.admin.id);
    const edit = { ...me, locale: 'en' as const, role: 'admin' as const, active: false };
    await expect(updateUser(w.db, w.actors.admin, me.id, me.version, edit)).rejects.toMatchObject({ fields: { active: 'cannotDemoteSelf' } });
    await expect(updateUser(w.db, w.actors.admin, me.id, me.version, { ...edit, active: true, role: 'rep' })).rejects.toMatchObject({ fields: { active: 'cannotDemoteSelf' } });
  });

  it('deactivation stops sign-in and the session; records stay and can be handed over', async () => {
    const input = { ...base(), territoryIds: [] };
    const id = await createUser(w.db, w.actors.admin, input);
    await acceptInvitation(input.email);
    const leaver = (await loadActor(w.db, id))!;
    const { createCustomer } = await import('../customers/commands');
    const custId = await createCustomer(w.db, leaver, { name: `Leaver's ${w.tag}`, taxId: '', branch: '', phone: '', email: '', address: '', notes: '', territoryId: null, ownerId: null });
    const u = await getUser(w.db, w.actors.admin, id);
    await updateUser(w.db, w.actors.admin, id, u.version, { ...u, role: 'rep', locale: 'th', active: false });
    expect(await loadActor(w.db, id)).toBeNull();
    expect((await verifyCredentials(w.db, u.email, NEW_PASSWORD, null)).ok).toBe(false);

    const moved = await reassignCustomers(w.db, w.actors.admin, id, w.people.repB1.id);
    expect(moved).toBe(1);
    const { rows } = await listCustomers(w.db, w.actors.repB1, {}, 100);
    expect(rows.map((r) => r.id)).toContain(custId);
    await expect(reassignCustomers(w.db, w.actors.admin, w.people.repB1.id, id)).rejects.toMatchObject({ fields: { toUserId: 'invalidChoice' } });
  });

  it('an admin resets a password: the old one stops at once, the user chooses a new one from the mailed link', async () => {
    const u = await getUser(w.db, w.actors.admin, w.people.mB.id);
    expect(await sendPasswordLink(w.db, w.actors.admin, u.id)).toBe('adminReset');
    expect((await verifyCredentials(w.db, u.email, PASSWORD, null)).ok).toBe(false);
    expect(await getUser(w.db, w.actors.admin, u.id)).toMatchObject({ invited: true });
    await acceptInvitation(u.email, 'Velvet-Compass-Rain-2');
    expect((await verifyCredentials(w.db, u.email, 'Velvet-Compass-Rain-2', null)).ok).toBe(true);
  });

  it('no admin types a password any more: the forms have no password field', () => {
    const r = editUserInput.safeParse({ name: 'x', email: 'nope', role: 'rep', locale: 'en', teamId: '', territoryIds: [], password: 'typed-by-admin', active: 'on' });
    expect(r.success).toBe(false);
    expect(Object.fromEntries(r.error!.issues.map((i) => [i.path[0], i.message]))).toEqual({ email: 'invalidEmail' });
    const ok = newUserInput.safeParse({ name: 'x', email: 'x@y.co', role: 'rep', locale: 'en', teamId: '', territoryIds: [], password: 'typed-by-admin' });
    expect(ok.success && 'password' in ok.data).toBe(false);
  });
});
