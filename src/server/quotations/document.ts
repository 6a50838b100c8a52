import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { contacts, customers, organizations, quotations, users } from '../db/schema';
import type { QuotationDocument } from '../documents/pdf/types';
import { todayIn } from '../opportunities/commands';
import { displayNumber, effectiveStatus, quotationLinesOf } from './queries';
import { taxNames } from './lines';
import { computeTotals } from '../documents/totals';
import { trimZeros } from './commands';
import { taxRateLabel } from '../catalog/tax-periods';

type Row = typeof quotations.$inferSelect;

/** Everything the PDF prints for one quotation. The caller has already checked who may see it. */
export async function quotationDocument(db: Db, q: Row): Promise<QuotationDocument> {
  const [[org], [customer], [contact], [owner], lines] = await Promise.all([
    db.select().from(organizations).where(eq(organizations.id, q.orgId)),
    db.select().from(customers).where(eq(customers.id, q.customerId)),
    q.contactId ? db.select().from(contacts).where(eq(contacts.id, q.contactId)) : Promise.resolve([]),
    db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, q.ownerId)),
    quotationLinesOf(db, q.id),
  ]);
  const names = await taxNames(db, q.orgId, [...new Set(lines.map((l) => l.taxRateId).filter((v): v is string => Boolean(v)))]);
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
    acceptedName: q.status === 'accepted' ? q.acceptedName : null,
    acceptedAt: q.status === 'accepted' && q.acceptedAt ? q.acceptedAt.toISOString() : null,
    pricesIncludeTax: q.pricesIncludeTax,
    lines: lines.map((l) => ({
      position: l.position, code: l.productCode, description: l.description, unit: l.unit, quantity: trimZeros(l.quantity), unitPrice: trimZeros(l.unitPrice),
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

