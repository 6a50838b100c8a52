import { beforeAll, describe, expect, it, vi } from 'vitest';
import bcrypt from 'bcryptjs';
import { eq } from 'drizzle-orm';
import { makeWorld, PASSWORD, type World } from '../../../tests/support/world';
import { verifyCredentials } from './credentials';
import { LIMITS, LOCK_MINUTES } from './throttle';
import { users } from '../db/schema';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});
const later = (min: number, from = new Date()) => new Date(from.getTime() + min * 60_000);

describe('sign-in by email and password', () => {
  it('accepts the right password, with the email in any case', async () => {
    const r = await verifyCredentials(w.db, w.people.repA1.email.toUpperCase(), PASSWORD, null);
    expect(r).toMatchObject({ ok: true, user: { id: w.people.repA1.id, role: 'rep' } });
  });

  it('answers a wrong password and an unknown email identically', async () => {
    const wrong = await verifyCredentials(w.db, w.people.repA2.email, 'nope-nope', null);
    const unknown = await verifyCredentials(w.db, `ghost.${w.tag}@test.local`, 'nope-nope', null);
    expect(wrong).toEqual({ ok: false, reason: 'invalid' });
    expect(unknown).toEqual(wrong);
  });

  it('spends one bcrypt comparison whether or not the email exists', async () => {
    const spy = vi.spyOn(bcrypt, 'compare');
    await verifyCredentials(w.db, `ghost2.${w.tag}@test.local`, 'x-x-x-x-x', null);
    expect(spy).toHaveBeenCalledTimes(1);
    await verifyCredentials(w.db, w.people.mB.email, 'x-x-x-x-x', null);
    expect(spy).toHaveBeenCalledTimes(2);
    spy.mockRestore();
  });

  it('refuses a deactivated user', async () => {
    await w.db.update(users).set({ active: false }).where(eq(users.id, w.people.finance.id));
    expect(await verifyCredentials(w.db, w.people.finance.email, PASSWORD, null)).toEqual({ ok: false, reason: 'invalid' });
    await w.db.update(users).set({ active: true }).where(eq(users.id, w.people.finance.id));
  });

  it('locks an email after repeated failures, even for the right password, until the lock expires', async () => {
    const email = w.people.repB1.email;
    const now = new Date();
    for (let i = 0; i < LIMITS.email; i++) {
      expect((await verifyCredentials(w.db, email, `bad-${i}`, null, now)).ok).toBe(false);
    }
    const locked = await verifyCredentials(w.db, email, PASSWORD, null, later(1, now));
    expect(locked).toMatchObject({ ok: false, reason: 'locked' });
    const after = await verifyCredentials(w.db, email, PASSWORD, null, later(LOCK_MINUTES + 1, now));
    expect(after.ok).toBe(true);
  });

  it('forgets earlier failures after a success', async () => {
    const email = w.people.mA.email;
    for (let i = 0; i < LIMITS.email - 1; i++) await verifyCredentials(w.db, email, 'bad-bad', null);
    expect((await verifyCredentials(w.db, email, PASSWORD, null)).ok).toBe(true);
    for (let i = 0; i < LIMITS.email - 1; i++) await verifyCredentials(w.db, email, 'bad-bad', null);
    expect((await verifyCredentials(w.db, email, PASSWORD, null)).ok).toBe(true);
  });

  it('locks an address that tries many different emails', async () => {
    const ip = `203.0.113.${Math.floor(Math.random() * 250)}-${w.tag}`;
    for (let i = 0; i < LIMITS.ip; i++) await verifyCredentials(w.db, `spray${i}.${w.tag}@test.local`, 'guess-1', ip);
    const r = await verifyCredentials(w.db, w.people.admin.email, PASSWORD, ip);
    expect(r).toMatchObject({ ok: false, reason: 'locked' });
    expect((await verifyCredentials(w.db, w.people.admin.email, PASSWORD, null)).ok).toBe(true);
  });
});
