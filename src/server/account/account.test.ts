import { beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, PASSWORD, type World } from '../../../tests/support/world';
import { changeOwnLocale, changeOwnPassword, passwordChange } from './index';
import { verifyCredentials } from '../auth/credentials';
import { loadActor } from '../access/load-actor';
import { eq } from 'drizzle-orm';
import { outbox } from '../db/schema';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});

describe('my account', () => {
  const NEXT = 'Pelican-Orbit-Maple-3';

  it('refuses a password change with the wrong current password', async () => {
    await expect(changeOwnPassword(w.db, w.actors.repA1, { current: 'wrong-one', next: NEXT, confirm: NEXT })).rejects.toMatchObject({ fields: { current: 'wrongPassword' } });
    expect((await verifyCredentials(w.db, w.people.repA1.email, PASSWORD, null)).ok).toBe(true);
  });

  it('changes the password: the new one works, the old one no longer does', async () => {
    await changeOwnPassword(w.db, w.actors.repA2, { current: PASSWORD, next: NEXT, confirm: NEXT });
    expect((await verifyCredentials(w.db, w.people.repA2.email, NEXT, null)).ok).toBe(true);
    expect((await verifyCredentials(w.db, w.people.repA2.email, PASSWORD, null)).ok).toBe(false);
    const mails = await w.db.select().from(outbox).where(eq(outbox.to, w.people.repA2.email));
    expect(mails.map((m) => m.subject)).toEqual(['Your password was changed']);
  });

  it('checks length, common passwords, the user\'s own name and the confirmation', async () => {
    expect(passwordChange.safeParse({ current: 'x', next: 'short-pass1', confirm: 'short-pass1' }).error!.issues[0].message).toBe('passwordTooShort');
    expect(passwordChange.safeParse({ current: 'x', next: 'password1234', confirm: 'password1234' }).error!.issues[0].message).toBe('passwordCommon');
    expect(passwordChange.safeParse({ current: 'x', next: NEXT, confirm: `${NEXT}x` }).error!.issues[0]).toMatchObject({ path: ['confirm'], message: 'passwordMismatch' });
    await expect(changeOwnPassword(w.db, w.actors.mA, { current: PASSWORD, next: `${w.people.mA.email}-Orbit`, confirm: `${w.people.mA.email}-Orbit` })).rejects.toMatchObject({ fields: { next: 'passwordCommon' } });
  });

  it('guesses of the current password count like sign-in attempts for the account', async () => {
    for (let i = 0; i < 5; i++) {
      await expect(changeOwnPassword(w.db, w.actors.mB, { current: `guess-${i}`, next: NEXT, confirm: NEXT })).rejects.toMatchObject({ fields: { current: 'wrongPassword' } });
    }
    await expect(changeOwnPassword(w.db, w.actors.mB, { current: PASSWORD, next: NEXT, confirm: NEXT })).rejects.toMatchObject({ fields: { current: 'passwordThrottled' } });
    expect(await verifyCredentials(w.db, w.people.mB.email, PASSWORD, null)).toMatchObject({ ok: false, reason: 'throttled' });
  });

  it('saves the language', async () => {
    await changeOwnLocale(w.db, w.actors.repB1, 'ru');
    expect((await loadActor(w.db, w.people.repB1.id))!.locale).toBe('ru');
  });
});
