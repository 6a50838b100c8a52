import { randomUUID } from 'node:crypto';
import { getDb, type Db } from '../../src/server/db/client';
import { customers, organizations, teams, territories, users, userTerritories } from '../../src/server/db/schema';
import { loadActor } from '../../src/server/access/load-actor';
import type { Actor } from '../../src/server/access/actor';
import { hashPassword } from '../../src/server/auth/password';

export const PASSWORD = 'correct-horse-1';

/**
 * A small company of its own per call (unique emails), so test files can share one PostgreSQL
 * database without seeing each other's rows.
 *
 *   Region A > A1, A2     team A: manager mA, reps repA1 (A1), repA2 (A2)
 *   Region B > B1         team B: manager mB, rep repB1 (B1)
 *   plus admin and finance, and a second organization with its own admin and customer.
 */
export async function makeWorld() {
  const db = await getDb();
  const tag = randomUUID().slice(0, 8);
  const hash = await hashPassword(PASSWORD);
  const [org] = await db.insert(organizations).values({ legalName: `Org ${tag}` }).returning();
  const [org2] = await db.insert(organizations).values({ legalName: `Other ${tag}` }).returning();
  const terr = async (name: string, parentId: string | null = null, orgId = org.id) =>
    (await db.insert(territories).values({ orgId, name, parentId }).returning())[0].id;
  const regionA = await terr('Region A');
  const A1 = await terr('A1', regionA);
  const A2 = await terr('A2', regionA);
  const regionB = await terr('Region B');
  const B1 = await terr('B1', regionB);
  const user = async (key: string, role: 'admin' | 'manager' | 'rep' | 'finance', orgId = org.id) =>
    (await db.insert(users).values({ orgId, role, name: key, email: `${key}.${tag}@test.local`, passwordHash: hash }).returning())[0];
  const admin = await user('admin', 'admin');
  const finance = await user('finance', 'finance');
  const mA = await user('mA', 'manager');
  const mB = await user('mB', 'manager');
  const repA1 = await user('repA1', 'rep');
  const repA2 = await user('repA2', 'rep');
  const repB1 = await user('repB1', 'rep');
  const admin2 = await user('admin2', 'admin', org2.id);
  const [teamA] = await db.insert(teams).values({ orgId: org.id, name: 'Team A', managerId: mA.id }).returning();
  const [teamB] = await db.insert(teams).values({ orgId: org.id, name: 'Team B', managerId: mB.id }).returning();
  const { eq, inArray } = await import('drizzle-orm');
  await db.update(users).set({ teamId: teamA.id }).where(inArray(users.id, [repA1.id, repA2.id]));
  await db.update(users).set({ teamId: teamB.id }).where(eq(users.id, repB1.id));
  await db.insert(userTerritories).values([
    { userId: repA1.id, territoryId: A1 },
    { userId: repA2.id, territoryId: A2 },
    { userId: repB1.id, territoryId: B1 },
  ]);
  const cust = async (name: string, ownerId: string, territoryId: string | null, orgId = org.id) =>
    (await db.insert(customers).values({ orgId, name: `${name} ${tag}`, ownerId, territoryId, phone: '+66 81 234 5678' }).returning())[0].id;
  const c = {
    a1: await cust('Alpha One', repA1.id, A1),
    a2: await cust('Alpha Two', repA2.id, A2),
    b1: await cust('Bravo One', repB1.id, B1),
    // Owned by repB1 but placed in A1: repA1 sees it through the territory, repB1 through ownership.
    shared: await cust('Shared', repB1.id, A1),
    mB: await cust('Key Account', mB.id, null),
    other: await cust('Foreign', admin2.id, null, org2.id),
  };
  const actor = async (id: string) => (await loadActor(db, id)) as Actor;
  const actors = {
    admin: await actor(admin.id),
    finance: await actor(finance.id),
    mA: await actor(mA.id),
    mB: await actor(mB.id),
    repA1: await actor(repA1.id),
    repA2: await actor(repA2.id),
    repB1: await actor(repB1.id),
    admin2: await actor(admin2.id),
  };
  const people = { admin, finance, mA, mB, repA1, repA2, repB1, admin2 };
  return { db: db as Db, tag, org, org2, territories: { regionA, A1, A2, regionB, B1 }, teams: { teamA, teamB }, people, actors, customers: c };
}
export type World = Awaited<ReturnType<typeof makeWorld>>;
