import { sql } from 'drizzle-orm';
import {
  boolean, check, date, index, integer, numeric, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { organizations } from './organizations';
import { users } from './people';
import { contacts, customers } from './customers';
import { opportunities } from './selling';
import { products, taxRates, units } from './catalog';

/**
 * The next number of each series: one row per (organization, document type, year), advanced with
 * UPDATE ... RETURNING inside the posting transaction, so numbers never repeat and never skip.
 */
export const documentCounters = pgTable(
  'document_counters',
  {
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    docType: text('doc_type').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.docType, t.year] })],
);

// 'revised': a later version replaced it; expiry is read from valid_until, not stored.
export const quotationStatusEnum = pgEnum('quotation_status', ['draft', 'sent', 'accepted', 'declined', 'revised']);
export const discountKindEnum = pgEnum('discount_kind', ['percent', 'amount']);

export const quotations = pgTable(
  'quotations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    // All versions of one quotation share the family id (the first version's id) and, once sent, the number.
    familyId: uuid('family_id').notNull(),
    revision: integer('revision').notNull().default(1),
    number: text('number'),
    status: quotationStatusEnum('status').notNull().default('draft'),
    customerId: uuid('customer_id').notNull().references(() => customers.id),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    opportunityId: uuid('opportunity_id').references(() => opportunities.id, { onDelete: 'set null' }),
    ownerId: uuid('owner_id').notNull().references(() => users.id),
    duplicatedFromId: uuid('duplicated_from_id'),
    language: text('language').notNull(),
    currency: text('currency').notNull(),
    pricesIncludeTax: boolean('prices_include_tax').notNull().default(false),
    issueDate: date('issue_date'),
    validUntil: date('valid_until').notNull(),
    discountKind: discountKindEnum('discount_kind').notNull().default('percent'),
    discountValue: numeric('discount_value', { precision: 18, scale: 4 }).notNull().default('0'),
    terms: text('terms').notNull().default(''),
    notes: text('notes').notNull().default(''),
    subtotal: numeric('subtotal', { precision: 18, scale: 2 }).notNull().default('0'),
    discountTotal: numeric('discount_total', { precision: 18, scale: 2 }).notNull().default('0'),
    taxBase: numeric('tax_base', { precision: 18, scale: 2 }).notNull().default('0'),
    taxTotal: numeric('tax_total', { precision: 18, scale: 2 }).notNull().default('0'),
    grandTotal: numeric('grand_total', { precision: 18, scale: 2 }).notNull().default('0'),
    // Only a SHA-256 of the customer's link token is kept; the token itself is in the mail alone.
    tokenHash: text('token_hash'),
    // The token itself, encrypted (AES-256-GCM, key derived from AUTH_SECRET), so the rep can copy
    // or share the customer's link again; the hash above is what a visit is checked against.
    tokenSealed: text('token_sealed'),
    tokenRevokedAt: timestamp('token_revoked_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    sentTo: text('sent_to'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedName: text('accepted_name'),
    acceptedIp: text('accepted_ip'),
    declinedAt: timestamp('declined_at', { withTimezone: true }),
    declineReason: text('decline_reason'),
    // Discount approval: asked for by the rep, given by a manager or admin for one version of the
    // quotation (an edit bumps `version`, so an approval never covers prices it did not see).
    approvalRequestedAt: timestamp('approval_requested_at', { withTimezone: true }),
    approvalRequestedById: uuid('approval_requested_by_id').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedById: uuid('approved_by_id').references(() => users.id),
    approvedVersion: integer('approved_version'),
    approvalNote: text('approval_note').notNull().default(''),
    createdById: uuid('created_by_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('quotations_number_idx').on(t.orgId, t.number, t.revision).where(sql`${t.number} is not null`),
    uniqueIndex('quotations_token_idx').on(t.tokenHash).where(sql`${t.tokenHash} is not null`),
    index('quotations_org_created_idx').on(t.orgId, t.createdAt, t.id),
    index('quotations_customer_idx').on(t.customerId),
    index('quotations_opportunity_idx').on(t.opportunityId),
    index('quotations_family_idx').on(t.familyId, t.revision),
    index('quotations_number_trgm_idx').using('gin', sql`${t.number} gin_trgm_ops`),
    check('quotations_totals_nonneg', sql`${t.grandTotal} >= 0 and ${t.subtotal} >= 0`),
  ],
);

export const quotationLines = pgTable(
  'quotation_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    quotationId: uuid('quotation_id').notNull().references(() => quotations.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    productId: uuid('product_id').references(() => products.id, { onDelete: 'set null' }),
    description: text('description').notNull(),
    unit: text('unit').notNull().default(''),
    unitId: uuid('unit_id').references(() => units.id, { onDelete: 'set null' }),
    // Set when the currency changed and the catalogue had no price in the new one: the rep confirms it.
    priceToConfirm: boolean('price_to_confirm').notNull().default(false),
    quantity: numeric('quantity', { precision: 18, scale: 4 }).notNull(),
    unitPrice: numeric('unit_price', { precision: 18, scale: 4 }).notNull(),
    discountKind: discountKindEnum('discount_kind').notNull().default('percent'),
    discountValue: numeric('discount_value', { precision: 18, scale: 4 }).notNull().default('0'),
    taxRateId: uuid('tax_rate_id').references(() => taxRates.id),
    // A snapshot, so a later change of the rate never changes a sent document.
    taxRate: numeric('tax_rate', { precision: 5, scale: 2 }).notNull(),
    taxKind: text('tax_kind').notNull().default('vat'),
    gross: numeric('gross', { precision: 18, scale: 2 }).notNull(),
    discount: numeric('discount', { precision: 18, scale: 2 }).notNull(),
    net: numeric('net', { precision: 18, scale: 2 }).notNull(),
  },
  (t) => [
    index('quotation_lines_quotation_idx').on(t.quotationId, t.position),
    check('quotation_lines_nonneg', sql`${t.quantity} > 0 and ${t.unitPrice} >= 0 and ${t.discountValue} >= 0`),
  ],
);
