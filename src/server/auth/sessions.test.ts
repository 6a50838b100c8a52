import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeWorld, PASSWORD, type World } from '../../../tests/support/world';
import { verifyCredentials } from './credentials';
import { jwtCallback } from './callbacks';
import { actorForSession, SESSION_MAX_SECONDS, sessionStands } from './session-policy';
import { changeOwnPassword } from '../account';
import { getUser } from '../users/queries';
import { sendPasswordLink, updateUser } from '../users/commands';
import { users } from '../db/schema';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});

/** Signs in the way Auth.js does: authorize, then the jwt callback with the user. */
async function session(email: string, password = PASSWORD, now = new Date()) {
  const r = await verifyCredentials(w.db, email, password, null, now);
  if (!r.ok) throw new Error(`sign-in failed: ${r.reason}`);
  return (await jwtCallback({ token: {}, user: r.user }, now))!;
}
/** A later request with that token: does it still get an actor, and does the session endpoint renew it? */
const stands = async (token: Record<string, unknown>, now = new Date()) => {
  const actor = await actorForSession(w.db, token, now);
  const renewed = await jwtCallback({ token }, now);
  expect(Boolean(actor)).toBe(Boolean(renewed));
  expect(await sessionStands(w.db, token, now)).toBe(Boolean(actor));
  return Boolean(actor);
};

describe('sessions end when they should', () => {
  it('a fresh session stands and carries the user, the version and the sign-in time', async () => {
    const token = await session(w.people.repA1.email);
    expect(token).toMatchObject({ uid: w.people.repA1.id, sv: 1, authTime: expect.any(Number) });
    expect(await stands(token)).toBe(true);
  });

  it('changing one\'s own password ends the user\'s other sessions', async () => {
    const laptop = await session(w.people.repA2.email);
    const phone = await session(w.people.repA2.email);
    await changeOwnPassword(w.db, w.actors.repA2, { current: PASSWORD, next: 'Kestrel-Harbour-Lamp-9', confirm: 'Kestrel-Harbour-Lamp-9' });
    expect(await stands(laptop)).toBe(false);
    expect(await stands(phone)).toBe(false);
    // What the account action then does for the browser that changed it: a new session with the new password.
    expect(await stands(await session(w.people.repA2.email, 'Kestrel-Harbour-Lamp-9'))).toBe(true);
  });

  it('an admin\'s password reset ends the user\'s sessions and the old password', async () => {
    const token = await session(w.people.mB.email);
    expect(await sendPasswordLink(w.db, w.actors.admin, w.people.mB.id)).toBe('adminReset');
    expect(await stands(token)).toBe(false);
    expect(await verifyCredentials(w.db, w.people.mB.email, PASSWORD, null)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('deactivation ends the sessions, and reactivating does not bring the old ones back', async () => {
    const token = await session(w.people.repB1.email);
    const u = await getUser(w.db, w.actors.admin, w.people.repB1.id);
    await updateUser(w.db, w.actors.admin, u.id, u.version, { ...u, role: 'rep', locale: 'en', active: false });
    expect(await stands(token)).toBe(false);
    const again = await getUser(w.db, w.actors.admin, u.id);
    await updateUser(w.db, w.actors.admin, u.id, again.version, { ...again, role: 'rep', locale: 'en', active: true });
    expect(await stands(token)).toBe(false);
    expect(await stands(await session(w.people.repB1.email))).toBe(true);
  });

  it('a role change ends the sessions; an edit that changes neither role nor activity does not', async () => {
    const token = await session(w.people.finance.email);
    const u = await getUser(w.db, w.actors.admin, w.people.finance.id);
    await updateUser(w.db, w.actors.admin, u.id, u.version, { ...u, role: 'finance', locale: 'th', active: true, name: 'Renamed' });
    expect(await stands(token)).toBe(true);
    const v = await getUser(w.db, w.actors.admin, u.id);
    await updateUser(w.db, w.actors.admin, u.id, v.version, { ...v, role: 'manager', locale: 'th', active: true });
    expect(await stands(token)).toBe(false);
  });

  it(`has an absolute lifetime of ${SESSION_MAX_SECONDS / 3600} hours, however often it is renewed`, async () => {
    const t0 = new Date();
    let token = await session(w.people.mA.email, PASSWORD, t0);
    // Renewed through the session endpoint every hour, as a thief (or a busy user) would.
    for (let h = 1; h < SESSION_MAX_SECONDS / 3600; h++) {
      const renewed = await jwtCallback({ token }, new Date(t0.getTime() + h * 3600_000));
      expect(renewed).not.toBeNull();
      token = renewed!;
    }
    expect(await stands(token, new Date(t0.getTime() + SESSION_MAX_SECONDS * 1000 - 1000))).toBe(true);
    expect(await stands(token, new Date(t0.getTime() + SESSION_MAX_SECONDS * 1000))).toBe(false);
  });

  it('ignores what the browser sends to the session endpoint, and refuses tokens without a sign-in time', async () => {
    const token = await session(w.people.admin.email);
    const [u] = await w.db.select({ sv: users.sessionVersion }).from(users).where(eq(users.id, w.people.admin.id));
    const updated = await (jwtCallback as (a: unknown) => ReturnType<typeof jwtCallback>)({ token, trigger: 'update', session: { sv: u.sv + 5, authTime: 9e12, uid: w.people.mA.id } });
    expect(updated).toMatchObject({ uid: w.people.admin.id, sv: u.sv, authTime: token.authTime });
    expect(await stands({ uid: w.people.admin.id, sv: u.sv })).toBe(false);
    expect(await stands({ uid: w.people.admin.id, sv: u.sv, authTime: Math.floor(Date.now() / 1000) + 3600 })).toBe(false);
  });
});
