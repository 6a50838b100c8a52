import 'server-only';
import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { customers, territories, userTerritories } from '../db/schema';
import type { Actor } from '../access/actor';
import { assertCan } from '../access/permissions';
import { DomainError, inUse, invalid, notFound, stale } from '../errors';
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

/**
 * Serializes changes to an organization's territory tree: locks its nodes (in id order, so two
 * callers never deadlock). The checks that span the tree (no cycle, parent still active, no active
 * children, not in use) then run inside the same transaction on rows nobody else can change.
 * NO KEY UPDATE leaves customers and people free to be placed in territories meanwhile.
 */
async function lockTree(tx: Db, orgId: string) {
  await tx.select({ id: territories.id }).from(territories).where(eq(territories.orgId, orgId)).orderBy(asc(territories.id)).for('no key update');
}

/** Two nodes under one parent cannot share a name (compared trimmed, ignoring case); checked under the tree lock. */
async function checkSiblingName(tx: Db, actor: Actor, selfId: string | null, parentId: string | null, name: string) {
  const same = await tx
    .select({ id: territories.id })
    .from(territories)
    .where(
      and(
        eq(territories.orgId, actor.orgId),
        parentId ? eq(territories.parentId, parentId) : isNull(territories.parentId),
        sql`lower(btrim(${territories.name})) = lower(btrim(${name}))`,
        selfId ? sql`${territories.id} <> ${selfId}` : undefined,
      ),
    )
    .limit(1);
  if (same.length) throw invalid({ name: 'nameTaken' });
}

export async function createTerritory(db: Db, actor: Actor, input: z.infer<typeof territoryInput>): Promise<string> {
  assertCan(actor, 'territory.manage');
  await checkParent(db, actor, null, input.parentId);
  return db.transaction(async (tx) => {
    await lockTree(tx, actor.orgId);
    await checkParent(tx, actor, null, input.parentId);
    await checkSiblingName(tx, actor, null, input.parentId, input.name);
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
    // Two nodes moved under each other at once would each pass the cycle check on its own read.
    await lockTree(tx, actor.orgId);
    await checkParent(tx, actor, id, input.parentId);
    await checkSiblingName(tx, actor, id, input.parentId, input.name);
    const done = await tx
      .update(territories)
      .set({ name: input.name, parentId: input.parentId, version: current.version + 1 })
      .where(and(eq(territories.id, id), eq(territories.version, current.version)))
      .returning({ id: territories.id });
    if (!done.length) throw stale();
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
  await db.transaction(async (tx) => {
    // Under the tree lock, so no active child can be added or moved in between check and write.
    await lockTree(tx, actor.orgId);
    if (retired) {
      const [kids] = await tx.select({ n: count() }).from(territories).where(and(eq(territories.parentId, id), isNull(territories.retiredAt)));
      if (Number(kids.n) > 0) throw new DomainError('inUse', 'active children', { id: 'territoryHasChildren' });
    }
    await tx.update(territories).set({ retiredAt: retired ? new Date() : null, version: sql`${territories.version} + 1` }).where(eq(territories.id, id));
    await writeAudit(tx, actor, actor.orgId, 'territory', id, retired ? 'retire' : 'reinstate');
  });
}

/** Deletes a node nobody uses: no children, no customers, no assigned people. */
export async function deleteTerritory(db: Db, actor: Actor, id: string): Promise<void> {
  assertCan(actor, 'territory.manage');
  await getTerritory(db, actor, id);
  await db.transaction(async (tx) => {
    // The node itself FOR UPDATE: that waits for a customer or person being placed in it right now
    // and keeps new ones out, so the counts below are final (no FK error at the delete).
    await lockTree(tx, actor.orgId);
    await tx.select({ id: territories.id }).from(territories).where(eq(territories.id, id)).for('update');
    const [[kids], [used], [assigned]] = [
      await tx.select({ n: count() }).from(territories).where(eq(territories.parentId, id)),
      await tx.select({ n: count() }).from(customers).where(eq(customers.territoryId, id)),
      await tx.select({ n: count() }).from(userTerritories).where(eq(userTerritories.territoryId, id)),
    ];
    if (Number(kids.n) + Number(used.n) + Number(assigned.n) > 0) throw inUse();
    await tx.delete(territories).where(eq(territories.id, id));
    await writeAudit(tx, actor, actor.orgId, 'territory', id, 'delete');
  });
}
