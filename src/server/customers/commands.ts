import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { contacts, customers, opportunities, quotations } from '../db/schema';
import type { Actor } from '../access/actor';
import { assertCan, can } from '../access/permissions';
import { assignableUserIds } from '../access/visibility';
import { checkRefs } from '../access/refs';
import { inUse, notFound, stale } from '../errors';
import { writeAudit } from '../audit/write';
import { getCustomer } from './queries';
import { queueFileRemovals, removeQueuedFilesNow } from '../files/removals';
import { fileStore, type FileStore } from '../files/store';
import type { ContactInput, CustomerInput } from './schemas';
import { holdRefs } from '../access/refs';
import { checkDuplicates, nationalDigits } from './duplicates';
import { isValidThaiTaxId, thaiTaxIdDigits } from './tax-id';

/**
 * The owner, territory and price list the actor may put on a customer, all re-read in scope and
 * reported at once. A new owner must be assignable by the actor; a territory must be in the actor's
 * scope (unless they see everything).
 */
async function checkPlacement(db: Db, actor: Actor, input: CustomerInput, current?: { ownerId: string; territoryId: string | null; taxId: string }) {
  const ownerId = input.ownerId ?? current?.ownerId ?? actor.id;
  const ownerChanges = ownerId !== current?.ownerId;
  const extra: Record<string, string> = {};
  const taxId = taxIdOf(actor, input.taxId);
  // A Thai organization's customers carry real Thai tax IDs; one already stored is not re-judged.
  if (actor.org.country === 'TH' && taxId && taxId !== current?.taxId && !isValidThaiTaxId(taxId)) extra.taxId = 'invalidThaiTaxId';
  if (ownerChanges && current && !can(actor, 'customer.reassign')) extra.ownerId = 'notAllowedOwner';
  const territoryId = input.territoryId;
  const territoryChanges = Boolean(territoryId && territoryId !== current?.territoryId);
  // Out of the actor's territories: said plainly. Unknown, retired or foreign: 'choose one of the options'.
  if (territoryChanges && !actor.seesAll && !actor.scopeTerritoryIds.includes(territoryId!)) extra.territoryId = 'notAllowedTerritory';
  await checkRefs(
    db,
    actor,
    {
      ownerId: { kind: 'user', id: ownerChanges && !extra.ownerId ? ownerId : null, among: assignableUserIds(actor) },
      territoryId: { kind: 'territory', id: territoryChanges && !extra.territoryId ? territoryId : null },
      priceListId: { kind: 'priceList', id: input.priceListId },
    },
    extra,
  );
  return { ownerId, territoryId, taxId };
}

/** Thai tax IDs are stored as their 13 digits, however they were grouped when typed. */
const taxIdOf = (actor: Actor, taxId: string) => (actor.org.country === 'TH' ? thaiTaxIdDigits(taxId) : taxId);

/** The stored columns of a customer from validated input and a checked placement. */
function columns(input: CustomerInput, placement: { ownerId: string; territoryId: string | null; taxId: string }) {
  const { taxId } = placement;
  const { name, branch, phone, email, address, notes, priceListId, customerGroup } = input;
  return {
    name, taxId, branch, phone, email, address, notes, ownerId: placement.ownerId, territoryId: placement.territoryId,
    ...(priceListId !== undefined ? { priceListId } : {}), ...(customerGroup !== undefined ? { customerGroup } : {}),
  };
}

