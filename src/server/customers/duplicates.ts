import 'server-only';
import { and, eq, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { customers } from '../db/schema';
import type { Actor } from '../access/actor';
import { customerScopeOf } from '../access/scopes';
import { duplicatesFound } from '../errors';
import type { DuplicateReason, DuplicateReport } from '@/lib/duplicates';

/** Names at least this similar (pg_trgm) are flagged: "Siam Trading" vs "Siam Trading Co". */
const NAME_SIMILARITY = 0.6;

/**
 * A phone number's national digits: formatting dropped, and the country code (after a +) or the
 * trunk 0 removed, so "+66 81 234 5678" and "081-234-5678" are the same number.
 */
export function nationalDigits(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return phone.trim().startsWith('+') ? digits.replace(/^(66|84|7)/, '') : digits.replace(/^0/, '');
}

/**
 * Branches compare by their number when they have one ("Branch 00001" is "00001" is "1"); the
 * head office is '', '00000' or its name in words.
 */
const HEAD_OFFICE = /^(head ?office|hq|สำนักงานใหญ่|trụ sở chính|головной офис)$/;
export function branchKey(b: string): string {
  const t = b.trim().toLowerCase();
  const digits = t.replace(/\D/g, '');
  if (digits) return digits.replace(/^0+/, '');
  return HEAD_OFFICE.test(t) ? '' : t;
}

export type Candidate = { name: string; taxId: string; branch: string; phone: string };

/**
 * Existing customers of the whole organization that look like `c` (the customer `excludeId` left
 * out): same tax ID, same phone number, or a very similar name. Each comes with whether the actor
 * may see it; the caller reports the others without their names. `check` limits the comparison to
 * what changed on an edit.
 */
export async function findDuplicates(
  db: Db, actor: Actor, c: Candidate, opts: { excludeId?: string; check?: { taxId: boolean; phone: boolean; name: boolean } } = {},
) {
  const check = opts.check ?? { taxId: true, phone: true, name: true };
  const phoneKey = check.phone ? nationalDigits(c.phone) : '';
  const name = c.name.trim();
  const conditions: SQL[] = [];
  if (check.taxId && c.taxId) conditions.push(eq(customers.taxId, c.taxId));
  // Digits only, so the pattern needs no escaping; the trigram index on phone_digits serves it.
  if (phoneKey.length >= 6) conditions.push(sql`${customers.phoneDigits} like ${`%${phoneKey}`}`);
  if (check.name && name) conditions.push(sql`(${customers.name} % ${name} and similarity(${customers.name}, ${name}) > ${sql.raw(String(NAME_SIMILARITY))})`);
  if (!conditions.length) return [];
  const rows = await db
    .select({
      id: customers.id, name: customers.name, taxId: customers.taxId, branch: customers.branch, phone: customers.phone,
      similarity: name ? sql<number>`similarity(${customers.name}, ${name})` : sql<number>`0`,
      seen: sql<boolean>`(${customerScopeOf(actor)})`,
    })
    .from(customers)
    .where(and(eq(customers.orgId, actor.orgId), opts.excludeId ? ne(customers.id, opts.excludeId) : undefined, or(...conditions)))
    .limit(50);
  return rows
    .map((r) => {
      const reasons: DuplicateReason[] = [];
      if (check.taxId && c.taxId && r.taxId === c.taxId) reasons.push(branchKey(r.branch) === branchKey(c.branch) ? 'taxIdBranch' : 'taxId');
      if (phoneKey.length >= 6 && nationalDigits(r.phone) === phoneKey) reasons.push('phone');
      if (check.name && name && Number(r.similarity) > NAME_SIMILARITY) reasons.push('name');
      return { id: r.id, name: r.name, seen: Boolean(r.seen), reasons };
    })
    .filter((r) => r.reasons.length);
}

/** What the actor may be told: names of the customers they see, only counts of the others. */
export function reportOf(found: Awaited<ReturnType<typeof findDuplicates>>): DuplicateReport {
  const counts = new Map<DuplicateReason, number>();
  for (const r of found.filter((f) => !f.seen)) for (const reason of r.reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return {
    seen: found.filter((f) => f.seen).map(({ id, name, reasons }) => ({ id, name, reasons })),
    unseen: [...counts].map(([reason, count]) => ({ reason, count })),
  };
}

const FIELD_OF: Record<DuplicateReason, [keyof Candidate, string]> = {
  taxIdBranch: ['taxId', 'duplicateTaxIdBranch'],
  taxId: ['branch', 'duplicateTaxIdOtherBranch'],
  phone: ['phone', 'duplicatePhone'],
  name: ['name', 'duplicateName'],
};

/**
 * Refuses a customer that duplicates another: the same tax ID and branch always (one legal entity's
 * branch is one customer); the same tax ID at another branch, the same phone or a very similar name
 * until the user has seen the list and confirmed. Runs inside the write's transaction.
 */
export async function checkDuplicates(
  db: Db, actor: Actor, c: Candidate, opts: { confirmed: boolean; excludeId?: string; check?: { taxId: boolean; phone: boolean; name: boolean } },
): Promise<void> {
  // Two people saving the same customer at the same moment would each find no duplicate: the
  // organization's customer saves are serialized here (a transaction-scoped advisory lock, released
  // at commit), so the second one sees the first.
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`customer-duplicates:${actor.orgId}`}))`);
  const found = await findDuplicates(db, actor, c, opts);
  const reasons = new Set(found.flatMap((f) => f.reasons));
  if (!reasons.size) return;
  const blocked = reasons.has('taxIdBranch');
  if (!blocked && opts.confirmed) return;
  const fields: Record<string, string> = {};
  for (const reason of reasons) {
    if (!blocked || reason === 'taxIdBranch') fields[FIELD_OF[reason][0]] = FIELD_OF[reason][1];
  }
  throw duplicatesFound(fields, reportOf(found));
}
