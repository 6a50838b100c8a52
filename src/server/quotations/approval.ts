import 'server-only';
import Decimal from 'decimal.js';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { discountPolicies, products, quotationLines, quotations, teams, users } from '../db/schema';
import type { Actor, Role } from '../access/actor';
import { assertCan, can } from '../access/permissions';
import { conflict, forbidden, stale } from '../errors';
import { writeAudit } from '../audit/write';
import { notifyMany } from '../notifications';
import { catalogPrices } from '../catalog/pricing';
import { minorUnits } from '../documents/totals';
import { displayNumber, getQuotation, quotationScope } from './queries';
import { z } from 'zod';
import { choice, longText, uuid, version } from '../validation';

export const requestApprovalInput = z.object({ id: uuid, version });
export const decideApprovalInput = z.object({ id: uuid, version, decision: choice(['approve', 'reject']), note: longText(1000) });

/** Why a quotation needs a manager's approval before it can be sent. */
export type DiscountIssue =
  | { kind: 'line'; position: number; percent: string; limit: string }
  | { kind: 'document'; percent: string; limit: string }
  | { kind: 'floor'; position: number; unitPrice: string; floor: string };

export type DiscountPolicy = { role: Role; maxLinePercent: string | null; maxDocumentPercent: string | null };
export const POLICY_ROLES = ['rep', 'manager', 'admin'] as const satisfies readonly Role[];

export async function discountPolicyOf(db: Db, orgId: string, role: Role): Promise<DiscountPolicy> {
  const [p] = await db
    .select({ role: discountPolicies.role, maxLinePercent: discountPolicies.maxLinePercent, maxDocumentPercent: discountPolicies.maxDocumentPercent })
    .from(discountPolicies)
    .where(and(eq(discountPolicies.orgId, orgId), eq(discountPolicies.role, role)));
  return p ?? { role, maxLinePercent: null, maxDocumentPercent: null };
}

type Header = { customerId: string; currency: string; pricesIncludeTax: boolean; discountTotal: string };
type StoredLine = { position: number; productId: string | null; quantity: string; gross: string; discount: string; net: string };

const pct = (part: Decimal, whole: Decimal) => (whole.isZero() ? new Decimal(0) : part.times(100).div(whole));
const shown = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toString();

/**
 * The discounts a role may not give on its own, from the stored figures of a quotation: each line's
 * discount against its gross, all discounts together against the lines' gross, and each catalogue
 * line's net unit price (after its share of the document discount) against the product's floor in
 * the quotation's currency and tax mode. Empty: the quotation can go out without approval.
 */
export async function discountIssues(db: Db, actor: Actor, role: Role, q: Header, lines: StoredLine[]): Promise<DiscountIssue[]> {
  const issues: DiscountIssue[] = [];
  const policy = await discountPolicyOf(db, actor.orgId, role);
  if (policy.maxLinePercent !== null) {
    const limit = new Decimal(policy.maxLinePercent);
    for (const l of lines) {
      const p = pct(new Decimal(l.discount), new Decimal(l.gross));
      if (p.gt(limit)) issues.push({ kind: 'line', position: l.position, percent: shown(p), limit: shown(limit) });
    }
  }
  if (policy.maxDocumentPercent !== null) {
    const limit = new Decimal(policy.maxDocumentPercent);
    // Against the amount before any discount: the lines' gross (the subtotal is already net of line discounts).
    const gross = lines.reduce((s, l) => s.plus(l.gross), new Decimal(0));
    const p = pct(new Decimal(q.discountTotal), gross);
    if (p.gt(limit)) issues.push({ kind: 'document', percent: shown(p), limit: shown(limit) });
  }
  const ids = [...new Set(lines.map((l) => l.productId).filter((v): v is string => Boolean(v)))];
  if (ids.length) {
    const rows = await db
      .select({ id: products.id, price: products.price, floorPrice: products.floorPrice, taxRateId: products.taxRateId })
      .from(products)
      .where(and(eq(products.orgId, actor.orgId), inArray(products.id, ids)));
    const prices = await catalogPrices(db, actor, { customerId: q.customerId, currency: q.currency, pricesIncludeTax: q.pricesIncludeTax, products: rows });
    // The document discount is shared over the lines in proportion to their nets.
    const netSum = lines.reduce((s, l) => s.plus(l.net), new Decimal(0));
    const lineDiscounts = lines.reduce((s, l) => s.plus(l.discount), new Decimal(0));
    const documentDiscount = Decimal.max(new Decimal(q.discountTotal).minus(lineDiscounts), 0);
    const places = minorUnits(q.currency);
    for (const l of lines) {
      const floor = l.productId ? prices.get(l.productId)?.floor : '';
      if (!floor) continue;
      const net = new Decimal(l.net);
      const share = netSum.isZero() ? new Decimal(0) : documentDiscount.times(net).div(netSum);
      const effective = net.minus(share);
      const least = new Decimal(floor).times(l.quantity).toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
      if (effective.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).lt(least)) {
        issues.push({ kind: 'floor', position: l.position, unitPrice: effective.div(l.quantity).toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toString(), floor });
      }
    }
  }
  return issues;
}

