import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeWorld, type World } from '../../../tests/support/world';
import { contacts, discountPolicies, outbox, quotations } from '../db/schema';
import { DomainError } from '../errors';
import { addDays, createQuotation, getQuotation, quotationInput, sendQuotation, updateQuotation } from '../quotations';
import { decideApproval } from '../quotations/approval';
import { todayIn } from '../opportunities/commands';

/**
 * Discount approval under concurrency, on real parallel connections: an approval covers exactly the
 * version the approver saw. A manager approving while the rep deepens the discount must never
 * leave an approved quotation with the deeper discount, and whatever is sent was approved.
 */
const ROUNDS = 50;
const onPostgres = Boolean(process.env.DATABASE_URL);
if (!onPostgres) console.log('[races] approval races skipped: they need DATABASE_URL (real PostgreSQL, parallel connections)');

let w: World;
type Outcome = PromiseSettledResult<unknown>;
const why = (o: Outcome) => (o.status === 'rejected' ? (o.reason instanceof DomainError ? `${o.reason.code}:${o.reason.message}` : `RAW ${String(o.reason)}`) : 'ok');

const form = (discount: string) => quotationInput.parse({
  customerId: w.customers.a1, language: 'en', currency: 'THB', validUntil: addDays(todayIn('Asia/Bangkok'), 30),
  lines: JSON.stringify([{ description: 'Service', unit: 'hr', quantity: '1', unitPrice: '1000', discountKind: 'percent', discountValue: discount }]),
});

beforeAll(async () => {
  w = await makeWorld();
  await w.db.insert(contacts).values({ orgId: w.org.id, customerId: w.customers.a1, name: 'Buyer', email: `buyer.${w.tag}@cust.test`, isPrimary: true });
  await w.db.insert(discountPolicies).values({ orgId: w.org.id, role: 'rep', maxLinePercent: '10', maxDocumentPercent: null });
});

describe.skipIf(!onPostgres)('discount approval races (PostgreSQL)', () => {
  it('approve against an edit of the same version: one wins; an approved quotation always carries the discount approved', async () => {
    const bad: string[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const id = await createQuotation(w.db, w.actors.repA1, form('20'));
      const v = (await getQuotation(w.db, w.actors.repA1, id)).version;
      const [a, e] = await Promise.allSettled([
        decideApproval(w.db, w.actors.mA, id, v, 'approve', ''),
        updateQuotation(w.db, w.actors.repA1, id, v, form('60')),
      ]);
      const winners = [a, e].filter((o) => o.status === 'fulfilled').length;
      if (winners !== 1) bad.push(`round ${i}: ${winners} winners (${why(a)}, ${why(e)})`);
      for (const o of [a, e]) if (why(o).startsWith('RAW')) bad.push(`round ${i}: raw ${why(o)}`);
      const q = await getQuotation(w.db, w.actors.repA1, id);
      const approvedNow = q.approvedVersion === q.version;
      if (approvedNow && q.lines[0].discountValue !== '20.0000') bad.push(`round ${i}: approved with ${q.lines[0].discountValue}`);
      // Send right after: it goes only if what is there was approved.
      const sent = await sendQuotation(w.db, w.actors.repA1, id).then(() => true, () => false);
      if (sent !== approvedNow) bad.push(`round ${i}: sent=${sent} approved=${approvedNow}`);
    }
    console.log(`[races] approve vs edit: ${ROUNDS} rounds, ${bad.length} problems${bad.length ? `; first: ${bad[0]}` : ''}`);
    expect(bad).toEqual([]);
  });

  it('send against an edit after approval: never a mail for an unapproved discount', async () => {
    const bad: string[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const id = await createQuotation(w.db, w.actors.repA1, form('20'));
      let v = (await getQuotation(w.db, w.actors.repA1, id)).version;
      await decideApproval(w.db, w.actors.mA, id, v, 'approve', '');
      v += 1;
      const [s, e] = await Promise.allSettled([sendQuotation(w.db, w.actors.repA1, id), updateQuotation(w.db, w.actors.repA1, id, v, form('60'))]);
      for (const o of [s, e]) if (why(o).startsWith('RAW')) bad.push(`round ${i}: raw ${why(o)}`);
      const [q] = await w.db.select({ status: quotations.status, number: quotations.number }).from(quotations).where(eq(quotations.id, id));
      const line = (await getQuotation(w.db, w.actors.repA1, id)).lines[0];
      if (q.status === 'sent' && line.discountValue !== '20.0000') bad.push(`round ${i}: sent with ${line.discountValue}`);
      if ((s.status === 'fulfilled') !== (q.status === 'sent')) bad.push(`round ${i}: send ${why(s)} but status ${q.status}`);
    }
    const mails = await w.db.select({ id: outbox.id }).from(outbox).where(eq(outbox.orgId, w.org.id));
    expect(mails.length).toBeGreaterThan(0);
    console.log(`[races] send vs edit after approval: ${ROUNDS} rounds, ${bad.length} problems${bad.length ? `; first: ${bad[0]}` : ''}`);
    expect(bad).toEqual([]);
  });
});
