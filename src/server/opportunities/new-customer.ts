import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { contacts, territories, userTerritories } from '../db/schema';
import type { Actor } from '../access/actor';
import { DomainError } from '../errors';
import { writeAudit } from '../audit/write';
import { createCustomer } from '../customers/commands';
import type { OpportunityInput } from './schemas';

/** The territory a rep's new customer goes to unless they chose one: their own (first by name). */
export async function ownTerritoryId(db: Db, actor: Actor): Promise<string | null> {
  const [row] = await db
    .select({ id: userTerritories.territoryId })
    .from(userTerritories)
    .innerJoin(territories, eq(territories.id, userTerritories.territoryId))
    .where(eq(userTerritories.userId, actor.id))
    .orderBy(asc(territories.name))
    .limit(1);
  return row?.id ?? null;
}

/** The customer's fields in the deal form, so the customer command's errors land beside them. */
const FIELD_IN_DEAL: Record<string, string> = {
  name: 'newCustomerName', taxId: 'newCustomerTaxId', branch: 'newCustomerBranch', phone: 'newCustomerPhone',
  email: 'newCustomerEmail', territoryId: 'newCustomerTerritoryId',
};

/**
 * A customer quick-created from the deal form, with its contact person as the primary contact, in
 * the caller's transaction: the same checks as the customer form (placement in scope, Thai tax ID,
 * duplicates with their confirmation). Returns the customer and the contact (null without a name).
 */
export async function createDealCustomer(tx: Db, actor: Actor, input: OpportunityInput): Promise<{ customerId: string; contactId: string | null }> {
  const territoryId = input.newCustomerTerritoryId || (actor.seesAll ? null : await ownTerritoryId(tx, actor));
  const phone = input.newCustomerPhone ?? '';
  const email = input.newCustomerEmail ?? '';
  const customerId = await createCustomer(tx, actor, {
    name: input.newCustomerName, taxId: input.newCustomerTaxId ?? '', branch: input.newCustomerBranch ?? '', phone, email,
    address: '', notes: '', territoryId, ownerId: null, confirmDuplicate: input.confirmDuplicate,
  }).catch((e: unknown) => {
    if (!(e instanceof DomainError)) throw e;
    const fields = Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [FIELD_IN_DEAL[k] ?? k, v]));
    throw new DomainError(e.code, e.message, fields, e.duplicates);
  });
  const person = input.newCustomerContact?.trim();
  if (!person) return { customerId, contactId: null };
  const [row] = await tx.insert(contacts).values({ orgId: actor.orgId, customerId, name: person, phone, email, isPrimary: true }).returning({ id: contacts.id });
  await writeAudit(tx, actor, actor.orgId, 'contact', row.id, 'create', { customerId, name: person });
  return { customerId, contactId: row.id };
}