type Approvable = Header & { id: string; version: number; approvedVersion: number | null };

/** Is this version approved, or does it need no approval for the role sending it? Checked inside the send. */
export async function sendBlock(tx: Db, actor: Actor, q: Approvable): Promise<'pricesToConfirm' | 'approvalRequired' | null> {
  const lines = await tx
    .select({ position: quotationLines.position, productId: quotationLines.productId, quantity: quotationLines.quantity, gross: quotationLines.gross, discount: quotationLines.discount, net: quotationLines.net, priceToConfirm: quotationLines.priceToConfirm })
    .from(quotationLines)
    .where(eq(quotationLines.quotationId, q.id));
  if (lines.some((l) => l.priceToConfirm)) return 'pricesToConfirm';
  if (q.approvedVersion === q.version) return null;
  const issues = await discountIssues(tx, actor, actor.role, q, lines);
  return issues.length ? 'approvalRequired' : null;
}

/** What the quotation page shows: what needs approval for this viewer, and who asked / approved. */
export async function approvalState(db: Db, actor: Actor, q: Awaited<ReturnType<typeof getQuotation>>) {
  const issues = q.status === 'draft' ? await discountIssues(db, actor, actor.role, q, q.lines) : [];
  const ids = [q.approvalRequestedById, q.approvedById].filter((v): v is string => Boolean(v));
  const names = ids.length ? await db.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.orgId, actor.orgId), inArray(users.id, ids))) : [];
  const nameOf = (id: string | null) => names.find((n) => n.id === id)?.name ?? '';
  const approved = q.approvedAt !== null && q.approvedVersion === q.version;
  return {
    issues,
    approved,
    approvedBy: q.approvedAt ? nameOf(q.approvedById) : '',
    approvedAt: q.approvedAt,
    // An approval of an earlier version: the quotation changed after it was approved.
    approvalOutdated: q.approvedAt !== null && !approved && q.status === 'draft',
    requestedBy: q.approvalRequestedAt ? nameOf(q.approvalRequestedById) : '',
    requestedAt: q.approvalRequestedAt,
    note: q.approvalNote,
    canApprove: q.status === 'draft' && mayApprove(actor, q),
    canRequest: q.status === 'draft' && can(actor, 'quotation.edit') && issues.length > 0 && !approved && !q.approvalRequestedAt,
  };
}

/** Managers and admins approve; nobody but an admin approves a quotation they sell or wrote. */
function mayApprove(actor: Actor, q: { ownerId: string; createdById: string | null }): boolean {
  if (!can(actor, 'quotation.approveDiscount')) return false;
  return actor.role === 'admin' || (q.ownerId !== actor.id && q.createdById !== actor.id);
}

