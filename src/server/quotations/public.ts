import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { opportunities, opportunityHistory, organizations, quotations, stages } from '../db/schema';
import { DomainError, notFound } from '../errors';
import { writeAudit } from '../audit/write';
import { notify } from '../notifications';
import { todayIn } from '../opportunities/commands';
import { displayNumber, effectiveStatus, quotationLinesOf } from './queries';
import { hashLinkToken, isLinkToken } from './link';

export type LinkState = 'open' | 'accepted' | 'declined' | 'expired' | 'withdrawn';

/**
 * The quotation behind a customer's link, or null (the page answers 404) when the token is
 * malformed or unknown, or when the link was answered more than `answeredLinkDays()` ago. A link
 * of a retired version or a revoked link is 'withdrawn'. `availableUntil` is when an answered
 * link stops working (null while it is not answered).
 */
export async function findByToken(db: Db, token: string, now = new Date()) {
  if (!isLinkToken(token)) return null;
  const [q] = await db.select().from(quotations).where(eq(quotations.tokenHash, hashLinkToken(token)));
  if (!q) return null;
  const availableUntil = answeredLinkEnd(q);
  if (availableUntil && now >= availableUntil) return null;
  const [org] = await db.select().from(organizations).where(eq(organizations.id, q.orgId));
  const today = todayIn(org.timeZone, now);
  return { quotation: q, org, state: linkState(q, today), lines: await quotationLinesOf(db, q.id), availableUntil };
}

/**
 * Days an answered (accepted or declined) link keeps serving its page and PDF, so the customer can
 * come back for their copy; then it is gone like an unknown link. QUOTE_LINK_ANSWERED_DAYS, default 90.
 */
export function answeredLinkDays(): number {
  const days = Number(process.env.QUOTE_LINK_ANSWERED_DAYS);
  return Number.isInteger(days) && days > 0 ? days : 90;
}

function answeredLinkEnd(q: typeof quotations.$inferSelect): Date | null {
  const answeredAt = q.status === 'accepted' ? q.acceptedAt : q.status === 'declined' ? q.declinedAt : null;
  return answeredAt ? new Date(answeredAt.getTime() + answeredLinkDays() * 86_400_000) : null;
}

function linkState(q: typeof quotations.$inferSelect, today: string): LinkState {
  if (q.status === 'revised' || q.tokenRevokedAt) return 'withdrawn';
  if (q.status === 'accepted') return 'accepted';
  if (q.status === 'declined') return 'declined';
  if (effectiveStatus(q, today) === 'expired') return 'expired';
  return 'open';
}

const refused = (key: string) => new DomainError('conflict', key);

/** Locks the quotation behind a token and checks that it can still be answered. */
async function lockOpen(tx: Db, token: string) {
  if (!isLinkToken(token)) throw notFound();
  const [q] = await tx.select().from(quotations).where(eq(quotations.tokenHash, hashLinkToken(token))).for('update');
  if (!q) throw notFound();
  const [org] = await tx.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, q.orgId));
  const state = linkState(q, todayIn(org.timeZone));
  if (state === 'accepted') throw refused('alreadyAccepted');
  if (state === 'declined') throw refused('alreadyDeclined');
  if (state === 'expired') throw refused('quoteExpired');
  if (state === 'withdrawn') throw refused('linkWithdrawn');
  return { q, timeZone: org.timeZone };
}

/**
 * The customer accepts: records who (the typed name), when and from where, moves the deal to its
 * pipeline's won stage, and tells the salesperson in the app and by mail. Twice, or too late, is
 * refused with a clear message and changes nothing.
 */
export async function acceptByToken(db: Db, token: string, who: { name: string; ip: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const { q, timeZone } = await lockOpen(tx, token);
    const now = new Date();
    await tx
      .update(quotations)
      .set({ status: 'accepted', acceptedAt: now, acceptedName: who.name, acceptedIp: who.ip, version: q.version + 1, updatedAt: now })
      .where(eq(quotations.id, q.id));
    if (q.opportunityId) await winDeal(tx, q.opportunityId, todayIn(timeZone, now), { amount: q.grandTotal, currency: q.currency });
    const number = displayNumber(q) ?? '';
    await writeAudit(tx, null, q.orgId, 'quotation', q.id, 'accept', { name: who.name, ip: who.ip });
    await notify(tx, {
      orgId: q.orgId, userId: q.ownerId, kind: 'quoteAccepted', params: { number, name: who.name },
      link: `/quotations/${q.id}`, alwaysEmail: true,
    });
  });
}

/**
 * The customer's acceptance wins the deal at the accepted total: the rep's earlier guess is replaced
 * by the quotation's grand total and currency (the history shows both figures, so a change of
 * currency is visible), so won revenue and win rates count what was actually sold.
 */
async function winDeal(tx: Db, opportunityId: string, today: string, accepted: { amount: string; currency: string }) {
  const [deal] = await tx.select().from(opportunities).where(eq(opportunities.id, opportunityId)).for('update');
  if (!deal || deal.status === 'won') return;
  const [won] = await tx
    .select()
    .from(stages)
    .where(and(eq(stages.pipelineId, deal.pipelineId), eq(stages.kind, 'won')))
    .orderBy(asc(stages.position))
    .limit(1)
    // Held until commit, so the stage cannot be removed between this read and the deal's update.
    .for('share');
  if (!won) return;
  await tx
    .update(opportunities)
    .set({
      stageId: won.id, status: 'won', probability: won.probability, closedOn: today, lostReasonId: null, lostNote: '',
      standbyUntil: null, amount: accepted.amount, currency: accepted.currency, version: deal.version + 1, updatedAt: new Date(),
    })
    .where(eq(opportunities.id, deal.id));
  // No user moved it: the customer did, through the quotation; the history shows no actor.
  const plain = (v: string) => (v.includes('.') ? v.replace(/0+$/, '').replace(/\.$/, '') : v);
  const amountFrom = `${plain(deal.amount)} ${deal.currency}`;
  const amountTo = `${plain(accepted.amount)} ${accepted.currency}`;
  await tx.insert(opportunityHistory).values([
    { orgId: deal.orgId, opportunityId: deal.id, actorId: null, field: 'stage', fromValue: deal.stageId, toValue: won.id },
    ...(amountFrom !== amountTo ? [{ orgId: deal.orgId, opportunityId: deal.id, actorId: null, field: 'amount', fromValue: amountFrom, toValue: amountTo }] : []),
  ]);
}

export async function declineByToken(db: Db, token: string, reason: string): Promise<void> {
  await db.transaction(async (tx) => {
    const { q } = await lockOpen(tx, token);
    const now = new Date();
    await tx
      .update(quotations)
      .set({ status: 'declined', declinedAt: now, declineReason: reason, version: q.version + 1, updatedAt: now })
      .where(eq(quotations.id, q.id));
    await writeAudit(tx, null, q.orgId, 'quotation', q.id, 'decline', { reason });
    await notify(tx, {
      orgId: q.orgId, userId: q.ownerId, kind: 'quoteDeclined', params: { number: displayNumber(q) ?? '', reason },
      link: `/quotations/${q.id}`, alwaysEmail: true,
    });
  });
}
