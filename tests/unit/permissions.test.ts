import { describe, expect, it } from 'vitest';
import { assertCan, can, type Verb } from '../../src/server/access/permissions';
import type { Actor, Role } from '../../src/server/access/actor';

const actor = (role: Role) => ({ role }) as Actor;
const table: Record<Verb, Role[]> = {
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
  'order.manage': ['admin', 'manager', 'rep', 'finance'],
  'delivery.record': ['admin', 'manager', 'rep', 'finance'],
  'stock.adjust': ['admin', 'manager'],
  'user.manage': ['admin'],
  'team.manage': ['admin'],
  'territory.manage': ['admin'],
  'org.manage': ['admin'],
  'outbox.read': ['admin'],
};

describe.each(Object.entries(table) as [Verb, Role[]][])('%s', (verb, allowed) => {
  it.each(['admin', 'manager', 'rep', 'finance'] as Role[])('for %s', (role) => {
    expect(can(actor(role), verb)).toBe(allowed.includes(role));
    if (!allowed.includes(role)) expect(() => assertCan(actor(role), verb)).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });
});
