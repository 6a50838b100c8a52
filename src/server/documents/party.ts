import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { contacts } from '../db/schema';
import type { Actor } from '../access/actor';
import { assignableUserIds } from '../access/visibility';
import { checkRefs, collectRefs } from '../access/refs';

/** Who a sales document is for and who sells it; quotations and orders resolve it the same way. */
export type Party = { customerId: string; contactId: string | null; opportunityId: string | null; ownerId: string };
type PartyInput = { customerId: string | null; contactId: string | null; opportunityId: string | null; ownerId: string | null };

/**
 * Checks who the document is for and who sells it, every id re-read in the actor's organization and
 * scope, all bad fields reported at once: a deal in scope (its customer and contact carried over), a
 * customer in scope, a contact of that customer, a salesperson the actor may assign (an active user
 * of this organization).
 */
export async function resolveParty(db: Db, actor: Actor, input: PartyInput, current?: Party): Promise<Party> {
  const opportunityId = input.opportunityId;
  const { rows: found, errors } = await collectRefs(db, actor, { opportunityId: { kind: 'deal', id: opportunityId } });
  const deal = found.opportunityId as { customerId: string; contactId: string | null } | null;
  let customerId = input.customerId;
  let contactId = input.contactId;
  if (deal) {
    if (customerId && customerId !== deal.customerId) errors.customerId = 'invalidChoice';
    customerId = deal.customerId;
    if (!contactId && !current) contactId = deal.contactId ?? (await primaryContactId(db, actor, deal.customerId));
  }
  if (!customerId && !errors.opportunityId) errors.customerId = 'customerRequired';
  const ownerId = input.ownerId || current?.ownerId || actor.id;
  await checkRefs(
    db,
    actor,
    {
      customerId: { kind: 'customer', id: errors.customerId ? null : customerId },
      contactId: { kind: 'contact', id: customerId ? contactId : null, customerId },
      ownerId: { kind: 'user', id: ownerId !== current?.ownerId ? ownerId : null, among: assignableUserIds(actor), roles: ['rep', 'manager', 'admin'] },
    },
    errors,
  );
  return { customerId: customerId!, contactId, opportunityId, ownerId };
}

/** A customer's primary contact: whom a document made from a deal without a contact goes to. */
export async function primaryContactId(db: Db, actor: Actor, customerId: string): Promise<string | null> {
  const [c] = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.customerId, customerId), eq(contacts.orgId, actor.orgId), eq(contacts.isPrimary, true)))
    .limit(1);
  return c?.id ?? null;
}
