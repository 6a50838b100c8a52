import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { makeWorld, type World } from '../../../tests/support/world';
import { dispatchOutbox, listOutbox } from './index';
import { notify } from '../notifications';
import { setEmailNotifications } from '../account';
import { contacts, outbox, quotations, users } from '../db/schema';
import { addDays, createQuotation, findByToken, quotationInput, sendQuotation } from '../quotations';
import { todayIn } from '../opportunities/commands';

let w: World;
let server: http.Server;
const received: { auth?: string; body: Record<string, unknown> }[] = [];

beforeAll(async () => {
  w = await makeWorld();
  // A stand-in for Resend's API on this machine: records what it is sent.
  server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      received.push({ auth: req.headers.authorization, body: JSON.parse(data || '{}') });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `fake-${received.length}` }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
});
afterAll(async () => {
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
  await new Promise((r) => server.close(r));
});

describe('email notifications', () => {
  it('nobody gets mail without opting in', async () => {
    await notify(w.db, { orgId: w.org.id, userId: w.people.repA1.id, kind: 'taskDue', params: { title: 'Quiet' } });
    expect((await listOutbox(w.db, w.actors.admin)).filter((m) => m.to === w.people.repA1.email)).toEqual([]);
  });

  it('without RESEND_API_KEY an opted-in user\'s mail lands in the local outbox, in their language', async () => {
    await setEmailNotifications(w.db, w.actors.repA2, true);
    await w.db.update(users).set({ locale: 'th' }).where(eq(users.id, w.people.repA2.id));
    await notify(w.db, { orgId: w.org.id, userId: w.people.repA2.id, kind: 'taskDue', params: { title: 'โทรหาลูกค้า' }, link: '/tasks' });
    const [mail] = (await listOutbox(w.db, w.actors.admin)).filter((m) => m.to === w.people.repA2.email);
    expect(mail).toMatchObject({ status: 'local', subject: 'ถึงกำหนดงาน: โทรหาลูกค้า' });
    expect(mail.text).toContain('/tasks');
    expect(await dispatchOutbox(w.db, { orgId: w.org.id })).toBe(0);
  });

  it('with RESEND_API_KEY the mail is sent through Resend after commit, once', async () => {
    process.env.RESEND_API_KEY = 're_test_key';
    process.env.RESEND_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await setEmailNotifications(w.db, w.actors.repB1, true);
    await notify(w.db, { orgId: w.org.id, userId: w.people.repB1.id, kind: 'dealChanged', params: { title: 'Pumps', by: 'mB' }, link: '/opportunities/x' });
    expect(await dispatchOutbox(w.db, { orgId: w.org.id })).toBeGreaterThanOrEqual(1);
    expect(await dispatchOutbox(w.db, { orgId: w.org.id })).toBe(0);
    const mine = received.filter((r) => (r.body.to as string[] | string).toString().includes(w.people.repB1.email));
    expect(mine).toHaveLength(1);
    expect(mine[0].auth).toBe('Bearer re_test_key');
    expect(mine[0].body).toMatchObject({ subject: 'mB changed your deal Pumps' });
    const [row] = await w.db.select().from(outbox).where(eq(outbox.to, w.people.repB1.email));
    expect(row).toMatchObject({ status: 'sent', providerId: expect.stringMatching(/^fake-/) });
  });

  it('a sent quotation reaches the customer contact through Resend, in the document language, with a working link', async () => {
    process.env.RESEND_API_KEY = 're_test_key';
    process.env.RESEND_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const to = `buyer.${w.tag}@customer.test`;
    const [c] = await w.db.insert(contacts).values({ orgId: w.org.id, customerId: w.customers.a1, name: 'Ivan', email: to }).returning();
    const id = await createQuotation(w.db, w.actors.repA1, quotationInput.parse({
      customerId: w.customers.a1, contactId: c.id, language: 'ru', currency: 'RUB', validUntil: addDays(todayIn('Asia/Bangkok'), 10),
      lines: JSON.stringify([{ description: 'Монтаж', quantity: '1', unitPrice: '1000', taxRateId: '' }]),
    }));
    const { number, token } = await sendQuotation(w.db, w.actors.repA1, id);
    expect(await dispatchOutbox(w.db, { orgId: w.org.id })).toBeGreaterThanOrEqual(1);
    const mail = received.find((r) => (r.body.to as string[] | string).toString().includes(to));
    expect(mail?.body.subject).toBe(`Коммерческое предложение ${number} от Org ${w.tag}`);
    const link = /https?:\/\/[^\s]+\/q\/([A-Za-z0-9_-]{43})/.exec(String(mail?.body.text))?.[1];
    expect(link).toBe(token);
    expect((await findByToken(w.db, link!))?.quotation.id).toBe(id);
  });

  it('the CC the rep typed is kept in the outbox and passed to Resend', async () => {
    process.env.RESEND_API_KEY = 're_test_key';
    process.env.RESEND_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const to = `cc.buyer.${w.tag}@customer.test`;
    const [c] = await w.db.insert(contacts).values({ orgId: w.org.id, customerId: w.customers.a1, name: 'Lan', email: to }).returning();
    const id = await createQuotation(w.db, w.actors.repA1, quotationInput.parse({
      customerId: w.customers.a1, contactId: c.id, language: 'vi', currency: 'VND', validUntil: addDays(todayIn('Asia/Bangkok'), 10),
      lines: JSON.stringify([{ description: 'Lắp đặt', quantity: '1', unitPrice: '1000000', taxRateId: '' }]),
    }));
    const [q] = await w.db.select({ version: quotations.version }).from(quotations).where(eq(quotations.id, id));
    const cc = [`boss.${w.tag}@customer.test`, `buyer2.${w.tag}@customer.test`];
    await sendQuotation(w.db, w.actors.repA1, id, { version: q.version, subject: 'Báo giá {number}', message: 'Kính gửi anh Lan', cc });
    const [row] = await w.db.select().from(outbox).where(eq(outbox.to, to));
    expect(row.cc).toBe(cc.join(', '));
    expect(await dispatchOutbox(w.db, { orgId: w.org.id })).toBeGreaterThanOrEqual(1);
    const mail = received.find((r) => (r.body.to as string[] | string).toString().includes(to));
    expect(mail?.body.cc).toEqual(cc);
    // A mail without copies sends no cc at all.
    const plain = received.find((r) => !(r.body.to as string[] | string).toString().includes(to));
    expect(plain?.body.cc).toBeUndefined();
  });

  it('the outbox is for admins of the organization only', async () => {
    await expect(listOutbox(w.db, w.actors.mA)).rejects.toMatchObject({ code: 'forbidden' });
    expect((await listOutbox(w.db, w.actors.admin2)).length).toBe(0);
  });
});
