import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { organizations, quotationLines, quotations } from '../db/schema';
import type { Actor } from '../access/actor';
import { assertCan } from '../access/permissions';
import { conflict, invalid, stale } from '../errors';
import { writeAudit } from '../audit/write';
import { todayIn } from '../opportunities/commands';
import type { Totals } from '../documents/totals';
import { heldLines, lineColumns, prepareLines, totalsColumns, type PreparedLine } from './lines';
import { resolveParty } from '../documents/party';
import { getQuotation, quotationLinesOf } from './queries';
import type { QuotationInput } from './schemas';
import { holdRefs } from '../access/refs';
import { repriceForCurrency } from './repricing';

/** Adds days to a 'YYYY-MM-DD' date without any time zone getting in the way. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The defaults a new quotation starts from: validity from the settings, the organization's terms. */
export async function quotationDefaults(db: Db, actor: Actor) {
  const [org] = await db.select({ days: organizations.quoteValidityDays, terms: organizations.quoteTerms }).from(organizations).where(eq(organizations.id, actor.orgId));
  return { validUntil: addDays(todayIn(actor.org.timeZone), org?.days ?? 30), terms: org?.terms ?? '' };
}

function headerValues(input: QuotationInput, totals: Totals) {
  return {
    language: input.language,
    currency: input.currency,
    pricesIncludeTax: input.pricesIncludeTax,
    validUntil: input.validUntil,
    discountKind: input.discountKind,
    discountValue: input.discountValue,
    terms: input.terms,
    notes: input.notes,
    ...totalsColumns(totals, input.currency),
  };
}

export async function insertLines(tx: Db, quotationId: string, lines: PreparedLine[], totals: Totals) {
  if (!lines.length) return;
  await tx.insert(quotationLines).values(
    lines.map((l, i) => ({ quotationId, ...lineColumns(l, i, totals), priceToConfirm: l.priceToConfirm ?? false })),
  );
}

function checkValidity(actor: Actor, validUntil: string) {
  if (validUntil < todayIn(actor.org.timeZone)) throw invalid({ validUntil: 'validUntilPast' });
}

export async function createQuotation(db: Db, actor: Actor, input: QuotationInput, extra: { duplicatedFromId?: string } = {}): Promise<string> {
  assertCan(actor, 'quotation.create');
  const party = await resolveParty(db, actor, input);
  checkValidity(actor, input.validUntil);
  const { lines, totals } = await prepareLines(db, actor, input);
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await holdRefs(tx, { customerId: { table: 'customer', id: party.customerId }, contactId: { table: 'contact', id: party.contactId }, opportunityId: { table: 'deal', id: party.opportunityId }, ...heldLines(lines) });
    await tx.insert(quotations).values({
      id, familyId: id, orgId: actor.orgId, ...party, ...headerValues(input, totals),
      createdById: actor.id, duplicatedFromId: extra.duplicatedFromId ?? null,
    });
    await insertLines(tx, id, lines, totals);
    await writeAudit(tx, actor, actor.orgId, 'quotation', id, extra.duplicatedFromId ? 'duplicate' : 'create', { grandTotal: totals.grandTotal, from: extra.duplicatedFromId });
  });
  return id;
}

/** Only a draft is edited; a sent quotation is revised into a new version instead. */
export async function updateQuotation(db: Db, actor: Actor, id: string, expectedVersion: number, input: QuotationInput): Promise<void> {
  const current = await getQuotation(db, actor, id);
  assertCan(actor, 'quotation.edit');
  if (current.status !== 'draft') throw conflict('notDraft');
  const party = await resolveParty(db, actor, input, current);
  checkValidity(actor, input.validUntil);
  const before = { currency: current.currency, lines: current.lines };
  input = { ...input, lines: await repriceForCurrency(db, actor, { ...input, customerId: party.customerId }, before) };
  const { lines, totals } = await prepareLines(db, actor, input);
  await db.transaction(async (tx) => {
    await holdRefs(tx, { customerId: { table: 'customer', id: party.customerId }, contactId: { table: 'contact', id: party.contactId }, opportunityId: { table: 'deal', id: party.opportunityId }, ...heldLines(lines) });
    const done = await tx
      .update(quotations)
      .set({ ...party, ...headerValues(input, totals), version: expectedVersion + 1, updatedAt: new Date() })
      .where(and(eq(quotations.id, id), eq(quotations.version, expectedVersion), eq(quotations.status, 'draft')))
      .returning({ id: quotations.id });
    if (!done.length) throw stale();
    await tx.delete(quotationLines).where(eq(quotationLines.quotationId, id));
    await insertLines(tx, id, lines, totals);
    await writeAudit(tx, actor, actor.orgId, 'quotation', id, 'update', { grandTotal: totals.grandTotal });
  });
}

/** The input a stored quotation was made from, for duplicating and revising. */
export async function inputFrom(db: Db, q: Awaited<ReturnType<typeof getQuotation>>): Promise<QuotationInput> {
  const lines = await quotationLinesOf(db, q.id);
  return {
    customerId: q.customerId, contactId: q.contactId, opportunityId: q.opportunityId, ownerId: q.ownerId,
    language: q.language as QuotationInput['language'], currency: q.currency as QuotationInput['currency'],
    pricesIncludeTax: q.pricesIncludeTax, validUntil: q.validUntil, discountKind: q.discountKind,
    discountValue: trimZeros(q.discountValue), terms: q.terms, notes: q.notes,
    lines: lines.map((l) => ({
      productId: l.productId, description: l.description, unit: l.unit, quantity: trimZeros(l.quantity),
      unitPrice: trimZeros(l.unitPrice), discountKind: l.discountKind, discountValue: trimZeros(l.discountValue), taxRateId: l.taxRateId,
      priceToConfirm: l.priceToConfirm,
    })),
  };
}

export const trimZeros = (v: string) => (v.includes('.') ? v.replace(/0+$/, '').replace(/\.$/, '') : v);

/**
 * A new draft from any quotation, for the same customer or another one. The copy belongs to whoever
 * makes it, starts a new series position (no number until sent) and a fresh validity.
 */
export async function duplicateQuotation(db: Db, actor: Actor, id: string, customerId?: string | null): Promise<string> {
  const source = await getQuotation(db, actor, id);
  const input = await inputFrom(db, source);
  const sameCustomer = !customerId || customerId === source.customerId;
  const defaults = await quotationDefaults(db, actor);
  return createQuotation(
    db,
    actor,
    {
      ...input,
      customerId: sameCustomer ? source.customerId : customerId,
      contactId: sameCustomer ? input.contactId : null,
      opportunityId: sameCustomer ? input.opportunityId : null,
      ownerId: actor.id,
      validUntil: defaults.validUntil,
    },
    { duplicatedFromId: source.id },
  );
}
