import { beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { makeWorld, PASSWORD, type World } from '../../../tests/support/world';
import { requestPasswordReset, setPasswordWithToken } from './password-reset';
import { peekToken } from './tokens';
import { verifyCredentials } from './credentials';
import { jwtCallback } from './callbacks';
import { sessionStands } from './session-policy';
import { createUser, sendPasswordLink } from '../users/commands';
import { getUser } from '../users/queries';
import { outbox, users, userTokens } from '../db/schema';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});

const minutes = (from: Date, m: number) => new Date(from.getTime() + m * 60_000);
const mailsTo = (to: string) => w.db.select().from(outbox).where(eq(outbox.to, to)).orderBy(desc(outbox.createdAt));
/** The token in the newest mail to this address. */
async function linkIn(to: string, path: 'reset-password' | 'invitation') {
  const [m] = await mailsTo(to);
  const match = new RegExp(`/${path}/([A-Za-z0-9_-]{43})`).exec(m?.text ?? '');
  if (!match) throw new Error(`no ${path} link in the mail to ${to}`);
  return match[1];
}
const input = (token: string, password = 'Lantern-Mango-Ferry-4') => ({ token, password, confirm: password });

describe('forgotten password', () => {
  it('mails a link whose token is stored only as a hash; the link sets the password once', async () => {
    const email = w.people.repA1.email;
    await requestPasswordReset(w.db, email.toUpperCase());
    const token = await linkIn(email, 'reset-password');
    const rows = await w.db.select().from(userTokens).where(eq(userTokens.userId, w.people.repA1.id));
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(await peekToken(w.db, token, 'reset')).toMatchObject({ email });

    await setPasswordWithToken(w.db, 'reset', input(token));
    expect((await verifyCredentials(w.db, email, 'Lantern-Mango-Ferry-4', null)).ok).toBe(true);
    // The owner is told, with the way back.
    const [told] = await mailsTo(email);
    expect(told.subject).toBe('Your password was changed');
    expect(told.text).toContain('/forgot-password');
    expect((await verifyCredentials(w.db, email, PASSWORD, null)).ok).toBe(false);
    // Single use: the same link again is refused, and changes nothing.
    await expect(setPasswordWithToken(w.db, 'reset', input(token, 'Another-Sound-Quiet-8'))).rejects.toMatchObject({ code: 'conflict', message: 'passwordLinkInvalid' });
    expect(await peekToken(w.db, token, 'reset')).toBeNull();
    expect((await verifyCredentials(w.db, email, 'Another-Sound-Quiet-8', null)).ok).toBe(false);
  });

  it('expires after 30 minutes', async () => {
    const email = w.people.repA2.email;
    const t0 = new Date();
    await requestPasswordReset(w.db, email, t0);
    const token = await linkIn(email, 'reset-password');
    expect(await peekToken(w.db, token, 'reset', minutes(t0, 29))).not.toBeNull();
    await expect(setPasswordWithToken(w.db, 'reset', input(token), minutes(t0, 30))).rejects.toMatchObject({ message: 'passwordLinkInvalid' });
    expect(await peekToken(w.db, token, 'reset', minutes(t0, 30))).toBeNull();
  });

  it('does the same for an unknown or deactivated email as for a real one, except that nothing is sent', async () => {
    const ghost = `ghost.${w.tag}@test.local`;
    await expect(requestPasswordReset(w.db, ghost)).resolves.toBeUndefined();
    await expect(requestPasswordReset(w.db, w.people.mA.email)).resolves.toBeUndefined();
    expect(await mailsTo(ghost)).toHaveLength(0);
    await w.db.update(users).set({ active: false }).where(eq(users.id, w.people.finance.id));
    await requestPasswordReset(w.db, w.people.finance.email);
    expect(await mailsTo(w.people.finance.email)).toHaveLength(0);
    await w.db.update(users).set({ active: true }).where(eq(users.id, w.people.finance.id));
  });

  it('mails at most 3 links an hour per email, silently', async () => {
    const email = w.people.mB.email;
    const t0 = new Date();
    for (let i = 0; i < 6; i++) await requestPasswordReset(w.db, email, minutes(t0, i));
    expect(await mailsTo(email)).toHaveLength(3);
    await requestPasswordReset(w.db, email, minutes(t0, 61));
    expect(await mailsTo(email)).toHaveLength(4);
  });

  it('ends every session, and a password about the user is refused without using the link up', async () => {
    const email = w.people.admin.email;
    const signedIn = await verifyCredentials(w.db, email, PASSWORD, null);
    const token = await jwtCallback({ token: {}, user: signedIn.ok ? signedIn.user : null });
    await requestPasswordReset(w.db, email);
    const link = await linkIn(email, 'reset-password');
    await expect(setPasswordWithToken(w.db, 'reset', input(link, `${email.split('@')[0]}-Harbour-1`))).rejects.toMatchObject({ fields: { password: 'passwordCommon' } });
    expect(await sessionStands(w.db, token!)).toBe(true);
    await setPasswordWithToken(w.db, 'reset', input(link));
    expect(await sessionStands(w.db, token!)).toBe(false);
  });

  it('refuses malformed, unknown and wrong-purpose tokens', async () => {
    for (const t of ['', 'x', 'a'.repeat(43), '../../etc/passwd', 'a'.repeat(100)]) {
      await expect(setPasswordWithToken(w.db, 'reset', input(t))).rejects.toMatchObject({ message: 'passwordLinkInvalid' });
      expect(await peekToken(w.db, t, 'reset')).toBeNull();
    }
  });
});

