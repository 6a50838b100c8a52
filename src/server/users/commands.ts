import 'server-only';
import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { customers, organizations, teams, territories, users, userTerritories } from '../db/schema';
import type { Actor } from '../access/actor';
import { assertCan } from '../access/permissions';
import { holdRefs } from '../access/refs';
import { conflict, invalid, stale } from '../errors';
import { writeAudit } from '../audit/write';
import { isUniqueViolation } from '../db/errors';
import { queueMail } from '../mail';
import { issueToken, LIFETIME_MS, revokeTokens } from '../auth/tokens';
import { appUrl, authMail } from '../auth/mails';
import { getUser } from './queries';
import type { EditUserInput, NewUserInput } from './schemas';

async function checkRefs(db: Db, actor: Actor, input: { email: string; teamId: string | null; territoryIds: string[] }, selfId?: string) {
  const dup = await db
    .select({ id: users.id })
    .from(users)
    .where(and(sql`lower(${users.email}) = ${input.email.toLowerCase()}`, selfId ? ne(users.id, selfId) : undefined));
  if (dup.length) throw invalid({ email: 'emailTaken' });
  if (input.teamId) {
    const [t] = await db.select({ id: teams.id }).from(teams).where(and(eq(teams.id, input.teamId), eq(teams.orgId, actor.orgId)));
    if (!t) throw invalid({ teamId: 'invalidChoice' });
  }
  if (input.territoryIds.length) {
    const ts = await db
      .select({ id: territories.id })
      .from(territories)
      .where(and(inArray(territories.id, input.territoryIds), eq(territories.orgId, actor.orgId), isNull(territories.retiredAt)));
    if (ts.length !== new Set(input.territoryIds).size) throw invalid({ territoryIds: 'invalidChoice' });
  }
}

/**
 * checkRefs() reads for a taken email before the transaction, as a courtesy; the unique index on
 * lower(email) is the rule. The same email saved twice at once fails there and says so the same way.
 */
function emailTakenMeanwhile(e: unknown): never {
  if (isUniqueViolation(e)) throw invalid({ email: 'emailTaken' });
  throw e;
}

/** The mail with a link to set a password: an invitation, or (after an admin's reset) a new-password link. */
async function queuePasswordLink(tx: Db, actor: Actor, user: { id: string; email: string; name: string; locale: string }, kind: 'invite' | 'adminReset') {
  const token = await issueToken(tx, user.id, 'invite');
  const [org] = await tx.select({ name: organizations.legalName }).from(organizations).where(eq(organizations.id, actor.orgId));
  await queueMail(
    tx,
    await authMail({ orgId: actor.orgId, email: user.email, locale: user.locale }, kind, {
      name: user.name,
      org: org?.name ?? '',
      by: actor.name,
      link: `${appUrl()}/invitation/${token}`,
      hours: String(LIFETIME_MS.invite / 3_600_000),
    }),
  );
}

/**
 * Creates a user without a password and mails them an invitation: they choose their own password
 * through a single-use link (72 hours). Nobody else ever types or sees it.
 */
export async function createUser(db: Db, actor: Actor, input: NewUserInput): Promise<string> {
  assertCan(actor, 'user.manage');
  await checkRefs(db, actor, input);
  return db.transaction(async (tx) => {
    await holdRefs(tx, { teamId: { table: 'team', id: input.teamId }, ...heldTerritories(input.territoryIds) });
    const [u] = await tx
      .insert(users)
      .values({ orgId: actor.orgId, name: input.name, email: input.email, role: input.role, locale: input.locale, teamId: input.teamId, passwordHash: null })
      .returning({ id: users.id });
    const ids = [...new Set(input.territoryIds)];
    if (ids.length) await tx.insert(userTerritories).values(ids.map((territoryId) => ({ userId: u.id, territoryId })));
    await queuePasswordLink(tx, actor, { id: u.id, email: input.email, name: input.name, locale: input.locale }, 'invite');
    await writeAudit(tx, actor, actor.orgId, 'user', u.id, 'create', { email: input.email, role: input.role, invited: true });
    return u.id;
  }).catch(emailTakenMeanwhile);
}

/**
 * An admin's password reset, or a new invitation for someone who never set a password: the current
 * password stops working at once, every session of the user ends, and a link to choose a new one
 * (72 hours) goes to the user's own address. Admins reset their own password under My account.
 */
