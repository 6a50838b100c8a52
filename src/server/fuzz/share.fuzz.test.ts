import { beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { makeWorld, type World } from '../../../tests/support/world';
import { typed, fuzzSuite } from '../../../tests/support/fuzz';
import { contacts, outbox, quotations } from '../db/schema';
import { addDays, createQuotation, mailDraft, quotationInput, sendInput, sendQuotation } from '../quotations';
import { cleanSubject } from '../mail/subject';
import { openLinkToken } from '../quotations/link-seal';
import { quoteLink } from '../quotations/link';
import { todayIn } from '../opportunities/commands';

process.env.AUTH_SECRET ||= 'share-fuzz-secret';

/**
 * The send form as the quotation page submits it (src/app/(app)/quotations/actions.ts,
 * sendQuotationAction): id, the version the form was opened on, subject, message and CC. 1,000+
 * hostile submissions: nothing reaches the user as an unexpected error, and a mail that goes
 * carries what was typed, the customer's working link and only valid CC addresses.
 */
let w: World;
let sendable: string;
let buyer: string;

beforeAll(async () => {
  w = await makeWorld();
  buyer = `fuzz.${w.tag}@cust.test`;
  const [c] = await w.db.insert(contacts).values({ orgId: w.org.id, customerId: w.customers.a1, name: 'Buyer', email: buyer }).returning();
  sendable = await createQuotation(w.db, w.actors.repA1, quotationInput.parse({
    customerId: w.customers.a1, contactId: c.id, language: 'vi', currency: 'THB', validUntil: addDays(todayIn('Asia/Bangkok'), 30),
    lines: JSON.stringify([{ description: 'Item', quantity: '1', unitPrice: '100' }]),
  }));
});

describe('fuzz: sending a quotation', () => {
  it('send (and send again) with subject, message and CC', async () => {
    const other = await createQuotation(w.db, w.actors.repB1, quotationInput.parse({
      customerId: w.customers.b1, language: 'en', currency: 'THB', validUntil: addDays(todayIn('Asia/Bangkok'), 30),
      lines: JSON.stringify([{ description: 'Item', quantity: '1', unitPrice: '100' }]),
    }));
    const r = await fuzzSuite(w.db, {
      name: 'sendQuotation (form)', schema: sendInput, actor: w.actors.repA1,
      run: ({ db, actor, input }) => sendQuotation(db, actor, input.id, input),
      base: async () => {
        const d = await mailDraft(w.db, w.actors.repA1, sendable);
        return { id: sendable, version: String(d.version), subject: 'Báo giá {number}', message: d.message, cc: `copy.${w.tag}@cust.test` };
      },
      fields: { id: 'id', version: 'int', subject: 'text', message: 'long', cc: 'email' },
      ctx: { id: { ids: [sendable, other, w.customers.a1, w.customers.other] } },
      verify: async (_r, v) => {
        const [q] = await w.db.select().from(quotations).where(eq(quotations.id, sendable));
        const [mail] = await w.db.select().from(outbox).where(and(eq(outbox.orgId, w.org.id), eq(outbox.to, buyer))).orderBy(desc(outbox.createdAt)).limit(1);
        const link = quoteLink(openLinkToken(q.tokenSealed, q.id)!);
        expect(mail.text).toContain(link);
        expect(mail.subject).toBe(cleanSubject(typed(v.subject).replaceAll('{number}', q.number!).replaceAll('{link}', link)));
        for (const a of mail.cc ? mail.cc.split(', ') : []) expect(a).toMatch(/^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/);
      },
    }, 801);
    expect(r.ok).toBeGreaterThan(0);
  });
});
