import 'server-only';
import { and, asc, desc, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { organizations, taxRates } from '../db/schema';
import type { Actor } from '../access/actor';
import { assertCan } from '../access/permissions';
import { invalid, notFound } from '../errors';
import { writeAudit } from '../audit/write';
import { requiredText } from '../validation';

export type TaxRate = typeof taxRates.$inferSelect;

const DEFAULT_NAMES: Record<string, { vat: (r: string) => string; zero: string; exempt: string }> = {
  en: { vat: (r) => `VAT ${r}%`, zero: 'Zero-rated 0%', exempt: 'VAT exempt' },
  th: { vat: (r) => `ภาษีมูลค่าเพิ่ม ${r}%`, zero: 'อัตราภาษี 0%', exempt: 'ยกเว้นภาษีมูลค่าเพิ่ม' },
  vi: { vat: (r) => `Thuế GTGT ${r}%`, zero: 'Thuế suất 0%', exempt: 'Không chịu thuế GTGT' },
  ru: { vat: (r) => `НДС ${r}%`, zero: 'НДС 0%', exempt: 'Без НДС' },
};

const plainRate = (r: string) => r.replace(/\.0+$/, '').replace(/(\.\d*?)0+$/, '$1');

/**
 * An organization starts with its standard VAT rate (from its settings), zero-rated and exempt; the
 * rows are created the first time rates are needed, so older organizations get them too.
 */
export async function ensureTaxRates(db: Db, orgId: string): Promise<void> {
  const [any] = await db.select({ id: taxRates.id }).from(taxRates).where(eq(taxRates.orgId, orgId)).limit(1);
  if (any) return;
  const [org] = await db.select({ vatRate: organizations.vatRate, locale: organizations.locale }).from(organizations).where(eq(organizations.id, orgId));
  const names = DEFAULT_NAMES[org?.locale ?? 'en'] ?? DEFAULT_NAMES.en;
  const rate = org?.vatRate ?? '7.00';
  await db.insert(taxRates).values([
    { orgId, name: names.vat(plainRate(rate)), rate, kind: 'vat', isDefault: true },
    { orgId, name: names.zero, rate: '0', kind: 'zero' },
    { orgId, name: names.exempt, rate: '0', kind: 'exempt' },
  ]);
}

export async function listTaxRates(db: Db, actor: Actor, opts: { includeInactive?: boolean } = {}): Promise<TaxRate[]> {
  await ensureTaxRates(db, actor.orgId);
  const where = opts.includeInactive ? eq(taxRates.orgId, actor.orgId) : and(eq(taxRates.orgId, actor.orgId), eq(taxRates.active, true));
  return db.select().from(taxRates).where(where).orderBy(desc(taxRates.isDefault), asc(taxRates.kind), desc(taxRates.rate), asc(taxRates.name));
}

export async function getTaxRate(db: Db, actor: Actor, id: string): Promise<TaxRate> {
  const [r] = await db.select().from(taxRates).where(and(eq(taxRates.id, id), eq(taxRates.orgId, actor.orgId)));
  if (!r) throw notFound();
  return r;
}

export const taxRateInput = z
  .object({
    name: requiredText(80),
    rate: z.string().trim().regex(/^\d{1,3}(\.\d{1,2})?$/, 'invalidRate').refine((v) => Number.parseFloat(v) <= 100, 'invalidRate'),
    kind: z.enum(['vat', 'zero', 'exempt'], { message: 'invalidChoice' }),
    isDefault: z.preprocess((v) => v === 'on' || v === 'true', z.boolean()),
    active: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()),
  })
  .transform((v) => ({ ...v, rate: v.kind === 'vat' ? v.rate : '0' }));
export type TaxRateInput = z.infer<typeof taxRateInput>;

export async function saveTaxRate(db: Db, actor: Actor, id: string | null, input: TaxRateInput): Promise<string> {
  assertCan(actor, 'org.manage');
  await ensureTaxRates(db, actor.orgId);
  if (input.kind === 'vat' && Number.parseFloat(input.rate) === 0) throw invalid({ rate: 'invalidRate' });
  return db.transaction(async (tx) => {
    let rowId = id;
    if (id) {
      const current = await getTaxRate(tx, actor, id);
      if (current.isDefault && !input.active) throw invalid({ active: 'defaultRateActive' });
      await tx.update(taxRates).set({ name: input.name, rate: input.rate, kind: input.kind, active: input.active }).where(eq(taxRates.id, id));
    } else {
      rowId = (await tx.insert(taxRates).values({ orgId: actor.orgId, name: input.name, rate: input.rate, kind: input.kind, active: input.active }).returning({ id: taxRates.id }))[0].id;
    }
    if (input.isDefault && input.active) {
      await tx.update(taxRates).set({ isDefault: false }).where(and(eq(taxRates.orgId, actor.orgId), ne(taxRates.id, rowId!)));
      await tx.update(taxRates).set({ isDefault: true }).where(eq(taxRates.id, rowId!));
    }
    await writeAudit(tx, actor, actor.orgId, 'tax_rate', rowId!, id ? 'update' : 'create', { name: input.name, rate: input.rate, kind: input.kind });
    return rowId!;
  });
}
