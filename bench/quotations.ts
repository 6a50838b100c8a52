// Quotation totals, creating and sending (numbering + token + mail in one transaction). Usage:
//   npm run bench:quotations
// Uses PGlite in memory unless DATABASE_URL is set (then it writes to that database: use a scratch one).
import { performance } from 'node:perf_hooks';
import { time } from './timing';
import { eq } from 'drizzle-orm';
import { closeDb, dbKind, getDb } from '../src/server/db/client';
import { seedDemo } from '../src/server/db/seed';
import { loadActor } from '../src/server/access/load-actor';
import { computeTotals } from '../src/server/documents/totals';
import { contacts, customers, users } from '../src/server/db/schema';

if (!process.env.DATABASE_URL && !process.env.PGLITE_DIR) process.env.PGLITE_DIR = 'memory://';


async function main() {
  console.log(`database: ${await dbKind()}`);
  const line = { quantity: '3', unitPrice: '1250.55', discountKind: 'percent' as const, discountValue: '5', taxRate: '7', taxKey: 'vat' };
  for (const n of [10, 200]) {
    await time(`totals, ${n} lines`, () => computeTotals({ currency: 'THB', pricesIncludeTax: false, discountKind: 'percent', discountValue: '2', lines: Array(n).fill(line) }), 200);
  }

  const db = await getDb();
  await seedDemo(db, { force: true });
  const { createQuotation, sendQuotation, quotationInput, addDays } = await import('../src/server/quotations');
  const [rep] = await db.select().from(users).where(eq(users.email, 'rep.bangrak@demo.test'));
  const actor = (await loadActor(db, rep.id))!;
  const [c] = await db.select().from(customers).where(eq(customers.ownerId, rep.id)).limit(1);
  const [contact] = await db.select().from(contacts).where(eq(contacts.customerId, c.id)).limit(1);
  const input = quotationInput.parse({
    customerId: c.id, contactId: contact.id, language: 'th', currency: 'THB', validUntil: addDays(new Date().toISOString().slice(0, 10), 30),
    lines: JSON.stringify(Array.from({ length: 10 }, () => ({ description: 'Item', quantity: '2', unitPrice: '1500' }))),
  });
  const ids: string[] = [];
  await time('create a 10-line quotation', async () => ids.push(await createQuotation(db, actor, input)), 50);
  await time('send it (number + token + mail)', async () => sendQuotation(db, actor, ids.pop()!), 50);
  if (process.env.DATABASE_URL) {
    const batch = await Promise.all(Array.from({ length: 50 }, () => createQuotation(db, actor, input)));
    const t = performance.now();
    await Promise.all(batch.map((id) => sendQuotation(db, actor, id)));
    console.log(`${'50 sends at once (wall time)'.padEnd(44)} ${(performance.now() - t).toFixed(0)} ms`);
  }
  await closeDb();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
