import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { taxRates } from '../db/schema';
import type { Actor } from '../access/actor';
import { computeTotals, type DiscountKind } from '../documents/totals';
import { taxRateLabel } from '../catalog/tax-periods';
import { localName } from '@/lib/local-name';

type Line = { quantity: string; unitPrice: string; discountKind: DiscountKind; discountValue: string; taxRate: string; taxRateId: string | null; taxKind: string };
type Header = { currency: string; pricesIncludeTax: boolean; discountKind: DiscountKind; discountValue: string; lines: Line[] };

/** VAT per rate as the document carries it ("VAT 7 %": the rate's name in `language` and the figure the lines were priced at). */
export async function taxesOf(db: Db, actor: Actor, o: Header, language: string): Promise<{ label: string; tax: string }[]> {
  const totals = computeTotals({
    currency: o.currency, pricesIncludeTax: o.pricesIncludeTax, discountKind: o.discountKind, discountValue: o.discountValue,
    lines: o.lines.map((l) => ({ quantity: l.quantity, unitPrice: l.unitPrice, discountKind: l.discountKind, discountValue: l.discountValue, taxRate: l.taxRate, taxKey: l.taxRateId ?? 'none' })),
  });
  const ids = [...new Set(o.lines.map((l) => l.taxRateId).filter((v): v is string => Boolean(v)))];
  const rows = ids.length
    ? await db.select({ id: taxRates.id, name: taxRates.name, names: taxRates.names }).from(taxRates).where(and(eq(taxRates.orgId, actor.orgId), inArray(taxRates.id, ids)))
    : [];
  return totals.taxes.map((t) => {
    const line = o.lines.find((l) => (l.taxRateId ?? 'none') === t.key);
    const rate = rows.find((r) => r.id === t.key);
    return { label: rate && line ? taxRateLabel(localName(rate, language), line.taxKind as 'vat' | 'zero' | 'exempt', line.taxRate) : '', tax: t.tax };
  });
}
