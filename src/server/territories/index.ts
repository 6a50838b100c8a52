import 'server-only';
import { and, asc, count, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { customers, territories, userTerritories } from '../db/schema';
import type { Actor } from '../access/actor';
import { assertCan } from '../access/permissions';
import { DomainError, inUse, invalid, notFound } from '../errors';
import { writeAudit } from '../audit/write';
import { isUuid, optionalUuid, requiredText } from '../validation';

export const territoryInput = z.object({ name: requiredText(120), parentId: optionalUuid });

export type TerritoryNode = { id: string; name: string; parentId: string | null; retired: boolean; depth: number; path: string };

/** The organization's territory tree, flattened depth-first in name order. */
export async function listTerritories(db: Db, actor: Actor, opts: { includeRetired?: boolean } = {}): Promise<TerritoryNode[]> {
  const rows = await db
    .select()
    .from(territories)
    .where(and(eq(territories.orgId, actor.orgId), opts.includeRetired ? undefined : isNull(territories.retiredAt)))
    .orderBy(asc(territories.name));
  const byParent = new Map<string | null, typeof rows>();
  const ids = new Set(rows.map((r) => r.id));
  for (const r of rows) {
    const key = r.parentId && ids.has(r.parentId) ? r.parentId : null;
    byParent.set(key, [...(byParent.get(key) ?? []), r]);
  }
  const out: TerritoryNode[] = [];
  const walk = (parent: string | null, depth: number, prefix: string) => {
    for (const r of byParent.get(parent) ?? []) {
      const path = prefix ? `${prefix} › ${r.name}` : r.name;
      out.push({ id: r.id, name: r.name, parentId: r.parentId, retired: r.retiredAt != null, depth, path });
      walk(r.id, depth + 1, path);
    }
  };
  walk(null, 0, '');
  return out;
}

async function getTerritory(db: Db, actor: Actor, id: string) {
  if (!isUuid(id)) throw notFound();
  const [t] = await db.select().from(territories).where(and(eq(territories.id, id), eq(territories.orgId, actor.orgId)));
  if (!t) throw notFound();
  return t;
}

async function checkParent(db: Db, actor: Actor, id: string | null, parentId: string | null) {
  if (!parentId) return;
  const parent = await getTerritory(db, actor, parentId).catch(() => null);
  if (!parent || parent.retiredAt) throw invalid({ parentId: 'invalidChoice' });
  if (!id) return;
  // Walk up from the new parent: meeting the node itself would make a cycle.
  let cursor: string | null = parentId;
  for (let guard = 0; cursor && guard < 1000; guard++) {
    if (cursor === id) throw invalid({ parentId: 'territoryCycle' });
    const [row] = await db.select({ parentId: territories.parentId }).from(territories).where(eq(territories.id, cursor));
    cursor = row?.parentId ?? null;
  }
}

export async function createTerritory(db: Db, actor: Actor, input: z.infer<typeof territoryInput>): Promise<string> {
  assertCan(actor, 'territory.manage');
  await checkParent(db, actor, null, input.parentId);
  return db.transaction(async (tx) => {
    const [t] = await tx.insert(territories).values({ orgId: actor.orgId, name: input.name, parentId: input.parentId }).returning({ id: territories.id });
    await writeAudit(tx, actor, actor.orgId, 'territory', t.id, 'create', input);
    return t.id;
  });
}

/** Renames and/or moves a node. */
export async function updateTerritory(db: Db, actor: Actor, id: string, input: z.infer<typeof territoryInput>): Promise<void> {
  assertCan(actor, 'territory.manage');
  const current = await getTerritory(db, actor, id);
  await checkParent(db, actor, id, input.parentId);
  await db.transaction(async (tx) => {
    await tx.update(territories).set({ name: input.name, parentId: input.parentId, version: current.version + 1 }).where(eq(territories.id, id));
    await writeAudit(tx, actor, actor.orgId, 'territory', id, 'update', {
      name: current.name !== input.name ? { from: current.name, to: input.name } : undefined,
      parentId: current.parentId !== input.parentId ? { from: current.parentId, to: input.parentId } : undefined,
    });
  });
}

/** Retiring hides a node from pickers; records placed in it keep it. */
export async function setTerritoryRetired(db: Db, actor: Actor, id: string, retired: boolean): Promise<void> {
  assertCan(actor, 'territory.manage');
  await getTerritory(db, actor, id);
  if (retired) {
    const [kids] = await db.select({ n: count() }).from(territories).where(and(eq(territories.parentId, id), isNull(territories.retiredAt)));
    if (Number(kids.n) > 0) throw new DomainError('inUse', 'active children', { id: 'territoryHasChildren' });
  }
  await db.transaction(async (tx) => {
    await tx.update(territories).set({ retiredAt: retired ? new Date() : null }).where(eq(territories.id, id));
    await writeAudit(tx, actor, actor.orgId, 'territory', id, retired ? 'retire' : 'reinstate');
  });
}

/** Deletes a node nobody uses: no children, no customers, no assigned people. */
export async function deleteTerritory(db: Db, actor: Actor, id: string): Promise<void> {
  assertCan(actor, 'territory.manage');
  await getTerritory(db, actor, id);
  const [[kids], [used], [assigned]] = await Promise.all([
    db.select({ n: count() }).from(territories).where(eq(territories.parentId, id)),
    db.select({ n: count() }).from(customers).where(eq(customers.territoryId, id)),
    db.select({ n: count() }).from(userTerritories).where(eq(userTerritories.territoryId, id)),
  ]);
  if (Number(kids.n) + Number(used.n) + Number(assigned.n) > 0) throw inUse();
  await db.transaction(async (tx) => {
    await tx.delete(territories).where(eq(territories.id, id));
    await writeAudit(tx, actor, actor.orgId, 'territory', id, 'delete');
  });
}
