import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { documentCounters } from '../db/schema';

export type DocType = 'quotation' | 'sales_order' | 'delivery';

const PREFIX: Record<DocType, string> = { quotation: 'QT', sales_order: 'SO', delivery: 'DN' };

/** QT-2026-00001: prefix, year, five digits (more when a year needs them). */
export function formatNumber(docType: DocType, year: number, n: number): string {
  return `${PREFIX[docType]}-${year}-${String(n).padStart(5, '0')}`;
}

/**
 * Takes the next number of a per-year series. Must run inside the posting transaction: the upsert
 * locks the counter row until commit, so concurrent posters queue behind it, and a rolled-back
 * posting gives its number back. No gaps, no repeats; a unique index on documents backs it.
 */
export async function nextNumber(tx: Db, orgId: string, docType: DocType, year: number): Promise<string> {
  const [row] = await tx
    .insert(documentCounters)
    .values({ orgId, docType, year, last: 1 })
    .onConflictDoUpdate({
      target: [documentCounters.orgId, documentCounters.docType, documentCounters.year],
      set: { last: sql`${documentCounters.last} + 1` },
    })
    .returning({ last: documentCounters.last });
  return formatNumber(docType, year, row.last);
}
