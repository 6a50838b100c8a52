import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { organizations, teams, users, userTerritories } from '../db/schema';
import type { Actor, Role } from './actor';

/**
 * Builds the Actor for a user id, or null when the user is unknown or deactivated. For a session,
 * `sessionVersion` is the version its token carries: a user whose version has moved on since
 * (password changed or reset, role changed, deactivated and back) gets null, so that session ends.
 */
export async function loadActor(db: Db, userId: string, session?: { sessionVersion: number }): Promise<Actor | null> {
  const [row] = await db
    .select({ user: users, org: organizations })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.orgId))
    .where(and(eq(users.id, userId), eq(users.active, true)));
  if (!row) return null;
  if (session && row.user.sessionVersion !== session.sessionVersion) return null;
  const { user, org } = row;
  const role = user.role as Role;
  const seesAll = role === 'admin' || role === 'finance';

  let scopeUserIds = [user.id];
  if (role === 'manager') {
    const members = await db
      .select({ id: users.id })
      .from(users)
      .innerJoin(teams, eq(teams.id, users.teamId))
      .where(and(eq(teams.managerId, user.id), eq(teams.orgId, user.orgId)));
    scopeUserIds = [...new Set([user.id, ...members.map((m) => m.id)])];
  }

  let scopeTerritoryIds: string[] = [];
  if (!seesAll) {
    const direct = await db
      .select({ id: userTerritories.territoryId })
      .from(userTerritories)
      .where(inArray(userTerritories.userId, scopeUserIds));
    if (direct.length) {
      // A territory covers its whole subtree (Bangkok covers its districts).
      const ids = direct.map((d) => d.id);
      const rows = await db.execute<{ id: string }>(sql`
        with recursive sub(id) as (
          select id from territories where id in (${sql.join(ids.map((i) => sql`${i}::uuid`), sql`, `)})
          union
          select t.id from territories t join sub on t.parent_id = sub.id
        )
        select id from sub`);
      scopeTerritoryIds = rowsOf<{ id: string }>(rows).map((r) => r.id);
    }
  }

  return {
    id: user.id,
    orgId: user.orgId,
    role,
    name: user.name,
    email: user.email,
    locale: user.locale,
    teamId: user.teamId,
    scopeUserIds,
    scopeTerritoryIds,
    seesAll,
    org: { currency: org.currency, timeZone: org.timeZone, locale: org.locale, country: org.country },
  };
}

/** postgres.js returns an array; PGlite returns { rows }. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