describe('invitations', () => {
  it('a new user is invited by mail and chooses their own password', async () => {
    const email = `new.${w.tag}@test.local`;
    const id = await createUser(w.db, w.actors.admin, { name: 'Nok New', email, role: 'rep', locale: 'th', teamId: null, territoryIds: [w.territories.A1] });
    expect(await getUser(w.db, w.actors.admin, id)).toMatchObject({ invited: true, active: true });
    // Nobody can sign in before the password is chosen.
    expect(await verifyCredentials(w.db, email, '', null)).toEqual({ ok: false, reason: 'invalid' });
    const [mail] = await mailsTo(email);
    expect(mail.subject).toBe(`บัญชีของคุณที่ Org ${w.tag}`);
    expect(mail.text).toContain('Nok New');
    const token = await linkIn(email, 'invitation');
    expect(await peekToken(w.db, token, 'invite')).toMatchObject({ name: 'Nok New', org: `Org ${w.tag}` });
    // An invitation is not a reset link, nor the other way round.
    await expect(setPasswordWithToken(w.db, 'reset', input(token))).rejects.toMatchObject({ message: 'passwordLinkInvalid' });
    await expect(setPasswordWithToken(w.db, 'invite', input(token, 'short'))).rejects.toBeDefined();
    await setPasswordWithToken(w.db, 'invite', input(token));
    expect(await verifyCredentials(w.db, email, 'Lantern-Mango-Ferry-4', null)).toMatchObject({ ok: true, user: { id } });
    expect(await getUser(w.db, w.actors.admin, id)).toMatchObject({ invited: false });
    await expect(setPasswordWithToken(w.db, 'invite', input(token, 'Other-Lantern-Ferry-5'))).rejects.toMatchObject({ message: 'passwordLinkInvalid' });
  });

  it('sending the invitation again retires the old link', async () => {
    const email = `again.${w.tag}@test.local`;
    const id = await createUser(w.db, w.actors.admin, { name: 'Again', email, role: 'rep', locale: 'en', teamId: null, territoryIds: [] });
    const first = await linkIn(email, 'invitation');
    expect(await sendPasswordLink(w.db, w.actors.admin, id)).toBe('invite');
    const second = await linkIn(email, 'invitation');
    expect(second).not.toBe(first);
    expect(await peekToken(w.db, first, 'invite')).toBeNull();
    await setPasswordWithToken(w.db, 'invite', input(second));
    expect((await verifyCredentials(w.db, email, 'Lantern-Mango-Ferry-4', null)).ok).toBe(true);
  });

  it('an invitation expires after 72 hours, and a deactivated user\'s link does not work', async () => {
    const email = `late.${w.tag}@test.local`;
    const id = await createUser(w.db, w.actors.admin, { name: 'Late', email, role: 'rep', locale: 'en', teamId: null, territoryIds: [] });
    const token = await linkIn(email, 'invitation');
    expect(await peekToken(w.db, token, 'invite', minutes(new Date(), 71 * 60))).not.toBeNull();
    expect(await peekToken(w.db, token, 'invite', minutes(new Date(), 72 * 60 + 1))).toBeNull();
    await w.db.update(users).set({ active: false }).where(eq(users.id, id));
    await expect(setPasswordWithToken(w.db, 'invite', input(token))).rejects.toMatchObject({ message: 'passwordLinkInvalid' });
    const [row] = await w.db.select().from(userTokens).where(and(eq(userTokens.userId, id)));
    expect(row.usedAt).toBeNull();
  });

  it('only an admin sends links, within their organization, never to themselves', async () => {
    await expect(sendPasswordLink(w.db, w.actors.mA, w.people.repA1.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(sendPasswordLink(w.db, w.actors.admin2, w.people.repA1.id)).rejects.toMatchObject({ code: 'notFound' });
    await expect(sendPasswordLink(w.db, w.actors.admin, w.people.admin.id)).rejects.toMatchObject({ fields: { id: 'cannotResetSelf' } });
  });
});
