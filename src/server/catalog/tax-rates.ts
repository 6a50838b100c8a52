import 'server-only';
import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { organizations, taxRatePeriods, taxRates } from '../db/schema';
import type { Actor } from '../access/actor';
import { assertCan } from '../access/permissions';
import { invalid, notFound } from '../errors';
import { writeAudit } from '../audit/write';
import { isLocale, LOCALES } from '../i18n/locales';
import { localName, namesFrom } from '@/lib/local-name';
import { todayIn } from '../opportunities/commands';
import { checkbox, choice, date, percent, requiredText, text } from '../validation';
import { TAX_DEFAULTS, countryOfCurrency, isCountry } from './tax-defaults';
import { rateOn, taxRateLabel } from './tax-periods';

export type TaxRatePeriod = typeof taxRatePeriods.$inferSelect;
/** A tax rate with its periods and the figure in force on the date asked for (null: none then). */
export type TaxRate = typeof taxRates.$inferSelect & { periods: TaxRatePeriod[]; rate: string | null; label: string };

/**
 * An organization starts with its country's rates and their periods (catalog/tax-defaults.ts), named
 * in its language. The rows are created the first time rates are needed, so older organizations
 * get them too; the organization row is locked so two first requests do not both create them.
 */
export async function ensureTaxRates(db: Db, orgId: string): Promise<void> {
  const [any] = await db.select({ id: taxRates.id }).from(taxRates).where(eq(taxRates.orgId, orgId)).limit(1);
  if (any) return;
  await db.transaction(async (tx) => {
    const [org] = await tx
      .select({ country: organizations.country, currency: organizations.currency, locale: organizations.locale })
      .from(organizations)
      .where(eq(organizations.id, orgId))
      .for('update');
    if (!org) return;
    const [again] = await tx.select({ id: taxRates.id }).from(taxRates).where(eq(taxRates.orgId, orgId)).limit(1);
    if (again) return;
    const country = isCountry(org.country) ? org.country : countryOfCurrency(org.currency);
    const locale = isLocale(org.locale) ? org.locale : 'en';
    for (const d of TAX_DEFAULTS[country]) {
      const [row] = await tx.insert(taxRates).values({ orgId, name: d.name[locale], names: { ...d.name }, kind: d.kind, isDefault: d.isDefault ?? false }).returning({ id: taxRates.id });
      await tx.insert(taxRatePeriods).values(
        d.periods.map((p) => ({ taxRateId: row.id, rate: p.rate, validFrom: p.validFrom, validTo: p.validTo, note: p.note?.[locale] ?? '' })),
      );
    }
  });
}

/**
 * The organization's rates, each with its periods and the figure in force on `on` (default: today
 * in the organization's time zone). Two queries whatever the number of rates. `label` is in
 * `language` (default: the viewer's), falling back to the rate's main name.
 */
export async function listTaxRates(db: Db, actor: Actor, opts: { includeInactive?: boolean; on?: string; language?: string } = {}): Promise<TaxRate[]> {
  await ensureTaxRates(db, actor.orgId);
  const where = opts.includeInactive ? eq(taxRates.orgId, actor.orgId) : and(eq(taxRates.orgId, actor.orgId), eq(taxRates.active, true));
  const rows = await db.select().from(taxRates).where(where).orderBy(desc(taxRates.isDefault), asc(taxRates.kind), asc(taxRates.name), asc(taxRates.createdAt));
  const periods = rows.length
    ? await db.select().from(taxRatePeriods).where(inArray(taxRatePeriods.taxRateId, rows.map((r) => r.id))).orderBy(asc(taxRatePeriods.validFrom))
    : [];
  const on = opts.on ?? todayIn(actor.org.timeZone);
  return rows.map((r) => {
    const own = periods.filter((p) => p.taxRateId === r.id);
    const rate = rateOn(own, on)?.rate ?? null;
    return { ...r, periods: own, rate, label: taxRateLabel(localName(r, opts.language ?? actor.locale), r.kind, rate) };
  });
}

export async function getTaxRate(db: Db, actor: Actor, id: string) {
  const [r] = await db.select().from(taxRates).where(and(eq(taxRates.id, id), eq(taxRates.orgId, actor.orgId)));
  if (!r) throw notFound();
  return r;
}

