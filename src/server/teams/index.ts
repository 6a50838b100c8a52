import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { teams, users } from '../db/schema';
import type { Actor } from '../access/actor';
import { assertCan } from '../access/permissions';
import { invalid, notFound, stale } from '../errors';
import { writeAudit } from '../audit/write';
import { isUniqueViolation } from '../db/errors';
import { idList, isUuid, optionalUuid, requiredText, version } from '../validation';

export const teamInput = z.object({
  name: requiredText(120),
  managerId: optionalUuid,
  memberIds: idList(500),
});
export type TeamInput = z.infer<typeof teamInput>;
export const teamEdit = teamInput.extend({ version });

export async function listTeams(db: Db, actor: Actor) {
  const rows = await db
    .select({
      id: teams.id,
      name: teams.name,
      managerId: teams.managerId,
      version: teams.version,
      managerName: users.name,
      members: sql<number>`(select count(*) from ${users} m where m.team_id = ${teams.id})`.mapWith(Number),
    })
    .from(teams)
    .leftJoin(users, eq(users.id, teams.managerId))
    .where(eq(teams.orgId, actor.orgId))
    .orderBy(asc(teams.name));
  return rows;
}

export async function getTeam(db: Db, actor: Actor, id: string) {
  assertCan(actor, 'team.manage');
  if (!isUuid(id)) throw notFound();
  const [t] = await db.select().from(teams).where(and(eq(teams.id, id), eq(teams.orgId, actor.orgId)));
  if (!t) throw notFound();
  const members = await db.select({ id: users.id }).from(users).where(eq(users.teamId, id));
  return { ...t, memberIds: members.map((m) => m.id) };
}

async function checkPeople(db: Db, actor: Actor, input: TeamInput) {
  const ids = [...new Set([...(input.managerId ? [input.managerId] : []), ...input.memberIds])];
  if (!ids.length) return;
  const found = await db
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.orgId, actor.orgId)));
  if (found.length !== ids.length) throw invalid({ memberIds: 'invalidChoice' });
  const manager = found.find((u) => u.id === input.managerId);
  if (manager && manager.role !== 'manager' && manager.role !== 'admin') throw invalid({ managerId: 'managerRoleRequired' });
}

async function nameTaken(db: Db, actor: Actor, name: string, selfId?: string) {
  const rows = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.orgId, actor.orgId), sql`lower(${teams.name}) = ${name.toLowerCase()}`));
  return rows.some((r) => r.id !== selfId);
}

/**
 * nameTaken() is a courtesy read before the transaction; the unique index on (org, lower(name)) is
 * the rule. A team named the same at the same moment fails there, and says so like the read would.
 */
function nameTakenMeanwhile(e: unknown): never {
  if (isUniqueViolation(e)) throw invalid({ name: 'nameTaken' });
  throw e;
}

export async function createTeam(db: Db, actor: Actor, input: TeamInput): Promise<string> {
  assertCan(actor, 'team.manage');
  if (await nameTaken(db, actor, input.name)) throw invalid({ name: 'nameTaken' });
  await checkPeople(db, actor, input);
  return db.transaction(async (tx) => {
    const [t] = await tx.insert(teams).values({ orgId: actor.orgId, name: input.name, managerId: input.managerId }).returning({ id: teams.id });
    if (input.memberIds.length) await tx.update(users).set({ teamId: t.id }).where(and(inArray(users.id, input.memberIds), eq(users.orgId, actor.orgId)));
    await writeAudit(tx, actor, actor.orgId, 'team', t.id, 'create', { name: input.name, members: input.memberIds.length });
    return t.id;
  }).catch(nameTakenMeanwhile);
}

export async function updateTeam(db: Db, actor: Actor, id: string, expectedVersion: number, input: TeamInput): Promise<void> {
  await getTeam(db, actor, id);
  if (await nameTaken(db, actor, input.name, id)) throw invalid({ name: 'nameTaken' });
  await checkPeople(db, actor, input);
  await db.transaction(async (tx) => {
    const done = await tx
      .update(teams)
      .set({ name: input.name, managerId: input.managerId, version: expectedVersion + 1 })
      .where(and(eq(teams.id, id), eq(teams.version, expectedVersion)))
      .returning({ id: teams.id });
    if (!done.length) throw stale();
    await tx.update(users).set({ teamId: null }).where(eq(users.teamId, id));
    if (input.memberIds.length) await tx.update(users).set({ teamId: id }).where(and(inArray(users.id, input.memberIds), eq(users.orgId, actor.orgId)));
    await writeAudit(tx, actor, actor.orgId, 'team', id, 'update', { name: input.name, managerId: input.managerId, members: input.memberIds.length });
  }).catch(nameTakenMeanwhile);
}

export async function deleteTeam(db: Db, actor: Actor, id: string): Promise<void> {
  await getTeam(db, actor, id);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ teamId: null }).where(eq(users.teamId, id));
    await tx.delete(teams).where(eq(teams.id, id));
    await writeAudit(tx, actor, actor.orgId, 'team', id, 'delete');
  });
}
