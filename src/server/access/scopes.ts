import { customers, opportunities, quotations, salesOrders } from '../db/schema';
import type { Actor } from './actor';
import { ownedScope } from './visibility';

/**
 * The scope predicates of the owned records, in one place. A deal and a quotation are seen by
 * whoever may see their owner's records or their customer's territory, so queries using the last
 * two join `customers`.
 */
export const customerScopeOf = (actor: Actor) =>
  ownedScope(actor, { orgId: customers.orgId, ownerId: customers.ownerId, territoryId: customers.territoryId });
export const dealScopeOf = (actor: Actor) =>
  ownedScope(actor, { orgId: opportunities.orgId, ownerId: opportunities.ownerId, territoryId: customers.territoryId });
export const quotationScopeOf = (actor: Actor) =>
  ownedScope(actor, { orgId: quotations.orgId, ownerId: quotations.ownerId, territoryId: customers.territoryId });
/** A sales order (and its deliveries, deposits and invoices) is seen like its customer's deals. */
export const orderScopeOf = (actor: Actor) =>
  ownedScope(actor, { orgId: salesOrders.orgId, ownerId: salesOrders.ownerId, territoryId: customers.territoryId });
