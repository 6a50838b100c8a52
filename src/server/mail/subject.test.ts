import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeWorld, type World } from '../../../tests/support/world';
import { cleanSubject, MAX_SUBJECT } from './subject';
import { queueMail } from './index';
import { notify } from '../notifications';
import { acceptInput } from '../quotations';
import { outbox } from '../db/schema';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});

describe('mail subjects', () => {
  it('are one line: control characters, line breaks and invisible direction marks become single spaces', () => {
    expect(cleanSubject('Somchai\r\nBcc: victim@example.com')).toBe('Somchai Bcc: victim@example.com');
    expect(cleanSubject('A\u0000B\u0007C\u001bD\u007fE\u0085F')).toBe('A B C D E F');
    expect(cleanSubject('line\u2028sep\u2029para')).toBe('line sep para');
    expect(cleanSubject('\u202Eevil\u202C name\u200B\uFEFF')).toBe('evil name');
    expect(cleanSubject('  many \t\t spaces  ')).toBe('many spaces');
    expect(cleanSubject('สมชาย ใจดี accepted QT-2026-00001')).toBe('สมชาย ใจดี accepted QT-2026-00001');
    const long = cleanSubject('ก'.repeat(500));
    expect([...long]).toHaveLength(MAX_SUBJECT);
    expect(long.endsWith('…')).toBe(true);
  });

  it('are cleaned whoever queues the mail', async () => {
    await queueMail(w.db, { orgId: w.org.id, to: `s1.${w.tag}@test.local`, subject: 'Hi\r\nX-Injected: yes', text: 'body\nkeeps lines' });
    const [m] = await w.db.select().from(outbox).where(eq(outbox.to, `s1.${w.tag}@test.local`));
    expect(m.subject).toBe('Hi X-Injected: yes');
    expect(m.text).toBe('body\nkeeps lines');
  });

  it('a name typed on the public accept form reaches the salesperson\'s subject as one clean line', async () => {
    // The form refuses line breaks outright...
    expect(acceptInput.safeParse({ token: 't', name: 'Evil\r\nBcc: x@y.z', agree: 'on' }).success).toBe(false);
    // ...and whatever reaches a notification anyway is cleaned before it becomes a subject.
    await notify(w.db, { orgId: w.org.id, userId: w.people.repA1.id, kind: 'quoteAccepted', params: { number: 'QT-1', name: 'Evil\r\nBcc: x@y.z\u202E' }, alwaysEmail: true });
    const [m] = await w.db.select().from(outbox).where(eq(outbox.to, w.people.repA1.email));
    expect(m.subject).toBe('Evil Bcc: x@y.z accepted quotation QT-1');
    expect(m.subject).not.toMatch(/[\r\n]/);
  });
});