export async function sendPasswordLink(db: Db, actor: Actor, id: string): Promise<'invite' | 'adminReset'> {
  const user = await getUser(db, actor, id);
  if (id === actor.id) throw invalid({ id: 'cannotResetSelf' });
  if (!user.active) throw conflict('userInactive');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ passwordHash: users.passwordHash })
      .from(users)
      .where(and(eq(users.id, id), eq(users.orgId, actor.orgId), eq(users.active, true)))
      .for('update');
    if (!row) throw conflict('userInactive');
    const kind = row.passwordHash === null ? 'invite' : 'adminReset';
    await tx
      .update(users)
      .set({ passwordHash: null, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, id));
    await revokeTokens(tx, id);
    await queuePasswordLink(tx, actor, user, kind);
    await writeAudit(tx, actor, actor.orgId, 'user', id, kind === 'invite' ? 'invitationResent' : 'passwordReset');
    return kind;
  });
}

/** The territories a user is placed in, held while the placement is written. */
const heldTerritories = (ids: string[]) => Object.fromEntries([...new Set(ids)].map((t, i) => [`territoryIds#${i}`, { table: 'territory' as const, id: t }]));

/**
 * An organization always keeps an active admin: the other active admins are locked (in id order) and
 * counted inside the transaction, so two admins demoting each other at once cannot both succeed.
 */
async function keepOneAdmin(tx: Db, orgId: string, leaving: string) {
  const admins = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.role, 'admin'), eq(users.active, true)))
    .orderBy(asc(users.id))
    .for('update');
  if (!admins.some((a) => a.id !== leaving)) throw invalid({ role: 'lastAdmin' });
}

export async function updateUser(db: Db, actor: Actor, id: string, expectedVersion: number, input: EditUserInput): Promise<void> {
  const current = await getUser(db, actor, id);
  if (id === actor.id && (!input.active || input.role !== 'admin')) throw invalid({ active: 'cannotDemoteSelf' });
  await checkRefs(db, actor, input, id);
  await db.transaction(async (tx) => {
    await holdRefs(tx, { teamId: { table: 'team', id: input.teamId }, ...heldTerritories(input.territoryIds) });
    if (current.role === 'admin' && current.active && (input.role !== 'admin' || !input.active)) await keepOneAdmin(tx, actor.orgId, id);
    const done = await tx
      .update(users)
      .set({
        name: input.name,
        email: input.email,
        role: input.role,
        locale: input.locale,
        teamId: input.teamId,
        active: input.active,
        // A new role or a deactivation ends the user's sessions (compared with the row being written).
        sessionVersion: sql`case when ${users.role} <> ${input.role}::role or ${users.active} <> ${input.active} then ${users.sessionVersion} + 1 else ${users.sessionVersion} end`,
        version: expectedVersion + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(users.id, id), eq(users.version, expectedVersion)))
      .returning({ id: users.id });
    if (!done.length) throw stale();
    await tx.delete(userTerritories).where(eq(userTerritories.userId, id));
    const ids = [...new Set(input.territoryIds)];
    if (ids.length) await tx.insert(userTerritories).values(ids.map((territoryId) => ({ userId: id, territoryId })));
    await writeAudit(tx, actor, actor.orgId, 'user', id, 'update', {
      role: current.role !== input.role ? { from: current.role, to: input.role } : undefined,
      active: current.active !== input.active ? { from: current.active, to: input.active } : undefined,
    });
  }).catch(emailTakenMeanwhile);
}

/** Hands every customer owned by one user to another (e.g. when someone leaves). */
export async function reassignCustomers(db: Db, actor: Actor, fromUserId: string, toUserId: string): Promise<number> {
  assertCan(actor, 'user.manage');
  await getUser(db, actor, fromUserId);
  const to = await getUser(db, actor, toUserId).catch(() => null);
  if (!to || !to.active || fromUserId === toUserId) throw invalid({ toUserId: 'invalidChoice' });
  return db.transaction(async (tx) => {
    const moved = await tx
      .update(customers)
      .set({ ownerId: toUserId, version: sql`${customers.version} + 1`, updatedAt: new Date() })
      .where(and(eq(customers.ownerId, fromUserId), eq(customers.orgId, actor.orgId)))
      .returning({ id: customers.id });
    await writeAudit(tx, actor, actor.orgId, 'user', fromUserId, 'reassign', { toUserId, customers: moved.length });
    return moved.length;
  });
}
