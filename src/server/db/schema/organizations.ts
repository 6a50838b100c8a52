import { integer, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().defaultRandom(),
  legalName: text('legal_name').notNull(),
  address: text('address').notNull().default(''),
  taxId: text('tax_id').notNull().default(''),
  branch: text('branch').notNull().default(''),
  currency: text('currency').notNull().default('THB'),
  // Percent, e.g. 7.00. Kept as numeric so it never passes through a JS float.
  vatRate: numeric('vat_rate', { precision: 5, scale: 2 }).notNull().default('7.00'),
  locale: text('locale').notNull().default('en'),
  timeZone: text('time_zone').notNull().default('Asia/Bangkok'),
  // A small image as a data: URL; keeps the logo in the database so both drivers behave alike.
  logo: text('logo'),
  // Quotations: how long one stays valid by default, and the terms printed on it.
  quoteValidityDays: integer('quote_validity_days').notNull().default(30),
  quoteTerms: text('quote_terms').notNull().default(''),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
