import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { contacts, customers, territories, users, priceLists } from '../db/schema';
import type { Actor } from '../access/actor';
import { assertCan, can } from '../access/permissions';
import { assignableUserIds } from '../access/visibility';
import { invalid, notFound, stale } from '../errors';
import { writeAudit } from '../audit/write';
import { getCustomer } from './queries';
import type { ContactInput, CustomerInput } from './schemas';

/** The owner and territory the actor may put on a customer; throws Invalid with field messages. */
async function checkPlacement(db: Db, actor: Actor, input: CustomerInput, current?: { ownerId: string; territoryId: string | null }) {
  const ownerId = input.ownerId ?? current?.ownerId ?? actor.id;
  if (ownerId !== current?.ownerId) {
    const allowed = assignableUserIds(actor);
    if (current && !can(actor, 'customer.reassign')) throw invalid({ ownerId: 'notAllowedOwner' });
    if (allowed !== 'all' && !allowed.includes(ownerId)) throw invalid({ ownerId: 'notAllowedOwner' });
    const [u] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, ownerId), eq(users.orgId, actor.orgId), eq(users.active, true)));
    if (!u) throw invalid({ ownerId: 'notAllowedOwner' });
  }
  const territoryId = input.territoryId;
  if (territoryId && territoryId !== current?.territoryId) {
    const [t] = await db
      .select({ id: territories.id })
      .from(territories)
      .where(and(eq(territories.id, territoryId), eq(territories.orgId, actor.orgId), isNull(territories.retiredAt)));
    if (!t) throw invalid({ territoryId: 'invalidChoice' });
    if (!actor.seesAll && !actor.scopeTerritoryIds.includes(territoryId)) throw invalid({ territoryId: 'notAllowedTerritory' });
  }
  if (input.priceListId) {
    const [l] = await db.select({ id: priceLists.id }).from(priceLists).where(and(eq(priceLists.id, input.priceListId), eq(priceLists.orgId, actor.orgId)));
    if (!l) throw invalid({ priceListId: 'invalidChoice' });
  }
  return { ownerId, territoryId };
}

/** The stored columns of a customer from validated input and a checked placement. */
function columns(input: CustomerInput, placement: { ownerId: string; territoryId: string | null }) {
  const { name, taxId, branch, phone, email, address, notes, priceListId, customerGroup } = input;
  return {
    name, taxId, branch, phone, email, address, notes, ownerId: placement.ownerId, territoryId: placement.territoryId,
    ...(priceListId !== undefined ? { priceListId } : {}), ...(customerGroup !== undefined ? { customerGroup } : {}),
  };
}

export async function createCustomer(db: Db, actor: Actor, input: CustomerInput): Promise<string> {
  assertCan(actor, 'customer.create');
  const placement = await checkPlacement(db, actor, input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(customers)
      .values({
        orgId: actor.orgId,
        ...columns(input, placement),
      })
      .returning({ id: customers.id });
    await writeAudit(tx, actor, actor.orgId, 'customer', row.id, 'create', { name: input.name });
    return row.id;
  });
}

export async function updateCustomer(db: Db, actor: Actor, id: string, expectedVersion: number, input: CustomerInput): Promise<void> {
  const current = await getCustomer(db, actor, id);
  assertCan(actor, 'customer.edit');
  const placement = await checkPlacement(db, actor, input, current);
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(customers)
      .set({
        ...columns(input, placement),
        version: expectedVersion + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(customers.id, id), eq(customers.version, expectedVersion)))
      .returning({ id: customers.id });
    if (!updated.length) throw stale();
    const changes: Record<string, unknown> = {};
    for (const k of ['name', 'taxId', 'branch', 'phone', 'email', 'address', 'ownerId', 'territoryId'] as const) {
      const before = current[k];
      const after = k === 'ownerId' ? placement.ownerId : k === 'territoryId' ? placement.territoryId : input[k];
      if (before !== after) changes[k] = { from: before, to: after };
    }
    await writeAudit(tx, actor, actor.orgId, 'customer', id, 'update', changes);
  });
}

export async function deleteCustomer(db: Db, actor: Actor, id: string): Promise<void> {
  await getCustomer(db, actor, id);
  assertCan(actor, 'customer.delete');
  await db.transaction(async (tx) => {
    await tx.delete(customers).where(and(eq(customers.id, id), eq(customers.orgId, actor.orgId)));
    await writeAudit(tx, actor, actor.orgId, 'customer', id, 'delete');
  });
}

export async function addContact(db: Db, actor: Actor, customerId: string, input: ContactInput): Promise<string> {
  await getCustomer(db, actor, customerId);
  assertCan(actor, 'customer.edit');
  return db.transaction(async (tx) => {
    if (input.isPrimary) await tx.update(contacts).set({ isPrimary: false }).where(eq(contacts.customerId, customerId));
    const [row] = await tx
      .insert(contacts)
      .values({ orgId: actor.orgId, customerId, ...input })
      .returning({ id: contacts.id });
    await writeAudit(tx, actor, actor.orgId, 'contact', row.id, 'create', { customerId, name: input.name });
    return row.id;
  });
}

async function contactInScope(db: Db, actor: Actor, contactId: string) {
  const [c] = await db.select().from(contacts).where(and(eq(contacts.id, contactId), eq(contacts.orgId, actor.orgId)));
  if (!c) throw notFound();
  await getCustomer(db, actor, c.customerId);
  return c;
}

export async function updateContact(db: Db, actor: Actor, contactId: string, input: ContactInput): Promise<void> {
  const c = await contactInScope(db, actor, contactId);
  assertCan(actor, 'customer.edit');
  await db.transaction(async (tx) => {
    if (input.isPrimary) await tx.update(contacts).set({ isPrimary: false }).where(eq(contacts.customerId, c.customerId));
    await tx.update(contacts).set(input).where(eq(contacts.id, contactId));
    await writeAudit(tx, actor, actor.orgId, 'contact', contactId, 'update', { customerId: c.customerId });
  });
}

export async function deleteContact(db: Db, actor: Actor, contactId: string): Promise<void> {
  const c = await contactInScope(db, actor, contactId);
  assertCan(actor, 'customer.edit');
  await db.transaction(async (tx) => {
    await tx.delete(contacts).where(eq(contacts.id, contactId));
    await writeAudit(tx, actor, actor.orgId, 'contact', contactId, 'delete', { customerId: c.customerId, name: c.name });
  });
}