export async function createCustomer(db: Db, actor: Actor, input: CustomerInput): Promise<string> {
  assertCan(actor, 'customer.create');
  const placement = await checkPlacement(db, actor, input);
  return db.transaction(async (tx) => {
    await holdRefs(tx, { territoryId: { table: 'territory', id: placement.territoryId }, priceListId: { table: 'priceList', id: input.priceListId } });
    await checkDuplicates(tx, actor, { ...input, taxId: placement.taxId }, { confirmed: Boolean(input.confirmDuplicate) });
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
    await holdRefs(tx, { territoryId: { table: 'territory', id: placement.territoryId }, priceListId: { table: 'priceList', id: input.priceListId } });
    // Only what changes is compared, so two look-alikes already kept apart do not nag at every edit.
    await checkDuplicates(tx, actor, { ...input, taxId: placement.taxId }, {
      confirmed: Boolean(input.confirmDuplicate), excludeId: id,
      check: {
        taxId: placement.taxId !== current.taxId || input.branch !== current.branch,
        phone: nationalDigits(input.phone) !== nationalDigits(current.phone),
        name: input.name !== current.name,
      },
    });
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
      const after = k === 'ownerId' ? placement.ownerId : k === 'territoryId' ? placement.territoryId : k === 'taxId' ? placement.taxId : input[k];
      if (before !== after) changes[k] = { from: before, to: after };
    }
    await writeAudit(tx, actor, actor.orgId, 'customer', id, 'update', changes);
  });
}

/** Deletes a customer; its attachments' stored files are removed once the delete has committed. */
export async function deleteCustomer(db: Db, actor: Actor, id: string, store: FileStore = fileStore()): Promise<void> {
  await getCustomer(db, actor, id);
  assertCan(actor, 'customer.delete');
  const files = await db.transaction(async (tx) => {
    // Deals and quotations keep their customer (no cascade). Locking the customer waits for one
    // being created for it right now and keeps new ones out, so this check holds at the delete.
    await lockCustomer(tx, id, 'update');
    const [deal] = await tx.select({ id: opportunities.id }).from(opportunities).where(eq(opportunities.customerId, id)).limit(1);
    const [quote] = await tx.select({ id: quotations.id }).from(quotations).where(eq(quotations.customerId, id)).limit(1);
    if (deal || quote) throw inUse();
    const queued = await queueFileRemovals(tx, actor.orgId, { customerId: id });
    await tx.delete(customers).where(and(eq(customers.id, id), eq(customers.orgId, actor.orgId)));
    await writeAudit(tx, actor, actor.orgId, 'customer', id, 'delete');
    return queued;
  });
  await removeQueuedFilesNow(db, store, files);
}

/**
 * Locks a customer row. Contact commands take it (NO KEY UPDATE, which still lets deals and
 * contacts be added) so that "one primary contact" is kept when two contacts are made primary at
 * once; deleting the customer takes it FOR UPDATE to keep new deals and quotations out.
 */
async function lockCustomer(tx: Db, customerId: string, strength: 'update' | 'no key update' = 'no key update') {
  const [row] = await tx.select({ id: customers.id }).from(customers).where(eq(customers.id, customerId)).for(strength);
  if (!row) throw notFound();
}

export async function addContact(db: Db, actor: Actor, customerId: string, input: ContactInput): Promise<string> {
  await getCustomer(db, actor, customerId);
  assertCan(actor, 'customer.edit');
  return db.transaction(async (tx) => {
    await lockCustomer(tx, customerId);
    if (input.isPrimary) await tx.update(contacts).set({ isPrimary: false }).where(eq(contacts.customerId, customerId));
    const [row] = await tx
      .insert(contacts)
      .values({ orgId: actor.orgId, customerId, ...contactColumns(input) })
      .returning({ id: contacts.id });
    await writeAudit(tx, actor, actor.orgId, 'contact', row.id, 'create', { customerId, name: input.name });
    return row.id;
  });
}

/** The columns a contact form owns; nothing else from the client is written. */
const contactColumns = (input: ContactInput) => ({
  name: input.name, title: input.title, phone: input.phone, email: input.email, isPrimary: input.isPrimary,
});

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
    await lockCustomer(tx, c.customerId);
    const [still] = await tx.select({ id: contacts.id }).from(contacts).where(eq(contacts.id, contactId));
    if (!still) throw notFound();
    if (input.isPrimary) await tx.update(contacts).set({ isPrimary: false }).where(eq(contacts.customerId, c.customerId));
    // The contact stays with its customer: a customer id sent by the client is never written.
    await tx.update(contacts).set(contactColumns(input)).where(and(eq(contacts.id, contactId), eq(contacts.orgId, actor.orgId)));
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
