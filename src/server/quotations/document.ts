import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { contacts, customers, organizations, products, quotations, taxRates, users } from '../db/schema';
import type { QuotationDocument } from '../documents/pdf/types';
import { todayIn } from '../opportunities/commands';
import { displayNumber, effectiveStatus, quotationLinesOf } from './queries';
import { computeTotals } from '../documents/totals';
import { trimZeros } from './commands';
import { taxRateLabel } from '../catalog/tax-periods';
import { unitsByIds } from '../catalog/units';
import { localName, type Names } from '@/lib/local-name';

type Row = typeof quotations.$inferSelect;

/**
 * Everything the PDF prints for one quotation. The caller has already checked who may see it.
 *
 * Product names, units and VAT labels are printed in `names` (default: the quotation's language,
 * as on the PDF, the customer's page and the mail; a screen passes the viewer's), each falling back
 * to its main name. A line keeps the text it was written with: only a text that is one of the
 * product's (or unit's) names is replaced by the name in that language; a text typed by hand is
 * printed as typed.
 */
export async function quotationDocument(db: Db, q: Row, opts: { names?: string } = {}): Promise<QuotationDocument> {
  const language = opts.names ?? q.language;
  const [[org], [customer], [contact], [owner], lines, [approver]] = await Promise.all([
    db.select().from(organizations).where(eq(organizations.id, q.orgId)),
    db.select().from(customers).where(eq(customers.id, q.customerId)),
    q.contactId ? db.select().from(contacts).where(eq(contacts.id, q.contactId)) : Promise.resolve([]),
    db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, q.ownerId)),
    quotationLinesOf(db, q.id),
    // Whoever approved the discount of the version that went out signs as "approved by".
    q.status !== 'draft' && q.approvedAt && q.approvedById
      ? db.select({ name: users.name }).from(users).where(eq(users.id, q.approvedById))
      : Promise.resolve([]),
  ]);
  const ids = (f: (l: (typeof lines)[number]) => string | null) => [...new Set(lines.map(f).filter((v): v is string => Boolean(v)))];
  const [rateRows, productRows, unitRows] = await Promise.all([
    ids((l) => l.taxRateId).length
      ? db.select({ id: taxRates.id, name: taxRates.name, names: taxRates.names }).from(taxRates).where(and(eq(taxRates.orgId, q.orgId), inArray(taxRates.id, ids((l) => l.taxRateId))))
      : Promise.resolve([]),
    ids((l) => l.productId).length
      ? db.select({ id: products.id, name: products.name, names: products.names }).from(products).where(and(eq(products.orgId, q.orgId), inArray(products.id, ids((l) => l.productId))))
      : Promise.resolve([]),
    unitsByIds(db, q.orgId, ids((l) => l.unitId)),
  ]);
  const names = new Map(rateRows.map((r) => [r.id, localName(r, language)]));
  const productOf = new Map(productRows.map((p) => [p.id, p]));
  const description = (l: (typeof lines)[number]) => {
    const p = l.productId ? productOf.get(l.productId) : undefined;
    return p && isOneOf(l.description, p) ? localName(p, language) : l.description;
  };
  const unit = (l: (typeof lines)[number]) => {
    const u = l.unitId ? unitRows.get(l.unitId) : undefined;
    return u && isOneOf(l.unit, u) ? localName(u, language) : l.unit;
  };
  const today = todayIn(org.timeZone);
  // Recomputed from the stored lines with the totals module: the same figures, plus the split per rate.
  const totals = computeTotals({
    currency: q.currency, pricesIncludeTax: q.pricesIncludeTax, discountKind: q.discountKind, discountValue: trimZeros(q.discountValue),
    lines: lines.map((l) => ({
      quantity: trimZeros(l.quantity), unitPrice: trimZeros(l.unitPrice), discountKind: l.discountKind, discountValue: trimZeros(l.discountValue),
      taxRate: l.taxRate, taxKey: l.taxRateId ?? 'none',
    })),
  });
  const lineOf = (key: string) => lines.find((l) => (l.taxRateId ?? 'none') === key);
  const rateOf = (key: string) => trimZeros(lineOf(key)?.taxRate ?? '0');
  // The rate's name with the figure the lines were priced at ("VAT 7 %"): a rate's figure is dated.
  const labelOf = (key: string) => {
    const name = names.get(key);
    return name ? taxRateLabel(name, (lineOf(key)?.taxKind ?? 'vat') as 'vat' | 'zero' | 'exempt', lineOf(key)?.taxRate) : '';
  };
  return {
    language: q.language,
    timeZone: org.timeZone,
    currency: q.currency,
    company: { legalName: org.legalName, address: org.address, taxId: org.taxId, branch: org.branch, logo: org.logo },
    customer: {
      name: customer.name, address: customer.address, taxId: customer.taxId, branch: customer.branch,
      contactName: contact?.name ?? '', contactEmail: contact?.email ?? '', contactPhone: contact?.phone ?? '',
    },
    number: displayNumber(q),
    revision: q.revision,
    status: effectiveStatus(q, today),
    issueDate: q.issueDate ?? today,
    validUntil: q.validUntil,
    salesperson: { name: owner?.name ?? '', email: owner?.email ?? '' },
    approvedBy: approver && q.approvedAt ? { name: approver.name, at: q.approvedAt.toISOString() } : null,
    acceptedName: q.status === 'accepted' ? q.acceptedName : null,
    acceptedAt: q.status === 'accepted' && q.acceptedAt ? q.acceptedAt.toISOString() : null,
    pricesIncludeTax: q.pricesIncludeTax,
    lines: lines.map((l) => ({
      position: l.position, code: l.productCode, description: description(l), unit: unit(l), quantity: trimZeros(l.quantity), unitPrice: trimZeros(l.unitPrice),
      discountLabel: Number(l.discountValue) === 0 ? '' : l.discountKind === 'percent' ? `${trimZeros(l.discountValue)} %` : l.discount,
      net: l.net,
    })),
    subtotal: q.subtotal,
    lineDiscountTotal: totals.lineDiscountTotal,
    documentDiscount: totals.documentDiscount,
    taxBase: q.taxBase,
    taxes: totals.taxes.map((t) => ({ label: labelOf(t.key), rate: rateOf(t.key), base: t.base, tax: t.tax })),
    taxTotal: q.taxTotal,
    grandTotal: q.grandTotal,
    terms: q.terms,
    notes: q.notes,
  };
}


const fold = (s: string) => s.trim().toLocaleLowerCase();

/** True when a line's text is the record's main name or one of its names per language. */
function isOneOf(text: string, row: { name: string; names: Names }): boolean {
  const t = fold(text);
  return Boolean(t) && (fold(row.name) === t || Object.values(row.names ?? {}).some((n) => fold(n) === t));
}