/** Who is told that a quotation waits for approval: the salesperson's team manager, else the admins. */
async function approversOf(db: Db, actor: Actor, ownerId: string): Promise<string[]> {
  const [owner] = await db.select({ managerId: teams.managerId }).from(users).leftJoin(teams, eq(teams.id, users.teamId)).where(eq(users.id, ownerId));
  if (owner?.managerId && owner.managerId !== ownerId) return [owner.managerId];
  const admins = await db.select({ id: users.id }).from(users).where(and(eq(users.orgId, actor.orgId), eq(users.role, 'admin'), eq(users.active, true)));
  return admins.map((a) => a.id).filter((id) => id !== actor.id);
}

async function changeApproval(db: Db, actor: Actor, id: string, expectedVersion: number, set: Partial<typeof quotations.$inferInsert>) {
  const done = await db
    .update(quotations)
    .set({ ...set, version: expectedVersion + 1, updatedAt: new Date() })
    .where(and(eq(quotations.id, id), eq(quotations.version, expectedVersion), eq(quotations.status, 'draft')))
    .returning({ id: quotations.id });
  if (!done.length) throw stale();
}

export async function requestApproval(db: Db, actor: Actor, id: string, expectedVersion: number): Promise<void> {
  const q = await getQuotation(db, actor, id);
  assertCan(actor, 'quotation.edit');
  if (q.status !== 'draft') throw conflict('notDraft');
  if (q.version !== expectedVersion) throw stale();
  const issues = await discountIssues(db, actor, actor.role, q, q.lines);
  if (!issues.length) throw conflict('noApprovalNeeded');
  const approvers = await approversOf(db, actor, q.ownerId);
  await db.transaction(async (tx) => {
    await changeApproval(tx, actor, id, expectedVersion, { approvalRequestedAt: new Date(), approvalRequestedById: actor.id, approvalNote: '' });
    await writeAudit(tx, actor, actor.orgId, 'quotation', id, 'approvalRequest', { issues: issues.length });
    await notifyMany(tx, approvers.map((userId) => ({
      orgId: actor.orgId, userId, kind: 'approvalRequested' as const, link: `/quotations/${id}`,
      params: { name: actor.name, customer: q.customerName },
    })));
  });
}

/** Approves exactly the version the approver saw: an edit in between makes the approval stale. */
export async function decideApproval(db: Db, actor: Actor, id: string, expectedVersion: number, decision: 'approve' | 'reject', note: string): Promise<void> {
  const q = await getQuotation(db, actor, id);
  if (!can(actor, 'quotation.approveDiscount')) throw forbidden();
  if (!mayApprove(actor, q)) throw conflict('ownApproval');
  if (q.status !== 'draft') throw conflict('notDraft');
  if (q.version !== expectedVersion) throw stale();
  await db.transaction(async (tx) => {
    if (decision === 'approve') {
      await changeApproval(tx, actor, id, expectedVersion, { approvedAt: new Date(), approvedById: actor.id, approvedVersion: expectedVersion + 1, approvalNote: note });
    } else {
      await changeApproval(tx, actor, id, expectedVersion, { approvedAt: null, approvedById: null, approvedVersion: null, approvalRequestedAt: null, approvalNote: note });
    }
    await writeAudit(tx, actor, actor.orgId, 'quotation', id, decision === 'approve' ? 'approve' : 'rejectApproval', { note, version: expectedVersion + 1 });
    const tell = [...new Set([q.approvalRequestedById, q.ownerId].filter((v): v is string => Boolean(v) && v !== actor.id))];
    await notifyMany(tx, tell.map((userId) => ({
      orgId: actor.orgId, userId, kind: decision === 'approve' ? ('approvalGiven' as const) : ('approvalRefused' as const), link: `/quotations/${id}`,
      params: { name: actor.name, customer: q.customerName, number: displayNumber(q) ?? '' },
    })));
  });
}

/** Drafts waiting for a decision that this actor may take, for their list and home page. */
export async function awaitingApprovalCount(db: Db, actor: Actor): Promise<number> {
  if (!can(actor, 'quotation.approveDiscount')) return 0;
  const rows = await db
    .select({ id: quotations.id })
    .from(quotations)
    .where(and(quotationScope(actor), eq(quotations.status, 'draft'), isNotNull(quotations.approvalRequestedAt)))
    .limit(100);
  return rows.length;
}
