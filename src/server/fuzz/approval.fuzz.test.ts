import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { makeWorld, type World } from '../../../tests/support/world';
import { fuzzSuite, type FuzzSpec } from '../../../tests/support/fuzz';
import { discountPolicies, quotations } from '../db/schema';
import { addDays, createQuotation, quotationInput } from '../quotations';
import { decideApproval, decideApprovalInput, requestApproval, requestApprovalInput } from '../quotations/approval';
import { discountPoliciesInput, saveDiscountPolicies } from '../quotations/discount-policies';
import { todayIn } from '../opportunities/commands';

/**
 * Discount approval and the limits behind it, 1,000+ hostile submissions per action (seeded): no
 * database error reaches a user. Mirrors src/app/(app)/quotations/approval-actions.ts and the
 * discount limits form of admin/settings.
 */
let w: World;
let draftId: string;
const run = <S extends z.ZodType, R>(spec: FuzzSpec<S, R>, seed: number) => fuzzSuite(w.db, spec, seed);

beforeAll(async () => {
  w = await makeWorld();
  await w.db.insert(discountPolicies).values({ orgId: w.org.id, role: 'rep', maxLinePercent: '5', maxDocumentPercent: '5' });
  draftId = await createQuotation(w.db, w.actors.repA1, quotationInput.parse({
    customerId: w.customers.a1, language: 'en', currency: 'THB', validUntil: addDays(todayIn('Asia/Bangkok'), 30), discountValue: '30',
    lines: JSON.stringify([{ description: 'Service', unit: 'hr', quantity: '2', unitPrice: '1500', discountKind: 'percent', discountValue: '10' }]),
  }));
});

const ids = () => ({ ids: [draftId, w.customers.a1, w.customers.b1, w.people.repA1.id, w.org.id] });
const current = async () => String((await w.db.select({ v: quotations.version }).from(quotations).where(eq(quotations.id, draftId)))[0].v);

describe('fuzz: discount approval', () => {
  it('ask for approval', async () => {
    await run({
      name: 'requestApproval', schema: requestApprovalInput, actor: w.actors.repA1,
      run: ({ db, actor, input }) => requestApproval(db, actor, input.id, input.version),
      base: async () => ({ id: draftId, version: await current() }), fields: { id: 'id', version: 'int' }, ctx: { id: ids() },
    }, 901);
  });

  it('approve or refuse', async () => {
    const r = await run({
      name: 'decideApproval', schema: decideApprovalInput, actor: w.actors.mA,
      run: ({ db, actor, input }) => decideApproval(db, actor, input.id, input.version, input.decision, input.note),
      base: async () => ({ id: draftId, version: await current(), decision: 'reject', note: 'Too deep' }),
      fields: { id: 'id', version: 'int', decision: 'enum', note: 'long' }, ctx: { id: ids(), decision: { ids: [], enums: { decision: ['approve', 'reject'] } } },
      verify: async () => {
        const [q] = await w.db.select({ orgId: quotations.orgId }).from(quotations).where(eq(quotations.id, draftId));
        expect(q.orgId).toBe(w.org.id);
      },
    }, 902);
    expect(r.ok).toBeGreaterThan(0);
  });

  it('discount limits', async () => {
    const fields = Object.fromEntries(Object.keys(discountPoliciesInput.shape).map((k) => [k, 'percent'])) as Record<string, 'percent'>;
    const r = await run({
      name: 'saveDiscountPolicies', schema: discountPoliciesInput, actor: w.actors.admin,
      run: ({ db, actor, input }) => saveDiscountPolicies(db, actor, input),
      base: () => ({ repLine: '10', repDocument: '15', managerLine: '25', managerDocument: '', adminLine: '', adminDocument: '' }), fields,
    }, 903);
    expect(r.ok).toBeGreaterThan(0);
  });
});
