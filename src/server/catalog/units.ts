import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { products, units } from '../db/schema';
import type { Actor } from '../access/actor';
import { assertCan } from '../access/permissions';
import { invalid, notFound, stale } from '../errors';
import { writeAudit } from '../audit/write';
import { LOCALES } from '../i18n/locales';
import { isUniqueViolation } from '../db/errors';
import { requiredText, text } from '../validation';
import { localName, namesFrom } from '@/lib/local-name';

export type Unit = typeof units.$inferSelect;

const bool = (dflt: boolean) => z.preprocess((v) => (v === undefined ? dflt : v === 'on' || v === 'true' || v === true), z.boolean());
const localText = z.preprocess((v) => v ?? '', text(30));

/** A unit of measure: its name in the organization's default language, optional names per language. */
export const unitInput = z.object({
  name: requiredText(30),
  name_en: localText,
  name_th: localText,
  name_vi: localText,
  name_ru: localText,
  active: bool(false),
});
export type UnitInput = z.infer<typeof unitInput>;

/** The catalogue's units, everyone reads them; by name. */
export async function listUnits(db: Db, actor: Actor, opts: { includeInactive?: boolean } = {}): Promise<Unit[]> {
  const where = opts.includeInactive ? eq(units.orgId, actor.orgId) : and(eq(units.orgId, actor.orgId), eq(units.active, true));
  return db.select().from(units).where(where).orderBy(asc(sql`lower(${units.name})`));
}

/** Options for a unit select, in the viewer's language; a retired unit still chosen is kept. */
export async function unitOptions(db: Db, actor: Actor, language: string, keep?: string | null) {
  const rows = (await listUnits(db, actor, { includeInactive: true })).filter((u) => u.active || u.id === keep);
  return rows.map((u) => ({ value: u.id, label: localName(u, language) })).sort((a, b) => a.label.localeCompare(b.label, language));
}

export async function getUnit(db: Db, actor: Actor, id: string): Promise<Unit> {
  const [u] = await db.select().from(units).where(and(eq(units.id, id), eq(units.orgId, actor.orgId)));
  if (!u) throw notFound();
  return u;
}

/**
 * One name per unit in an organization (the unique index on lower(name) stands behind this): the
 * check runs inside the writing transaction under a per-organization advisory lock, so two admins
 * adding "Box" at the same moment get one unit and one field error, never a raw 23505.
 */
async function nameTaken(tx: Db, actor: Actor, name: string, except?: string): Promise<boolean> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`unit-names:${actor.orgId}`}))`);
  const [hit] = await tx
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.orgId, actor.orgId), sql`lower(${units.name}) = lower(${name})`, except ? sql`${units.id} <> ${except}` : undefined))
    .limit(1);
  return Boolean(hit);
}

export async function createUnit(db: Db, actor: Actor, input: UnitInput): Promise<string> {
  assertCan(actor, 'catalog.manage');
  const names = namesFrom(input, LOCALES);
  try {
    return await db.transaction(async (tx) => {
      if (await nameTaken(tx, actor, input.name)) throw invalid({ name: 'nameTaken' });
      const [row] = await tx.insert(units).values({ orgId: actor.orgId, name: input.name, names, active: input.active }).returning({ id: units.id });
      await writeAudit(tx, actor, actor.orgId, 'unit', row.id, 'create', { name: input.name, names });
      return row.id;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw invalid({ name: 'nameTaken' });
    throw e;
  }
}

/**
 * Renames or retires a unit (the version the user saw must still be current). Products using it
 * keep their unit text in step with its default name; quotation lines keep the text they printed.
 */
export async function updateUnit(db: Db, actor: Actor, id: string, expectedVersion: number, input: UnitInput): Promise<void> {
  assertCan(actor, 'catalog.manage');
  await getUnit(db, actor, id);
  const names = namesFrom(input, LOCALES);
  try {
    await db.transaction(async (tx) => {
      if (await nameTaken(tx, actor, input.name, id)) throw invalid({ name: 'nameTaken' });
      const done = await tx
        .update(units)
        .set({ name: input.name, names, active: input.active, version: expectedVersion + 1 })
        .where(and(eq(units.id, id), eq(units.orgId, actor.orgId), eq(units.version, expectedVersion)))
        .returning({ id: units.id });
      if (!done.length) throw stale();
      await tx.update(products).set({ unit: input.name }).where(and(eq(products.unitId, id), eq(products.orgId, actor.orgId)));
      await writeAudit(tx, actor, actor.orgId, 'unit', id, 'update', { name: input.name, names, active: input.active });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw invalid({ name: 'nameTaken' });
    throw e;
  }
}

/** Retires a unit: no longer offered for new products; products and lines that use it keep it. */
export async function deactivateUnit(db: Db, actor: Actor, id: string, expectedVersion: number): Promise<void> {
  assertCan(actor, 'catalog.manage');
  await getUnit(db, actor, id);
  await db.transaction(async (tx) => {
    const done = await tx
      .update(units)
      .set({ active: false, version: expectedVersion + 1 })
      .where(and(eq(units.id, id), eq(units.orgId, actor.orgId), eq(units.version, expectedVersion)))
      .returning({ id: units.id });
    if (!done.length) throw stale();
    await writeAudit(tx, actor, actor.orgId, 'unit', id, 'deactivate');
  });
}

const fold = (s: string) => s.trim().toLocaleLowerCase();

/**
 * Which unit each quotation line's unit text means, in one query for all the lines: a catalogue
 * line whose text is its product's unit takes the product's unit; otherwise the text is matched,
 * case-insensitively, against the organization's units by their name or any name per language
 * (active units first, then by name, so the answer is stable); else null.
 */
export async function resolveLineUnits(
  db: Db,
  orgId: string,
  lines: readonly { unit: string; productId?: string | null }[],
  known: readonly { id: string; unit: string; unitId: string | null }[] = [],
): Promise<(string | null)[]> {
  const out: (string | null)[] = lines.map((l) => {
    const p = l.productId ? known.find((k) => k.id === l.productId) : undefined;
    return p?.unitId && l.unit.trim() && fold(l.unit) === fold(p.unit) ? p.unitId : null;
  });
  if (!lines.some((l, i) => out[i] === null && l.unit.trim())) return out;
  // An organization has tens of units, not thousands: one read of them all, matched here, where
  // lower-casing does not depend on the database's collation (Cyrillic, Vietnamese).
  const rows = await db
    .select({ id: units.id, name: units.name, names: units.names })
    .from(units)
    .where(eq(units.orgId, orgId))
    .orderBy(sql`${units.active} desc`, asc(sql`lower(${units.name})`), asc(units.id));
  const byText = new Map<string, string>();
  // The default name wins over a per-language name of another unit.
  for (const r of rows) if (!byText.has(fold(r.name))) byText.set(fold(r.name), r.id);
  for (const r of rows) for (const n of Object.values(r.names ?? {})) if (n.trim() && !byText.has(fold(n))) byText.set(fold(n), r.id);
  return out.map((id, i) => id ?? byText.get(fold(lines[i].unit)) ?? null);
}

/** Units by id (any state), for printing lines and products in a language. */
export async function unitsByIds(db: Db, orgId: string, ids: readonly string[]): Promise<Map<string, Unit>> {
  if (!ids.length) return new Map();
  const rows = await db.select().from(units).where(and(eq(units.orgId, orgId), inArray(units.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r]));
}
