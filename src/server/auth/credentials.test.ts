import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import bcrypt from 'bcryptjs';
import { and, eq } from 'drizzle-orm';
import { makeWorld, PASSWORD, type World } from '../../../tests/support/world';
import { verifyCredentials } from './credentials';
import { attemptsOf, delaySeconds, POLICY } from './throttle';
import { hashPassword } from './password';
import { DEMO_PASSWORD } from './password-policy';
import { outbox, users } from '../db/schema';

let w: World;
const onPostgres = Boolean(process.env.DATABASE_URL);
beforeAll(async () => {
  w = await makeWorld();
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});
// Addresses of this run only (the PostgreSQL database is shared by runs and files).
const v4 = (n: number) => `10.${n}.${parseInt(w.tag.slice(0, 2), 16)}.${parseInt(w.tag.slice(2, 4), 16)}`;
const v6net = () => `2001:db8:${w.tag.slice(0, 4)}:${w.tag.slice(4, 8)}`;
const at = (from: Date, seconds: number) => new Date(from.getTime() + seconds * 1000);
const mailsTo = (to: string) => w.db.select().from(outbox).where(eq(outbox.to, to));

describe('sign-in by email and password', () => {
  it('accepts the right password, with the email in any case', async () => {
    const r = await verifyCredentials(w.db, w.people.repA1.email.toUpperCase(), PASSWORD, null);
    expect(r).toMatchObject({ ok: true, user: { id: w.people.repA1.id, role: 'rep', sessionVersion: 1 } });
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
  });

  it('refuses a deactivated user', async () => {
    await w.db.update(users).set({ active: false }).where(eq(users.id, w.people.finance.id));
    expect(await verifyCredentials(w.db, w.people.finance.email, PASSWORD, null)).toEqual({ ok: false, reason: 'invalid' });
    await w.db.update(users).set({ active: true }).where(eq(users.id, w.people.finance.id));
  });

  it('refuses an invited user who has not set a password yet, at the same cost', async () => {
    const [u] = await w.db.insert(users).values({ orgId: w.org.id, role: 'rep', name: 'Invited', email: `invited.${w.tag}@test.local`, passwordHash: null }).returning();
    const spy = vi.spyOn(bcrypt, 'compare');
    expect(await verifyCredentials(w.db, u.email, '', null)).toEqual({ ok: false, reason: 'invalid' });
    expect(await verifyCredentials(w.db, u.email, 'anything-at-all', null)).toEqual({ ok: false, reason: 'invalid' });
    expect(spy).toHaveBeenCalledTimes(2);
  });
});

