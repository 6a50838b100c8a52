import 'server-only';
import { and, asc, eq, gt, ilike, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { products, taxRates, units } from '../db/schema';
import type { Actor } from '../access/actor';
import { assertCan } from '../access/permissions';
import { invalid, notFound, stale } from '../errors';
import { writeAudit } from '../audit/write';
import { longText, money, optionalUuid, requiredText, text } from '../validation';
import { checkRefs } from '../access/refs';
import { parseAmount } from '../opportunities/amount';
import { LOCALES } from '../i18n/locales';
import { isUniqueViolation } from '../db/errors';
import { containsPattern, searchTerm } from '../db/search';
import { localName } from '@/lib/local-name';
import { resolveLineUnits } from './units';

export type Product = typeof products.$inferSelect;
export const PRODUCT_PAGE = 50;

const bool = (dflt: boolean) => z.preprocess((v) => (v === undefined ? dflt : v === 'on' || v === 'true' || v === true), z.boolean());

export const productInput = z.object({
  code: requiredText(40).refine((v) => /^[\p{L}\p{N}._\-/]+$/u.test(v), 'invalidCode'),
  name: requiredText(200),
  name_en: z.preprocess((v) => v ?? '', text(200)),
  name_th: z.preprocess((v) => v ?? '', text(200)),
  name_vi: z.preprocess((v) => v ?? '', text(200)),
  name_ru: z.preprocess((v) => v ?? '', text(200)),
  unitId: z.preprocess((v) => v ?? '', optionalUuid),
  description: longText(2000),
  price: money({ empty: '0' }),
  // Empty: no floor (any price goes without approval).
  floorPrice: z.preprocess((v) => v ?? '', money({ empty: '' })),
  taxRateId: z.preprocess((v) => v ?? '', optionalUuid),
  active: bool(false),
  // Goods or a service; goods may track stock (on hand, reserved by confirmed orders). Absent: goods, no stock.
  kind: z.preprocess((v) => v ?? 'goods', z.enum(['goods', 'service'], { message: 'invalidChoice' })),
  tracksStock: bool(false),
});
/**
 * What the commands take. Scripts and tests may name the unit by its text (`unit: 'pc'`) instead of
 * an id: it is then matched against the organization's units like a line's unit, and kept as text
 * when none matches. The form always sends an id.
 */
export type ProductInput = Omit<z.infer<typeof productInput>, 'unitId' | 'floorPrice' | 'kind' | 'tracksStock'> & {
  kind?: 'goods' | 'service';
  tracksStock?: boolean;
  unitId?: string | null;
  floorPrice?: string | null;
  unit?: string;
};


/** The catalogue is shared by the whole organization: everyone may read it, managers and admins edit it. */
export async function listProducts(
  db: Db,
  actor: Actor,
  f: { q?: string; includeRetired?: boolean; after?: string; limit?: number } = {},
) {
  const parts: SQL[] = [eq(products.orgId, actor.orgId)];
  if (!f.includeRetired) parts.push(eq(products.active, true));
  const q = searchTerm(f.q);
  if (q) parts.push(or(ilike(products.code, containsPattern(q)), ilike(products.name, containsPattern(q)), sql`${products.names}::text ilike ${containsPattern(q)}`)!);
  const after = searchTerm(f.after, 200);
  if (after) parts.push(gt(products.code, after));
  const limit = f.limit ?? PRODUCT_PAGE;
  const rows = await db
    .select({ product: products, taxName: taxRates.name, taxNames: taxRates.names, unitName: units.name, unitNames: units.names })
    .from(products)
    .leftJoin(taxRates, eq(taxRates.id, products.taxRateId))
    .leftJoin(units, eq(units.id, products.unitId))
    .where(and(...parts))
    .orderBy(asc(products.code))
    .limit(limit + 1);
  return { rows: rows.slice(0, limit), next: rows.length > limit ? rows[limit - 1].product.code : null };
}

export async function getProduct(db: Db, actor: Actor, id: string): Promise<Product> {
  const [p] = await db.select().from(products).where(and(eq(products.id, id), eq(products.orgId, actor.orgId)));
  if (!p) throw notFound();
  return p;
}

async function checkInput(db: Db, actor: Actor, input: ProductInput) {
  const price = parseAmount(input.price, actor.org.currency);
  const floor = input.floorPrice ? parseAmount(input.floorPrice, actor.org.currency) : null;
  const amountErrors: Record<string, string> = {};
  if ('error' in price) amountErrors.price = price.error;
  if (floor && 'error' in floor) amountErrors.floorPrice = floor.error;
  // The unit is re-read in the organization (a retired one may stay on a product that has it).
  const refs = await checkRefs(
    db,
    actor,
    { taxRateId: { kind: 'taxRate', id: input.taxRateId }, unitId: { kind: 'unit', id: input.unitId } },
    amountErrors,
  );
  const names: Record<string, string> = {};
  for (const l of LOCALES) if (input[`name_${l}`]) names[l] = input[`name_${l}`];
  let unitId = (refs.unitId?.id as string | undefined) ?? null;
  let unit = (refs.unitId?.name as string | undefined) ?? '';
  if (!unitId && input.unit?.trim()) {
    unit = input.unit.trim();
    [unitId] = await resolveLineUnits(db, actor.orgId, [{ unit }]);
  }
  return {
    code: input.code, name: input.name, names, unitId, unit, description: input.description,
    price: 'error' in price ? '0' : price.value, floorPrice: floor && 'value' in floor ? floor.value : null,
    taxRateId: input.taxRateId, active: input.active,
    // Only goods track stock; a command that does not say keeps what the product has.
    ...(input.kind ? { kind: input.kind, tracksStock: input.kind === 'goods' && Boolean(input.tracksStock) } : {}),
  };
}

export async function createProduct(db: Db, actor: Actor, input: ProductInput): Promise<string> {
  assertCan(actor, 'catalog.manage');
  const values = await checkInput(db, actor, input);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(products).values({ orgId: actor.orgId, ...values }).returning({ id: products.id });
      await writeAudit(tx, actor, actor.orgId, 'product', row.id, 'create', { code: values.code });
      return row.id;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw invalid({ code: 'codeTaken' });
    throw e;
  }
}

export async function updateProduct(db: Db, actor: Actor, id: string, expectedVersion: number, input: ProductInput): Promise<void> {
  assertCan(actor, 'catalog.manage');
  await getProduct(db, actor, id);
  const values = await checkInput(db, actor, input);
  try {
    await db.transaction(async (tx) => {
      const done = await tx
        .update(products)
        .set({ ...values, version: expectedVersion + 1, updatedAt: new Date() })
        .where(and(eq(products.id, id), eq(products.version, expectedVersion)))
        .returning({ id: products.id });
      if (!done.length) throw stale();
      await writeAudit(tx, actor, actor.orgId, 'product', id, 'update', { code: values.code, active: values.active });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw invalid({ code: 'codeTaken' });
    throw e;
  }
}

/** The product's name in a document's language, or its main name. */
export function productName(p: { name: string; names: Record<string, string> | null }, language: string): string {
  return localName(p, language);
}
