import 'server-only';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { taxRatePeriods, taxRates } from '../db/schema';
import type { Actor } from '../access/actor';
import { assertCan } from '../access/permissions';
import { invalid } from '../errors';
import { writeAudit } from '../audit/write';
import { todayIn } from '../opportunities/commands';
import { date, optionalDate, percent, text, uuid } from '../validation';
import { overlaps } from './tax-periods';

/**
 * A rate's figure changes by adding a period (e.g. Russia: end 20 % on 2025-12-31, add 22 % from
 * 2026-01-01). Periods of one rate never overlap: every change runs in a transaction that first
 * locks the tax rate row, so two admins cannot slip overlapping periods past each other.
 */
export const taxPeriodInput = z.object({
  taxRateId: uuid,
  rate: percent({ required: true }),
  validFrom: date(),
  validTo: optionalDate(),
  note: text(300),
});
export type TaxPeriodInput = z.infer<typeof taxPeriodInput>;

export const endTaxPeriodInput = z.object({ periodId: uuid, validTo: date() });
export type EndTaxPeriodInput = z.infer<typeof endTaxPeriodInput>;

/** Locks one of the actor's tax rates, with its periods; null when the id is not theirs. */
async function lockRate(tx: Db, actor: Actor, taxRateId: string) {
  const [rate] = await tx
    .select({ id: taxRates.id, kind: taxRates.kind })
    .from(taxRates)
    .where(and(eq(taxRates.id, taxRateId), eq(taxRates.orgId, actor.orgId)))
    .for('update');
  if (!rate) return null;
  const periods = await tx.select().from(taxRatePeriods).where(eq(taxRatePeriods.taxRateId, rate.id));
  return { rate, periods };
}

/** Finds a period of one of the actor's rates; the same field error for unknown and foreign ids. */
async function periodOf(db: Db, actor: Actor, periodId: string) {
  const [p] = await db
    .select({ id: taxRatePeriods.id, taxRateId: taxRatePeriods.taxRateId })
    .from(taxRatePeriods)
    .innerJoin(taxRates, eq(taxRates.id, taxRatePeriods.taxRateId))
    .where(and(eq(taxRatePeriods.id, periodId), eq(taxRates.orgId, actor.orgId)));
  if (!p) throw invalid({ periodId: 'invalidChoice' });
  return p;
}

export async function addTaxRatePeriod(db: Db, actor: Actor, input: TaxPeriodInput): Promise<string> {
  assertCan(actor, 'org.manage');
  if (input.validTo && input.validTo < input.validFrom) throw invalid({ validTo: 'periodEndBeforeStart' });
  return db.transaction(async (tx) => {
    const locked = await lockRate(tx, actor, input.taxRateId);
    if (!locked) throw invalid({ taxRateId: 'unknownTaxRate' });
    const zero = /^0*(\.0*)?$/.test(input.rate);
    if (locked.rate.kind === 'vat' ? zero : !zero) throw invalid({ rate: 'invalidRate' });
    if (locked.periods.some((p) => overlaps(p, input))) throw invalid({ validFrom: 'periodOverlaps' });
    const [row] = await tx
      .insert(taxRatePeriods)
      .values({ taxRateId: locked.rate.id, rate: input.rate, validFrom: input.validFrom, validTo: input.validTo, note: input.note })
      .returning({ id: taxRatePeriods.id });
    await writeAudit(tx, actor, actor.orgId, 'tax_rate', locked.rate.id, 'addPeriod', { rate: input.rate, validFrom: input.validFrom, validTo: input.validTo });
    return row.id;
  });
}

/** Sets (or moves) the last day of a period; it may not come before its start or reach another period. */
export async function endTaxRatePeriod(db: Db, actor: Actor, input: EndTaxPeriodInput): Promise<void> {
  assertCan(actor, 'org.manage');
  const found = await periodOf(db, actor, input.periodId);
  await db.transaction(async (tx) => {
    const locked = await lockRate(tx, actor, found.taxRateId);
    const period = locked?.periods.find((p) => p.id === found.id);
    if (!locked || !period) throw invalid({ periodId: 'invalidChoice' });
    if (input.validTo < period.validFrom) throw invalid({ validTo: 'periodEndBeforeStart' });
    const next = { validFrom: period.validFrom, validTo: input.validTo };
    if (locked.periods.some((p) => p.id !== period.id && overlaps(p, next))) throw invalid({ validTo: 'periodOverlaps' });
    await tx.update(taxRatePeriods).set({ validTo: input.validTo }).where(eq(taxRatePeriods.id, period.id));
    await writeAudit(tx, actor, actor.orgId, 'tax_rate', locked.rate.id, 'endPeriod', { from: period.validFrom, to: input.validTo, was: period.validTo });
  });
}

/**
 * Removes a period typed by mistake. Only one that has not started: a period in force today or
 * earlier may already be on a sent document (which keeps its own copy of the figure anyway).
 */
export async function removeTaxRatePeriod(db: Db, actor: Actor, periodId: string): Promise<void> {
  assertCan(actor, 'org.manage');
  const found = await periodOf(db, actor, periodId);
  await db.transaction(async (tx) => {
    const locked = await lockRate(tx, actor, found.taxRateId);
    const period = locked?.periods.find((p) => p.id === found.id);
    if (!locked || !period) throw invalid({ periodId: 'invalidChoice' });
    if (period.validFrom <= todayIn(actor.org.timeZone)) throw invalid({ periodId: 'periodStarted' });
    await tx.delete(taxRatePeriods).where(eq(taxRatePeriods.id, period.id));
    await writeAudit(tx, actor, actor.orgId, 'tax_rate', locked.rate.id, 'removePeriod', { rate: period.rate, from: period.validFrom, to: period.validTo });
  });
}
