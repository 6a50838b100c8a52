import { beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, PASSWORD, type World } from '../../../tests/support/world';
import { changeOwnLocale, changeOwnPassword, passwordChange } from './index';
import { verifyCredentials } from '../auth/credentials';
import { loadActor } from '../access/load-actor';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});

describe('my account', () => {
  it('refuses a password change with the wrong current password', async () => {
    await expect(changeOwnPassword(w.db, w.actors.repA1, { current: 'wrong-one', next: 'new-password-1', confirm: 'new-password-1' })).rejects.toMatchObject({ fields: { current: 'wrongPassword' } });
    expect((await verifyCredentials(w.db, w.people.repA1.email, PASSWORD, null)).ok).toBe(true);
  });

  it('changes the password: the new one works, the old one no longer does', async () => {
    await changeOwnPassword(w.db, w.actors.repA2, { current: PASSWORD, next: 'new-password-1', confirm: 'new-password-1' });
    expect((await verifyCredentials(w.db, w.people.repA2.email, 'new-password-1', null)).ok).toBe(true);
    expect((await verifyCredentials(w.db, w.people.repA2.email, PASSWORD, null)).ok).toBe(false);
  });

  it('checks length and confirmation', () => {
    expect(passwordChange.safeParse({ current: 'x', next: 'short', confirm: 'short' }).error!.issues[0].message).toBe('passwordTooShort');
    expect(passwordChange.safeParse({ current: 'x', next: 'long-enough', confirm: 'long-enougH' }).error!.issues[0]).toMatchObject({ path: ['confirm'], message: 'passwordMismatch' });
  });

  it('saves the language', async () => {
    await changeOwnLocale(w.db, w.actors.repB1, 'ru');
    expect((await loadActor(w.db, w.people.repB1.id))!.locale).toBe('ru');
  });
});
