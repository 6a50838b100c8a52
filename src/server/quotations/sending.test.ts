import { beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { makeWorld, type World } from '../../../tests/support/world';
import { act, type FormValues } from '../../../tests/support/act';
import { contacts, outbox, quotations } from '../db/schema';
import { todayIn } from '../opportunities/commands';
import { formatDay } from '../documents/pdf/format';
import {
  addDays, composeMail, createQuotation, findByToken, getQuotation, linkShare, liveLinkOf, mailDraft, quotationInput, reviseQuotation,
  revokeLink, sendInput, sendQuotation,
} from '.';
import { quoteLink } from './link';
import { openLinkToken } from './link-seal';

process.env.AUTH_SECRET ||= 'sending-test-secret';

let w: World;
let contactId: string;
let buyer: string;
const today = () => todayIn('Asia/Bangkok');

beforeAll(async () => {
  w = await makeWorld();
  buyer = `buyer.${w.tag}@cust.test`;
  [{ id: contactId }] = await w.db.insert(contacts).values({ orgId: w.org.id, customerId: w.customers.a1, name: 'Somchai', email: buyer }).returning();
});

async function draft(language = 'th', validUntil = addDays(today(), 30)) {
  return createQuotation(w.db, w.actors.repA1, quotationInput.parse({
    customerId: w.customers.a1, contactId, language, currency: 'THB', validUntil,
    lines: JSON.stringify([{ description: 'Consulting', quantity: '2', unitPrice: '1500' }]),
  }));
}
const row = async (id: string) => (await w.db.select().from(quotations).where(eq(quotations.id, id)))[0];
const mailsTo = (to: string) => w.db.select().from(outbox).where(and(eq(outbox.orgId, w.org.id), eq(outbox.to, to))).orderBy(desc(outbox.createdAt));
const sendForm = async (id: string, over: FormValues = {}): Promise<FormValues> => {
  const d = await mailDraft(w.db, w.actors.repA1, id);
  return { id, version: String(d.version), subject: d.subject, message: d.message, cc: '', ...over };
};
const send = (values: FormValues) => act(w.db, w.actors.repA1, sendInput, ({ db, actor, input }) => sendQuotation(db, actor, input.id, input), values);

describe('mail dates in the document language', () => {
  it('formats a day the way the PDF does: Buddhist era in Thai, each language its own long form', () => {
    expect(formatDay('2026-12-25', 'th')).toBe('25 ธันวาคม 2569');
    expect(formatDay('2026-12-25', 'vi')).toBe('25 tháng 12, 2026');
    expect(formatDay('2026-12-25', 'ru')).toBe('25 декабря 2026 г.');
    expect(formatDay('2026-12-25', 'en')).toBe('December 25, 2026');
  });

  it.each(['th', 'vi', 'ru', 'en'])('the %s quotation mail prints its valid-until date like its PDF, never as 2026-12-25', async (language) => {
    const validUntil = addDays(today(), 40);
    const id = await draft(language, validUntil);
    const { number } = await sendQuotation(w.db, w.actors.repA1, id);
    const [mail] = (await mailsTo(buyer)).filter((m) => m.subject.includes(number));
    expect(mail.text).toContain(formatDay(validUntil, language));
    expect(mail.text).not.toContain(validUntil);
    if (language === 'th') expect(mail.text).toContain(String(Number(validUntil.slice(0, 4)) + 543));
  });
});

describe('the mail before it goes', () => {
  it('the form starts from the template in the document language, with marks for the number and the link', async () => {
    const id = await draft('th');
    const d = await mailDraft(w.db, w.actors.repA1, id);
    expect(d.to).toBe(buyer);
    expect(d.subject).toContain('{number}');
    expect(d.message).toContain('{link}');
    expect(d.message).toContain('Somchai');
    expect(d.message).toMatch(/[\u0E00-\u0E7F]/);
    await expect(mailDraft(w.db, w.actors.repB1, id)).rejects.toMatchObject({ code: 'notFound' });
  });

  it('sends what the rep wrote, with CC, the number filled in and the link added when it was taken out', async () => {
    const id = await draft('en');
    const cc = `boss.${w.tag}@cust.test, Buyer.${w.tag}@CUST.test ; boss.${w.tag}@cust.test,`;
    const out = await send(await sendForm(id, { subject: 'Our offer {number} – please review', message: 'Dear Somchai,\n\nHere is our offer.\n\nBest', cc }));
    expect(out.state.status).toBe('ok');
    const q = await row(id);
    const [mail] = await mailsTo(buyer);
    expect(mail.subject).toBe(`Our offer ${q.number} – please review`);
    const token = openLinkToken(q.tokenSealed, id)!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(mail.text).toBe(`Dear Somchai,\n\nHere is our offer.\n\nBest\n\n${quoteLink(token)}`);
    // The recipient is not copied to itself, and an address given twice is copied once.
    expect(mail.cc).toBe(`boss.${w.tag}@cust.test`);
    expect((await findByToken(w.db, token))?.quotation.id).toBe(id);
  });

  it('keeps the link where the rep put it', () => {
    const m = composeMail('Q {number}', 'Open {link} today', { number: 'QT-1', link: 'https://x.test/q/abc' });
    expect(m).toEqual({ subject: 'Q QT-1', text: 'Open https://x.test/q/abc today' });
  });

  it('refuses bad CC addresses one by one, too many addresses, an empty subject or message, and sends nothing', async () => {
    const id = await draft('en');
    const before = (await mailsTo(buyer)).length;
    const bad = await send(await sendForm(id, { cc: `ok.${w.tag}@cust.test, not-an-email, x@y.z\r\nBcc: evil@x.test` }));
    expect(bad.state.fieldErrors).toMatchObject({ 'cc.1': 'invalidEmail', 'cc.2': expect.any(String) });
    expect(bad.state.fieldErrors?.['cc.0']).toBeUndefined();
    const many = await send(await sendForm(id, { cc: Array.from({ length: 11 }, (_, i) => `c${i}@cust.test`).join(',') }));
    expect(many.state.fieldErrors).toMatchObject({ cc: 'tooManyCc' });
    const empty = await send(await sendForm(id, { subject: ' ', message: '' }));
    expect(empty.state.fieldErrors).toMatchObject({ subject: 'required', message: 'required' });
    const long = await send(await sendForm(id, { message: 'x'.repeat(5001) }));
    expect(long.state.fieldErrors).toMatchObject({ message: 'tooLong' });
    expect((await mailsTo(buyer)).length).toBe(before);
    expect((await row(id)).status).toBe('draft');
    // The form echoes what was typed, so nothing is lost.
    expect(bad.state.values?.cc).toContain('not-an-email');
  });

  it('the same form submitted twice sends one mail and takes one number', async () => {
    const id = await draft('en');
    const form = await sendForm(id, { subject: `Once ${w.tag}` });
    const first = await send(form);
    const second = await send(form);
    expect(first.state.status).toBe('ok');
    expect(second.state).toMatchObject({ status: 'error', message: 'staleVersion' });
    const mails = (await mailsTo(buyer)).filter((m) => m.subject === `Once ${w.tag}`);
    expect(mails).toHaveLength(1);
    const q = await row(id);
    expect(q.version).toBe(Number(form.version) + 1);
  });
});

describe("the customer's link, for copy and share", () => {
  it('is shown while it works, only through the scoped getter, and never after a revoke, a new send or a revision', async () => {
    const id = await draft('th');
    await expect(getQuotation(w.db, w.actors.repB1, id)).rejects.toMatchObject({ code: 'notFound' });
    expect(liveLinkOf(await getQuotation(w.db, w.actors.repA1, id))).toBeNull();
    const first = await sendQuotation(w.db, w.actors.repA1, id);
    const q1 = await getQuotation(w.db, w.actors.repA1, id);
    expect(liveLinkOf(q1)).toBe(quoteLink(first.token));
    // The sealed copy is not the token, and the hash is what a visit is checked against.
    expect(q1.tokenSealed).not.toContain(first.token);
    const share = await linkShare(w.db, w.actors.repA1, q1);
    expect(share).toMatchObject({ url: quoteLink(first.token), title: first.number });
    expect(share?.text).toContain('ใบเสนอราคา');
    // Seen by the manager of the team too (same scoped getter).
    expect(liveLinkOf(await getQuotation(w.db, w.actors.mA, id))).toBe(quoteLink(first.token));

    const again = await sendQuotation(w.db, w.actors.repA1, id);
    expect(liveLinkOf(await getQuotation(w.db, w.actors.repA1, id))).toBe(quoteLink(again.token));
    expect((await findByToken(w.db, first.token))?.state).not.toBe('open');

    await revokeLink(w.db, w.actors.repA1, id);
    const revoked = await getQuotation(w.db, w.actors.repA1, id);
    expect(revoked.tokenSealed).toBeNull();
    expect(liveLinkOf(revoked)).toBeNull();
    expect(await linkShare(w.db, w.actors.repA1, revoked)).toBeNull();

    await sendQuotation(w.db, w.actors.repA1, id);
    const v2 = await reviseQuotation(w.db, w.actors.repA1, id);
    expect((await row(id)).tokenSealed).toBeNull();
    expect(liveLinkOf(await getQuotation(w.db, w.actors.repA1, v2))).toBeNull();
  });

  it('an expired quotation shows no link, and a link sealed under another secret shows none either', async () => {
    const id = await draft('en');
    await sendQuotation(w.db, w.actors.repA1, id);
    const q = await getQuotation(w.db, w.actors.repA1, id);
    expect(liveLinkOf({ ...q, effectiveStatus: 'expired' })).toBeNull();
    const secret = process.env.AUTH_SECRET;
    process.env.AUTH_SECRET = 'another-secret';
    try {
      expect(liveLinkOf(q)).toBeNull();
      expect(await linkShare(w.db, w.actors.repA1, q)).toMatchObject({ url: null });
    } finally {
      process.env.AUTH_SECRET = secret;
    }
  });
});
