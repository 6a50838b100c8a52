import { boolean, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().defaultRandom(),
  legalName: text('legal_name').notNull(),
  address: text('address').notNull().default(''),
  taxId: text('tax_id').notNull().default(''),
  branch: text('branch').notNull().default(''),
  currency: text('currency').notNull().default('THB'),
  // ISO 3166 code; says which tax rates a new organization starts with (see catalog/tax-defaults.ts).
  country: text('country').notNull().default('TH'),
  locale: text('locale').notNull().default('en'),
  timeZone: text('time_zone').notNull().default('Asia/Bangkok'),
  // A small image as a data: URL; keeps the logo in the database so both drivers behave alike.
  logo: text('logo'),
  // Quotations: how long one stays valid by default, and the terms printed on it.
  quoteValidityDays: integer('quote_validity_days').notNull().default(30),
  quoteTerms: text('quote_terms').notNull().default(''),
  // A delivery of more than is on hand: a warning (false) or refused (true).
  stockShortageBlocks: boolean('stock_shortage_blocks').notNull().default(false),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
