import 'server-only';
import { z } from 'zod';
import type { Db } from '../db/client';
import { discountPolicies } from '../db/schema';
import type { Actor } from '../access/actor';
import { assertCan } from '../access/permissions';
import { writeAudit } from '../audit/write';
import { percent } from '../validation';
import { POLICY_ROLES, discountPolicyOf, type DiscountPolicy } from './approval';
import { eq } from 'drizzle-orm';

const limit = percent({ empty: '' });
export const discountPoliciesInput = z.object(
  Object.fromEntries(POLICY_ROLES.flatMap((r) => [[`${r}Line`, limit], [`${r}Document`, limit]])) as Record<`${(typeof POLICY_ROLES)[number]}${'Line' | 'Document'}`, typeof limit>,
);
export type DiscountPoliciesInput = z.infer<typeof discountPoliciesInput>;

export async function listDiscountPolicies(db: Db, actor: Actor): Promise<DiscountPolicy[]> {
  const rows = await db.select().from(discountPolicies).where(eq(discountPolicies.orgId, actor.orgId));
  return POLICY_ROLES.map((role) => rows.find((r) => r.role === role) ?? { role, maxLinePercent: null, maxDocumentPercent: null });
}

/** The largest discount each role gives without approval; a blank limit means none. Admins only. */
export async function saveDiscountPolicies(db: Db, actor: Actor, input: DiscountPoliciesInput): Promise<void> {
  assertCan(actor, 'org.manage');
  await db.transaction(async (tx) => {
    for (const role of POLICY_ROLES) {
      const maxLinePercent = input[`${role}Line`] || null;
      const maxDocumentPercent = input[`${role}Document`] || null;
      await tx
        .insert(discountPolicies)
        .values({ orgId: actor.orgId, role, maxLinePercent, maxDocumentPercent })
        .onConflictDoUpdate({ target: [discountPolicies.orgId, discountPolicies.role], set: { maxLinePercent, maxDocumentPercent } });
    }
    await writeAudit(tx, actor, actor.orgId, 'organization', actor.orgId, 'discountPolicies', input);
  });
}

export { discountPolicyOf };
