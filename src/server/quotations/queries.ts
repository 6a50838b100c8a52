import 'server-only';
import { and, asc, desc, eq, gte, ilike, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';
import { contacts, customers, opportunities, products, quotationLines, quotations, users } from '../db/schema';
import type { Actor } from '../access/actor';
import { quotationScopeOf } from '../access/scopes';
import { notFound } from '../errors';
import { isUuid } from '../validation';
import { decodeCursor, encodeCursor } from '../db/cursor';
import { todayIn } from '../opportunities/commands';
import type { QuotationStatus } from './schemas';
import { containsPattern, searchTerm } from '../db/search';

export const QUOTE_PAGE = 25;
const owner = alias(users, 'quote_owner');

/** A quotation is seen by whoever may see its salesperson's records or its customer's territory. */
export const quotationScope = quotationScopeOf;

/** Expiry is read from the validity date, so a quotation expires without any job running. */
export function effectiveStatus(q: { status: string; validUntil: string }, today: string): QuotationStatus {
  if (q.status === 'sent' && q.validUntil < today) return 'expired';
  return q.status as QuotationStatus;
}

export type QuotationFilters = { q?: string; status?: QuotationStatus | ''; customerId?: string; opportunityId?: string; cursor?: string; awaitingApproval?: boolean };

function filterPredicate(actor: Actor, f: QuotationFilters, today: string): SQL {
  const parts: SQL[] = [quotationScope(actor)];
  if (f.customerId) parts.push(eq(quotations.customerId, f.customerId));
  if (f.opportunityId) parts.push(eq(quotations.opportunityId, f.opportunityId));
  if (f.status === 'expired') parts.push(eq(quotations.status, 'sent'), lt(quotations.validUntil, today));
  else if (f.status === 'sent') parts.push(eq(quotations.status, 'sent'), gte(quotations.validUntil, today));
  else if (f.status) parts.push(eq(quotations.status, f.status));
  // Drafts whose salesperson asked for a discount approval that the current version does not have.
  if (f.awaitingApproval) parts.push(eq(quotations.status, 'draft'), isNotNull(quotations.approvalRequestedAt), sql`${quotations.approvedVersion} is distinct from ${quotations.version}`);
  const q = searchTerm(f.q);
  if (q) {
    const p = containsPattern(q);
    parts.push(or(ilike(quotations.number, p), ilike(customers.name, p))!);
  }
  return and(...parts)!;
}

const listColumns = {
  id: quotations.id,
  familyId: quotations.familyId,
  number: quotations.number,
  revision: quotations.revision,
  status: quotations.status,
  validUntil: quotations.validUntil,
  issueDate: quotations.issueDate,
  currency: quotations.currency,
  grandTotal: quotations.grandTotal,
  customerId: quotations.customerId,
  customerName: customers.name,
  opportunityId: quotations.opportunityId,
  ownerName: owner.name,
  createdAt: quotations.createdAt,
  awaitingApproval: sql<boolean>`(${quotations.status} = 'draft' and ${quotations.approvalRequestedAt} is not null and ${quotations.approvedVersion} is distinct from ${quotations.version})`,
};

/** One page of quotations in scope, newest first, keyset over (created_at, id). */
export async function listQuotations(db: Db, actor: Actor, f: QuotationFilters, limit = QUOTE_PAGE) {
  const today = todayIn(actor.org.timeZone);
  let where = filterPredicate(actor, f, today);
  const cursor = decode(f.cursor, 'timestamp');
  if (cursor) where = and(where, sql`(${quotations.createdAt}, ${quotations.id}) < (${cursor.v}::timestamptz, ${cursor.i}::uuid)`)!;
  const rows = await db
    .select(listColumns)
    .from(quotations)
    .innerJoin(customers, eq(customers.id, quotations.customerId))
    .innerJoin(owner, eq(owner.id, quotations.ownerId))
    .where(where)
    .orderBy(desc(quotations.createdAt), desc(quotations.id))
    .limit(limit + 1);
  const more = rows.length > limit;
  const page = (more ? rows.slice(0, limit) : rows).map((r) => ({ ...r, status: effectiveStatus(r, today) }));
  const last = page.at(-1);
  return { rows: page, nextCursor: more && last ? encode({ v: last.createdAt.toISOString(), i: last.id }) : null };
}

/** Every version of every quotation of a customer or a deal, grouped by family, newest family first. */
export async function quotationsOf(db: Db, actor: Actor, f: { customerId?: string; opportunityId?: string }) {
  const today = todayIn(actor.org.timeZone);
  const rows = await db
    .select(listColumns)
    .from(quotations)
    .innerJoin(customers, eq(customers.id, quotations.customerId))
    .innerJoin(owner, eq(owner.id, quotations.ownerId))
    .where(filterPredicate(actor, f, today))
    .orderBy(desc(sql`max(${quotations.createdAt}) over (partition by ${quotations.familyId})`), desc(quotations.revision))
    .limit(200);
  return rows.map((r) => ({ ...r, status: effectiveStatus(r, today) }));
}

const encode = encodeCursor;
const decode = decodeCursor;

export async function quotationLinesOf(db: Db, quotationId: string) {
  return db
    .select({ line: quotationLines, productCode: products.code })
    .from(quotationLines)
    .leftJoin(products, eq(products.id, quotationLines.productId))
    .where(eq(quotationLines.quotationId, quotationId))
    .orderBy(asc(quotationLines.position))
    .then((rows) => rows.map((r) => ({ ...r.line, productCode: r.productCode ?? '' })));
}

/** A quotation with its lines and names, or NotFound when it does not exist or is out of scope. */
export async function getQuotation(db: Db, actor: Actor, id: string) {
  if (!isUuid(id)) throw notFound();
  const [row] = await db
    .select({ q: quotations, customerName: customers.name, contactName: contacts.name, contactEmail: contacts.email, ownerName: owner.name, dealTitle: opportunities.title })
    .from(quotations)
    .innerJoin(customers, eq(customers.id, quotations.customerId))
    .innerJoin(owner, eq(owner.id, quotations.ownerId))
    .leftJoin(contacts, eq(contacts.id, quotations.contactId))
    .leftJoin(opportunities, eq(opportunities.id, quotations.opportunityId))
    .where(and(eq(quotations.id, id), quotationScope(actor)));
  if (!row) throw notFound();
  const today = todayIn(actor.org.timeZone);
  const lines = await quotationLinesOf(db, id);
  const versions = await db
    .select({ id: quotations.id, revision: quotations.revision, status: quotations.status, validUntil: quotations.validUntil, number: quotations.number })
    .from(quotations)
    .where(and(eq(quotations.familyId, row.q.familyId), eq(quotations.orgId, actor.orgId)))
    .orderBy(desc(quotations.revision));
  return {
    ...row.q,
    effectiveStatus: effectiveStatus(row.q, today),
    customerName: row.customerName,
    contactName: row.contactName,
    contactEmail: row.contactEmail,
    ownerName: row.ownerName,
    dealTitle: row.dealTitle,
    lines,
    versions: versions.map((v) => ({ ...v, status: effectiveStatus(v, today) })),
  };
}
export type QuotationDetail = Awaited<ReturnType<typeof getQuotation>>;

/** "QT-2026-00001", "QT-2026-00001-v2" for later versions; null for a draft never sent. */
export function displayNumber(q: { number: string | null; revision: number }): string | null {
  if (!q.number) return null;
  return q.revision > 1 ? `${q.number}-v${q.revision}` : q.number;
}