describe('growing delays instead of a lock', () => {
  it(`lets ${POLICY.email.free} attempts through, then makes each wait longer, up to a minute, and the owner can still get in`, async () => {
    const email = w.people.repB1.email;
    let now = new Date('2031-03-01T08:00:00Z');
    for (let i = 0; i < POLICY.email.free; i++) expect(await verifyCredentials(w.db, email, `bad-${i}`, null, now)).toEqual({ ok: false, reason: 'invalid' });
    const waits: number[] = [];
    for (let round = 0; round < 5; round++) {
      // Tried again at once: refused without a password check, told when to come back.
      const spy = vi.spyOn(bcrypt, 'compare');
      const early = await verifyCredentials(w.db, email, PASSWORD, null, now);
      expect(early.ok).toBe(false);
      expect(spy).not.toHaveBeenCalled();
      spy.mockRestore();
      if (early.ok || early.reason !== 'throttled') throw new Error('expected a delay');
      const wait = (early.retryAt.getTime() - now.getTime()) / 1000;
      waits.push(wait);
      // Refused attempts count, but do not push the pending delay further.
      expect(await verifyCredentials(w.db, email, PASSWORD, null, at(now, wait / 2))).toMatchObject({ reason: 'throttled', retryAt: early.retryAt });
      now = early.retryAt;
      expect(await verifyCredentials(w.db, email, `bad-again-${round}`, null, now)).toEqual({ ok: false, reason: 'invalid' });
    }
    // 5 free attempts, then the wait doubles with every attempt counted (the two refused ones of each
    // round count too): after the 5th, 8th, 11th... attempt.
    const row = await attemptsOf(w.db, { kind: 'email', value: email });
    expect(waits).toEqual([1, 8, 60, 60, 60]);
    expect(waits).toEqual([5, 8, 11, 14, 17].map((n) => delaySeconds('email', n)));
    expect(waits.every((s, i) => i === 0 || s >= waits[i - 1])).toBe(true);
    expect(Math.max(...waits)).toBe(POLICY.email.maxSeconds);
    expect(row!.failures).toBe(POLICY.email.free + 5 * 3);
    // The owner waits at most a minute, then gets in; the run is over.
    const r = await verifyCredentials(w.db, email, PASSWORD, null, at(now, POLICY.email.maxSeconds));
    expect(r.ok).toBe(true);
    expect(await attemptsOf(w.db, { kind: 'email', value: email })).toBeNull();
  });

  it('forgets a run after an hour without attempts', async () => {
    const email = `quiet.${w.tag}@test.local`;
    const t0 = new Date('2031-04-01T08:00:00Z');
    for (let i = 0; i < POLICY.email.free + 3; i++) await verifyCredentials(w.db, email, 'bad-bad', null, t0);
    expect((await verifyCredentials(w.db, email, 'bad-bad', null, at(t0, 30))).ok).toBe(false);
    const later = at(t0, (POLICY.email.quietMinutes + 1) * 60);
    expect(await verifyCredentials(w.db, email, 'bad-bad', null, later)).toEqual({ ok: false, reason: 'invalid' });
    expect((await attemptsOf(w.db, { kind: 'email', value: email }))!.failures).toBe(1);
  });

  it('slows down an address that tries many emails, and a success gives its attempt back', async () => {
    const ip = v4(1);
    const t0 = new Date('2031-05-01T08:00:00Z');
    // People at one office signing in all morning do not add up.
    for (let i = 0; i < POLICY.ip.free + 5; i++) expect((await verifyCredentials(w.db, w.people.mA.email, PASSWORD, ip, t0)).ok).toBe(true);
    expect((await attemptsOf(w.db, { kind: 'ip', value: ip }))!.failures).toBe(0);
    for (let i = 0; i < POLICY.ip.free; i++) await verifyCredentials(w.db, `spray${i}.${w.tag}@test.local`, 'guess-1', ip, t0);
    const r = await verifyCredentials(w.db, w.people.admin.email, PASSWORD, ip, t0);
    expect(r).toMatchObject({ ok: false, reason: 'throttled' });
    // Another address is not concerned.
    expect((await verifyCredentials(w.db, w.people.admin.email, PASSWORD, '198.51.100.9', t0)).ok).toBe(true);
    expect((await verifyCredentials(w.db, w.people.admin.email, PASSWORD, ip, at(t0, delaySeconds('ip', POLICY.ip.free + 1)))).ok).toBe(true);
  });

  it('counts an IPv6 client by its /64 network', async () => {
    const t0 = new Date('2031-06-01T08:00:00Z');
    for (let i = 0; i < POLICY.ip.free; i++) await verifyCredentials(w.db, `v6spray${i}.${w.tag}@test.local`, 'guess-1', `${v6net()}::${(i + 1).toString(16)}`, t0);
    const r = await verifyCredentials(w.db, w.people.admin.email, PASSWORD, `${v6net()}:ffff:1:2:3`, t0);
    expect(r).toMatchObject({ ok: false, reason: 'throttled' });
    expect((await attemptsOf(w.db, { kind: 'ip', value: `${v6net().replace(/:0+(?=[0-9a-f])/g, ':')}::/64` }))!.failures).toBe(POLICY.ip.free + 1);
  });

  it('mails the owner once when the delays start, in their language, and nobody for an unknown email', async () => {
    await w.db.update(users).set({ locale: 'ru' }).where(eq(users.id, w.people.repA2.id));
    const t0 = new Date('2031-07-01T08:00:00Z');
    for (let i = 0; i < POLICY.email.free + 6; i++) await verifyCredentials(w.db, w.people.repA2.email, `guess-${i}`, v4(2), at(t0, i * 120));
    const mails = await mailsTo(w.people.repA2.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe('Кто-то пытается войти в вашу учётную запись');
    expect(mails[0].text).toContain(v4(2));
    expect(mails[0].text).toContain(`${POLICY.email.free}`);
    expect(mails[0].text).toContain('/forgot-password');
    const ghost = `nobody.${w.tag}@test.local`;
    for (let i = 0; i < POLICY.email.free + 1; i++) await verifyCredentials(w.db, ghost, 'guess', null, t0);
    expect(await mailsTo(ghost)).toHaveLength(0);
  });
});

describe('the published demo password', () => {
  it('is refused in production unless DEMO_MODE is set', async () => {
    const [u] = await w.db
      .insert(users)
      .values({ orgId: w.org.id, role: 'rep', name: 'Demo', email: `demo.${w.tag}@test.local`, passwordHash: await hashPassword(DEMO_PASSWORD) })
      .returning();
    expect((await verifyCredentials(w.db, u.email, DEMO_PASSWORD, null)).ok).toBe(true);
    vi.stubEnv('NODE_ENV', 'production');
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await verifyCredentials(w.db, u.email, DEMO_PASSWORD, null)).toEqual({ ok: false, reason: 'invalid' });
    vi.stubEnv('DEMO_MODE', 'true');
    expect((await verifyCredentials(w.db, u.email, DEMO_PASSWORD, null)).ok).toBe(true);
  });
});

