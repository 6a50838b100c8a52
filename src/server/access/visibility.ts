import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from './actor';

/**
 * The one rule for which owned, territory-placed rows an actor may see.
 * Every list, detail, count, search, sum and export of such rows adds this predicate.
 */
export function ownedScope(
  actor: Actor,
  cols: { orgId: PgColumn; ownerId: PgColumn; territoryId?: PgColumn | null },
): SQL {
  const inOrg = eq(cols.orgId, actor.orgId);
  if (actor.seesAll) return inOrg;
  const parts: SQL[] = [];
  if (actor.scopeUserIds.length) parts.push(inArray(cols.ownerId, actor.scopeUserIds));
  if (cols.territoryId && actor.scopeTerritoryIds.length) {
    parts.push(inArray(cols.territoryId, actor.scopeTerritoryIds));
  }
  if (!parts.length) return and(inOrg, sql`false`)!;
  return and(inOrg, parts.length === 1 ? parts[0] : or(...parts))!;
}

/** Rows of the actor's organization only (settings, users, territories). */
export function orgScope(actor: Actor, orgId: PgColumn): SQL {
  return eq(orgId, actor.orgId);
}

/** Users an actor may pick as an owner: self for a rep, the team for a manager, anyone for admin. */
export function assignableUserIds(actor: Actor): string[] | 'all' {
  if (actor.role === 'admin' || actor.role === 'finance') return 'all';
  return actor.scopeUserIds;
}
