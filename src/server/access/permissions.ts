import type { Actor, Role } from './actor';
import { forbidden } from '../errors';

/** What each role may do, separate from what it may see. */
const VERBS = {
  'customer.create': ['admin', 'manager', 'rep', 'finance'],
  'customer.edit': ['admin', 'manager', 'rep', 'finance'],
  'customer.reassign': ['admin', 'manager'],
  'customer.delete': ['admin'],
  'pipeline.manage': ['admin', 'manager'],
  'opportunity.create': ['admin', 'manager', 'rep'],
  'opportunity.edit': ['admin', 'manager', 'rep'],
  'opportunity.reassign': ['admin', 'manager', 'rep'],
  'activity.log': ['admin', 'manager', 'rep'],
  'task.manage': ['admin', 'manager', 'rep', 'finance'],
  'file.manage': ['admin', 'manager', 'rep', 'finance'],
  'catalog.manage': ['admin', 'manager'],
  'quotation.create': ['admin', 'manager', 'rep'],
  'quotation.edit': ['admin', 'manager', 'rep'],
  'quotation.send': ['admin', 'manager', 'rep'],
  'quotation.approveDiscount': ['admin', 'manager'],
  // Orders and deliveries: reps for their own customers (scope does that), finance turns accepted
  // quotations into orders; stock counts are corrected by managers and admins.
  'order.manage': ['admin', 'manager', 'rep', 'finance'],
  'delivery.record': ['admin', 'manager', 'rep', 'finance'],
  'stock.adjust': ['admin', 'manager'],
  'user.manage': ['admin'],
  'team.manage': ['admin'],
  'territory.manage': ['admin'],
  'org.manage': ['admin'],
  'outbox.read': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Verb = keyof typeof VERBS;

export function can(actor: Actor, verb: Verb): boolean {
  return (VERBS[verb] as readonly Role[]).includes(actor.role);
}

export function assertCan(actor: Actor, verb: Verb): void {
  if (!can(actor, verb)) throw forbidden();
}
