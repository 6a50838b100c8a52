import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { teams, users, userTerritories } from '../db/schema';
import type { Actor } from '../access/actor';
import { assertCan } from '../access/permissions';
import { assignableUserIds } from '../access/visibility';
import { notFound } from '../errors';
import { isUuid } from '../validation';

const publicCols = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  locale: users.locale,
  active: users.active,
  teamId: users.teamId,
  version: users.version,
  // Invited and not yet accepted (or reset by an admin and not yet chosen again): no password.
  invited: sql<boolean>`${users.passwordHash} is null`,
};

export async function listUsers(db: Db, actor: Actor) {
  assertCan(actor, 'user.manage');
  return db
    .select({ ...publicCols, teamName: teams.name })
    .from(users)
    .leftJoin(teams, eq(teams.id, users.teamId))
    .where(eq(users.orgId, actor.orgId))
    .orderBy(asc(users.name));
}

export async function getUser(db: Db, actor: Actor, id: string) {
  assertCan(actor, 'user.manage');
  if (!isUuid(id)) throw notFound();
  const [u] = await db.select(publicCols).from(users).where(and(eq(users.id, id), eq(users.orgId, actor.orgId)));
  if (!u) throw notFound();
  const ts = await db.select({ id: userTerritories.territoryId }).from(userTerritories).where(eq(userTerritories.userId, id));
  return { ...u, territoryIds: ts.map((t) => t.id) };
}

/** People the actor may name as owner of a record (for pickers and filters). */
export async function listAssignableUsers(db: Db, actor: Actor) {
  const allowed = assignableUserIds(actor);
  const where =
    allowed === 'all'
      ? and(eq(users.orgId, actor.orgId), eq(users.active, true))
      : and(eq(users.orgId, actor.orgId), eq(users.active, true), inArray(users.id, allowed));
  return db.select({ id: users.id, name: users.name, role: users.role }).from(users).where(where).orderBy(asc(users.name));
}