// PGlite has a single connection, so a race there passes whatever the code does; the proof needs
// real parallel connections, which the PostgreSQL leg of CI provides.
if (!onPostgres) console.log('[sign-in] parallel-guess tests skipped: they need DATABASE_URL (real PostgreSQL, parallel connections)');

describe.runIf(onPostgres)('sign-in under parallel guessing (PostgreSQL)', () => {
  it('40 guesses sent at once count as 40, and only the free ones get a password check (10 rounds)', async () => {
    for (let round = 0; round < 10; round++) {
      const [u] = await w.db
        .insert(users)
        .values({ orgId: w.org.id, role: 'rep', name: `Target ${round}`, email: `target${round}.${w.tag}@test.local`, passwordHash: await hashPassword(PASSWORD) })
        .returning();
      const spy = vi.spyOn(bcrypt, 'compare');
      const results = await Promise.all(Array.from({ length: 40 }, (_, i) => verifyCredentials(w.db, u.email, `wrong-${i}`, null)));
      expect(results.filter((r) => !r.ok && r.reason === 'invalid'), `round ${round}`).toHaveLength(POLICY.email.free);
      expect(results.filter((r) => !r.ok && r.reason === 'throttled')).toHaveLength(40 - POLICY.email.free);
      expect(spy).toHaveBeenCalledTimes(POLICY.email.free);
      spy.mockRestore();
      expect((await attemptsOf(w.db, { kind: 'email', value: u.email }))!.failures).toBe(40);
      // The right password right after 40 failures: still waiting, not let in.
      expect(await verifyCredentials(w.db, u.email, PASSWORD, null)).toMatchObject({ ok: false, reason: 'throttled' });
      // One warning mail, although 40 attempts crossed the threshold together.
      expect(await w.db.select().from(outbox).where(and(eq(outbox.to, u.email)))).toHaveLength(1);
    }
  });

  it('39 wrong guesses and the right one at once: at most the free attempts are checked', async () => {
    const [u] = await w.db
      .insert(users)
      .values({ orgId: w.org.id, role: 'rep', name: 'Mixed', email: `mixed.${w.tag}@test.local`, passwordHash: await hashPassword(PASSWORD) })
      .returning();
    const spy = vi.spyOn(bcrypt, 'compare');
    const guesses = Array.from({ length: 40 }, (_, i) => (i === 39 ? PASSWORD : `wrong-${i}`));
    const results = await Promise.all(guesses.map((g) => verifyCredentials(w.db, u.email, g, null)));
    const checked = results.filter((r) => r.ok || r.reason === 'invalid').length;
    expect(checked).toBe(POLICY.email.free);
    expect(spy.mock.calls.length).toBeLessThanOrEqual(POLICY.email.free + 1); // + the rehash-free success path compares once
  });
});
