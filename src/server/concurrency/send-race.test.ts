import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { makeWorld, type World } from '../../../tests/support/world';
import { contacts, outbox, quotations } from '../db/schema';
import { DomainError } from '../errors';
import { todayIn } from '../opportunities/commands';
import { addDays, createQuotation, mailDraft, quotationInput, sendQuotation, type SendMail } from '../quotations';

/**
 * A double click (or a re-sent request) on "Send" submits the same form twice at the same moment.
 * On real parallel connections, each round sends one quotation with two identical submits: exactly
 * one may win, the other fails with a domain error (stale), and there is one mail, one number and
 * one live link. Same helpers as races.test.ts (copied: that file exports nothing).
 */
const ROUNDS = 50;
const onPostgres = Boolean(process.env.DATABASE_URL);
if (!onPostgres) console.log('[send-race] concurrency tests skipped: they need DATABASE_URL (real PostgreSQL, parallel connections)');

let w: World;
let contactId: string;
let buyer: string;
const today = () => todayIn('Asia/Bangkok');

type Outcome = PromiseSettledResult<unknown>;
/**
 * The second click comes 0 to 45 ms after the first: some rounds overlap inside the transaction,
 * others read after the first has committed (where only the form's version tells them apart).
 */
const later = (i: number) => new Promise((r) => setTimeout(r, (i % 10) * 5));
const won = (o: Outcome) => o.status === 'fulfilled';
const why = (o: Outcome) => (o.status === 'rejected' ? (o.reason instanceof DomainError ? `${o.reason.code}:${o.reason.message}` : `RAW ${String(o.reason)}`) : 'ok');

async function race(name: string, round: (i: number) => Promise<string[]>, rounds = ROUNDS) {
  const bad: string[] = [];
  for (let i = 0; i < rounds; i++) for (const problem of await round(i)) bad.push(`round ${i}: ${problem}`);
  const badRounds = new Set(bad.map((b) => b.split(':')[0])).size;
  console.log(`[send-race] ${name}: ${rounds} rounds, ${badRounds} bad${bad.length ? `; first: ${bad[0]}` : ''}`);
  expect(bad).toEqual([]);
}

beforeAll(async () => {
  w = await makeWorld();
  buyer = `race.${w.tag}@cust.test`;
  [{ id: contactId }] = await w.db.insert(contacts).values({ orgId: w.org.id, customerId: w.customers.a1, name: 'Buyer', email: buyer }).returning();
});

async function draft() {
  return createQuotation(w.db, w.actors.repA1, quotationInput.parse({
    customerId: w.customers.a1, contactId, language: 'th', currency: 'THB', validUntil: addDays(today(), 30),
    lines: JSON.stringify([{ description: 'Item', quantity: '1', unitPrice: '100' }]),
  }));
}

/** The form as the page shows it, with a subject that tells this round's mails apart. */
async function form(id: string, tag: string): Promise<SendMail> {
  const d = await mailDraft(w.db, w.actors.repA1, id);
  return { version: d.version, subject: `${tag} {number}`, message: d.message, cc: [] };
}

async function check(id: string, tag: string, a: Outcome, b: Outcome, firstNumber: string | null) {
  const problems: string[] = [];
  const winners = [a, b].filter(won).length;
  if (winners !== 1) problems.push(`${winners} winners (${why(a)}, ${why(b)})`);
  for (const o of [a, b]) if (why(o).startsWith('RAW')) problems.push(`failed raw: ${why(o)}`);
  const [q] = await w.db.select().from(quotations).where(eq(quotations.id, id));
  const mails = (await w.db.select().from(outbox).where(and(eq(outbox.orgId, w.org.id), eq(outbox.to, buyer)))).filter((m) => m.subject.startsWith(`${tag} `));
  if (mails.length !== 1) problems.push(`${mails.length} mails`);
  if (firstNumber && q.number !== firstNumber) problems.push(`number changed ${firstNumber} -> ${q.number}`);
  if (mails[0] && !mails[0].subject.endsWith(q.number ?? '?')) problems.push(`mail says ${mails[0].subject}, quotation is ${q.number}`);
  return problems;
}

describe.skipIf(!onPostgres)('send submitted twice (PostgreSQL)', () => {
  it('a draft sent twice at once: one mail, one number', async () => {
    await race('send draft x2', async (i) => {
      const id = await draft();
      const tag = `D${i}-${w.tag}`;
      const f = await form(id, tag);
      const [a, b] = await Promise.allSettled([sendQuotation(w.db, w.actors.repA1, id, f), later(i).then(() => sendQuotation(w.db, w.actors.repA1, id, { ...f }))]);
      return check(id, tag, a, b, null);
    });
    // No number was taken twice: the series has as many numbers as sent quotations.
    const sent = await w.db.select({ number: quotations.number }).from(quotations).where(and(eq(quotations.orgId, w.org.id), inArray(quotations.status, ['sent'])));
    expect(new Set(sent.map((s) => s.number)).size).toBe(sent.length);
  });

  it('"send again" twice at once: one mail, one new link, the number kept', async () => {
    await race('send again x2', async (i) => {
      const id = await draft();
      const { number } = await sendQuotation(w.db, w.actors.repA1, id);
      const tag = `A${i}-${w.tag}`;
      const f = await form(id, tag);
      const [a, b] = await Promise.allSettled([sendQuotation(w.db, w.actors.repA1, id, f), later(i).then(() => sendQuotation(w.db, w.actors.repA1, id, { ...f }))]);
      return check(id, tag, a, b, number);
    });
  });
});

describe('send submitted twice, one after the other (any database)', () => {
  it('the second submit of the same form is refused as stale and sends nothing', async () => {
    const id = await draft();
    const tag = `S-${w.tag}`;
    const f = await form(id, tag);
    const first = await Promise.allSettled([sendQuotation(w.db, w.actors.repA1, id, f)]);
    const second = await Promise.allSettled([sendQuotation(w.db, w.actors.repA1, id, f)]);
    expect(why(second[0])).toBe('staleVersion:staleVersion');
    expect(await check(id, tag, first[0], second[0], null)).toEqual([]);
  });
});
