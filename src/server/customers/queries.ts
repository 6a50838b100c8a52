import 'server-only';
import { and, asc, count, eq, gt, ilike, like, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';
import { contacts, customers, territories, users } from '../db/schema';
import type { Actor } from '../access/actor';
import { customerScopeOf } from '../access/scopes';
import { notFound } from '../errors';
import { isUuid } from '../validation';
import type { CustomerFilters } from './schemas';
import { phoneSearchDigits } from './phone';
import { searchTerm } from '../db/search';

export const PAGE_SIZE = 25;

export const customerScope = customerScopeOf;

function escapeLike(s: string) {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function filterPredicate(actor: Actor, f: Partial<CustomerFilters>): SQL {
  const parts: SQL[] = [customerScope(actor)];
  const q = searchTerm(f.q);
  if (q) {
    // Each branch is served by a trigram index; the union keeps the planner on those indexes.
    const pattern = `%${escapeLike(q)}%`;
    const digits = phoneSearchDigits(q);
    // Names always; emails when the query has an @; tax IDs and phones when it is mostly digits.
    // Fewer OR branches keep each one on its trigram index at hundreds of thousands of rows.
    const onCustomer = [ilike(customers.name, pattern)];
    const onContact = [ilike(contacts.name, pattern)];
    if (q.includes('@')) {
      onCustomer.push(ilike(customers.email, pattern));
      onContact.push(ilike(contacts.email, pattern));
    }
    if (/^[0-9A-Za-z-]{5,20}$/.test(q) && /\d{3}/.test(q)) onCustomer.push(ilike(customers.taxId, pattern));
    if (digits) {
      onCustomer.push(like(customers.phoneDigits, `%${digits}%`));
      onContact.push(like(contacts.phoneDigits, `%${digits}%`));
    }
    parts.push(sql`${customers.id} in (
      select ${customers.id} from ${customers} where ${customers.orgId} = ${actor.orgId} and (${or(...onCustomer)})
      union
      select ${contacts.customerId} from ${contacts} where ${contacts.orgId} = ${actor.orgId} and (${or(...onContact)}))`);
  }
  if (f.territoryId) parts.push(eq(customers.territoryId, f.territoryId));
  if (f.ownerId) parts.push(eq(customers.ownerId, f.ownerId));
  return and(...parts)!;
}

type Cursor = { n: string; i: string };
export function encodeCursor(c: Cursor) {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}
function decodeCursor(s: string | undefined): Cursor | null {
  if (!s) return null;
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Cursor;
    // PostgreSQL text holds no NUL and only well-formed UTF-8: anything else was not ours.
    return c && typeof c.n === 'string' && c.n.length <= 1000 && !c.n.includes('\u0000') && c.n.isWellFormed() && isUuid(c.i) ? c : null;
  } catch {
    return null;
  }
}

const owner = alias(users, 'owner');

/** One page of customers the actor may see, ordered by name, with a keyset cursor for the next page. */
export async function listCustomers(db: Db, actor: Actor, f: Partial<CustomerFilters>, limit = PAGE_SIZE) {
  const cursor = decodeCursor(f.cursor);
  const where = cursor
    ? and(filterPredicate(actor, f), or(gt(customers.name, cursor.n), and(eq(customers.name, cursor.n), gt(customers.id, cursor.i))))
    : filterPredicate(actor, f);
  const rows = await db
    .select({
      id: customers.id,
      name: customers.name,
      phone: customers.phone,
      email: customers.email,
      territoryName: territories.name,
      ownerName: owner.name,
      ownerId: customers.ownerId,
    })
    .from(customers)
    .leftJoin(territories, eq(territories.id, customers.territoryId))
    .innerJoin(owner, eq(owner.id, customers.ownerId))
    .where(where)
    .orderBy(asc(customers.name), asc(customers.id))
    .limit(limit + 1);
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  return { rows: page, nextCursor: more && last ? encodeCursor({ n: last.name, i: last.id }) : null };
}

export async function countCustomers(db: Db, actor: Actor, f: Partial<CustomerFilters> = {}): Promise<number> {
  const [row] = await db.select({ n: count() }).from(customers).where(filterPredicate(actor, f));
  return Number(row?.n ?? 0);
}

/** A customer with its contacts, or NotFound when it does not exist or is out of the actor's scope. */
export async function getCustomer(db: Db, actor: Actor, id: string) {
  if (!isUuid(id)) throw notFound();
  const [row] = await db
    .select({ customer: customers, territoryName: territories.name, ownerName: owner.name })
    .from(customers)
    .leftJoin(territories, eq(territories.id, customers.territoryId))
    .innerJoin(owner, eq(owner.id, customers.ownerId))
    .where(and(eq(customers.id, id), customerScope(actor)));
  if (!row) throw notFound();
  const people = await db
    .select()
    .from(contacts)
    .where(eq(contacts.customerId, id))
    .orderBy(sql`${contacts.isPrimary} desc`, asc(contacts.name));
  return { ...row.customer, territoryName: row.territoryName, ownerName: row.ownerName, contacts: people };
}

/** Contacts whose customer the actor may see, by name, email or phone in any format. */
export async function searchContacts(db: Db, actor: Actor, q: string, limit = 10) {
  const query = searchTerm(q);
  if (!query) return [];
  const pattern = `%${escapeLike(query)}%`;
  const digits = phoneSearchDigits(query);
  const match = [ilike(contacts.name, pattern)];
  if (query.includes('@')) match.push(ilike(contacts.email, pattern));
  if (digits) match.push(like(contacts.phoneDigits, `%${digits}%`));
  return db
    .select({ id: contacts.id, name: contacts.name, title: contacts.title, phone: contacts.phone, email: contacts.email, customerId: customers.id, customerName: customers.name })
    .from(contacts)
    .innerJoin(customers, eq(customers.id, contacts.customerId))
    .where(and(customerScope(actor), eq(contacts.orgId, actor.orgId), or(...match)))
    .orderBy(asc(contacts.name), asc(contacts.id))
    .limit(limit);
}
