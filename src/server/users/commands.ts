import 'server-only';
import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { customers, teams, territories, users, userTerritories } from '../db/schema';
import type { Actor } from '../access/actor';
import { assertCan } from '../access/permissions';
import { invalid, stale } from '../errors';
import { writeAudit } from '../audit/write';
import { isUniqueViolation } from '../db/errors';
import { hashPassword } from '../auth/password';
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

export async function createUser(db: Db, actor: Actor, input: NewUserInput): Promise<string> {
  assertCan(actor, 'user.manage');
  await checkRefs(db, actor, input);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [u] = await tx
      .insert(users)
      .values({ orgId: actor.orgId, name: input.name, email: input.email, role: input.role, locale: input.locale, teamId: input.teamId, passwordHash })
      .returning({ id: users.id });
    const ids = [...new Set(input.territoryIds)];
    if (ids.length) await tx.insert(userTerritories).values(ids.map((territoryId) => ({ userId: u.id, territoryId })));
    await writeAudit(tx, actor, actor.orgId, 'user', u.id, 'create', { email: input.email, role: input.role });
    return u.id;
  }).catch(emailTakenMeanwhile);
}

export async function updateUser(db: Db, actor: Actor, id: string, expectedVersion: number, input: EditUserInput): Promise<void> {
  const current = await getUser(db, actor, id);
  if (id === actor.id && (!input.active || input.role !== 'admin')) throw invalid({ active: 'cannotDemoteSelf' });
  await checkRefs(db, actor, input, id);
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  await db.transaction(async (tx) => {
    const done = await tx
      .update(users)
      .set({
        name: input.name,
        email: input.email,
        role: input.role,
        locale: input.locale,
        teamId: input.teamId,
        active: input.active,
        ...(passwordHash ? { passwordHash } : {}),
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
      passwordReset: Boolean(passwordHash) || undefined,
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