/** What an admin edits on a rate itself; its figure changes through periods (tax-rate-periods.ts). */
export const taxRateInput = z.object({
  name: requiredText(80),
  // Optional names per language, for screens and documents in that language.
  name_en: z.preprocess((v) => v ?? '', text(80)),
  name_th: z.preprocess((v) => v ?? '', text(80)),
  name_vi: z.preprocess((v) => v ?? '', text(80)),
  name_ru: z.preprocess((v) => v ?? '', text(80)),
  isDefault: checkbox,
  active: checkbox,
});
type NameKey = 'name_en' | 'name_th' | 'name_vi' | 'name_ru';
/** Names per language are optional for callers other than the form (which always sends them). */
type LocalNames<T> = Omit<T, NameKey> & Partial<Record<NameKey, string>>;
export type TaxRateInput = LocalNames<z.infer<typeof taxRateInput>>;

/** A new rate comes with its first period. Zero-rated and exempt rates are always 0 %. */
export const newTaxRateInput = taxRateInput
  .extend({
    kind: choice(['vat', 'zero', 'exempt']),
    rate: percent({ required: true }),
    validFrom: date(),
    note: text(300),
  })
  .transform((v) => ({ ...v, rate: v.kind === 'vat' ? v.rate : '0' }));
export type NewTaxRateInput = LocalNames<z.infer<typeof newTaxRateInput>>;

/**
 * Locks the organization's rates, in id order (so two callers never deadlock): "exactly one default,
 * and it is active" spans rows, so whoever changes the default or retires a rate holds them all.
 */
async function lockRates(tx: Db, orgId: string) {
  return tx.select({ id: taxRates.id, isDefault: taxRates.isDefault }).from(taxRates).where(eq(taxRates.orgId, orgId)).orderBy(asc(taxRates.id)).for('update');
}

async function makeDefault(tx: Db, actor: Actor, id: string) {
  await tx.update(taxRates).set({ isDefault: false }).where(and(eq(taxRates.orgId, actor.orgId), ne(taxRates.id, id)));
  await tx.update(taxRates).set({ isDefault: true }).where(eq(taxRates.id, id));
}

export async function createTaxRate(db: Db, actor: Actor, input: NewTaxRateInput): Promise<string> {
  assertCan(actor, 'org.manage');
  await ensureTaxRates(db, actor.orgId);
  if (input.kind === 'vat' && /^0*(\.0*)?$/.test(input.rate)) throw invalid({ rate: 'invalidRate' });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(taxRates)
      .values({ orgId: actor.orgId, name: input.name, names: namesFrom(input, LOCALES), kind: input.kind, active: input.active })
      .returning({ id: taxRates.id });
    await tx.insert(taxRatePeriods).values({ taxRateId: row.id, rate: input.rate, validFrom: input.validFrom, note: input.note });
    if (input.isDefault && input.active) {
      await lockRates(tx, actor.orgId);
      await makeDefault(tx, actor, row.id);
    }
    await writeAudit(tx, actor, actor.orgId, 'tax_rate', row.id, 'create', { name: input.name, kind: input.kind, rate: input.rate, validFrom: input.validFrom });
    return row.id;
  });
}

export async function updateTaxRate(db: Db, actor: Actor, id: string, input: TaxRateInput): Promise<void> {
  assertCan(actor, 'org.manage');
  const current = await getTaxRate(db, actor, id);
  if (current.isDefault && !input.active) throw invalid({ active: 'defaultRateActive' });
  await db.transaction(async (tx) => {
    // Checked again under the lock: the rate may have been made the default since it was read.
    const locked = (await lockRates(tx, actor.orgId)).find((r) => r.id === id);
    if (!locked) throw notFound();
    if (locked.isDefault && !input.active) throw invalid({ active: 'defaultRateActive' });
    await tx.update(taxRates).set({ name: input.name, names: namesFrom(input, LOCALES), active: input.active }).where(and(eq(taxRates.id, id), eq(taxRates.orgId, actor.orgId)));
    if (input.isDefault && input.active) await makeDefault(tx, actor, id);
    await writeAudit(tx, actor, actor.orgId, 'tax_rate', id, 'update', { name: input.name, names: namesFrom(input, LOCALES), active: input.active, isDefault: input.isDefault });
  });
}
