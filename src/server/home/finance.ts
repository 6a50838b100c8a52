import 'server-only';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { customers, quotations } from '../db/schema';
import type { Actor } from '../access/actor';
import { quotationScopeOf } from '../access/scopes';
import { todayIn } from '../opportunities/commands';
import { HOME_LIST } from './rep';

/**
 * Accepted quotations that still wait for a sales order. There are no sales orders yet, so today
 * this is every accepted quotation in scope. When orders land, add their condition here and only
 * here, e.g. `sql\`not exists (select 1 from sales_orders o where o.quotation_id = ${quotations.id}
 * and o.status <> 'cancelled')\`` (with an index on sales_orders.quotation_id): the list and the
 * totals both read this predicate.
 */
export function awaitingOrder(actor: Actor): SQL {
  return and(quotationScopeOf(actor), eq(quotations.status, 'accepted'))!;
}

/** Finance's view: accepted quotations not yet ordered, latest first, and their total per currency. */
export async function financeHome(db: Db, actor: Actor, now = new Date()) {
  const where = awaitingOrder(actor);
  const latest = db
    .select({
      id: quotations.id,
      number: quotations.number,
      revision: quotations.revision,
      customerId: customers.id,
      customerName: customers.name,
      currency: quotations.currency,
      grandTotal: quotations.grandTotal,
      acceptedAt: quotations.acceptedAt,
    })
    .from(quotations)
    .innerJoin(customers, eq(customers.id, quotations.customerId))
    .where(where)
    .orderBy(sql`${quotations.acceptedAt} desc nulls last`, desc(quotations.id))
    .limit(HOME_LIST * 2);
  const sums = db
    .select({
      currency: quotations.currency,
      n: sql<number>`count(*)`.mapWith(Number),
      amount: sql<string>`sum(${quotations.grandTotal})::text`,
    })
    .from(quotations)
    .innerJoin(customers, eq(customers.id, quotations.customerId))
    .where(where)
    .groupBy(quotations.currency)
    .orderBy(quotations.currency);
  const [rows, totals] = await Promise.all([latest, sums]);
  return {
    today: todayIn(actor.org.timeZone, now),
    accepted: { rows, count: totals.reduce((s, m) => s + m.n, 0), totals: totals.map((m) => ({ currency: m.currency, amount: m.amount })) },
  };
}
export type FinanceHome = Awaited<ReturnType<typeof financeHome>>;
