import { sql } from 'drizzle-orm';
import {
  boolean, check, index, integer, jsonb, numeric, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { organizations } from './organizations';

export const taxKindEnum = pgEnum('tax_kind', ['vat', 'zero', 'exempt']);

/** The organization's VAT rates: 7 % in Thailand; 10 % / 8 % in Vietnam; 20 % in Russia; zero-rated; exempt. */
export const taxRates = pgTable(
  'tax_rates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    name: text('name').notNull(),
    rate: numeric('rate', { precision: 5, scale: 2 }).notNull(),
    kind: taxKindEnum('kind').notNull().default('vat'),
    isDefault: boolean('is_default').notNull().default(false),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('tax_rates_org_idx').on(t.orgId),
    check('tax_rates_rate_range', sql`${t.rate} between 0 and 100`),
    check('tax_rates_exempt_zero', sql`${t.kind} = 'vat' or ${t.rate} = 0`),
  ],
);

/** What the company sells: goods and services. */
export const products = pgTable(
  'products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    // Optional names per language for documents in that language: { "th": "...", "ru": "..." }.
    names: jsonb('names').$type<Record<string, string>>().notNull().default({}),
    unit: text('unit').notNull().default(''),
    description: text('description').notNull().default(''),
    // In the organization's currency; a price list can say otherwise.
    price: numeric('price', { precision: 18, scale: 4 }).notNull().default('0'),
    taxRateId: uuid('tax_rate_id').references(() => taxRates.id),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('products_org_code_idx').on(t.orgId, t.code),
    index('products_org_name_idx').on(t.orgId, t.name),
    index('products_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    index('products_code_trgm_idx').using('gin', sql`${t.code} gin_trgm_ops`),
    check('products_price_nonneg', sql`${t.price} >= 0`),
  ],
);

/** Prices in one currency, optionally for one customer group. */
export const priceLists = pgTable(
  'price_lists',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    name: text('name').notNull(),
    currency: text('currency').notNull(),
    customerGroup: text('customer_group').notNull().default(''),
    pricesIncludeTax: boolean('prices_include_tax').notNull().default(false),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('price_lists_org_idx').on(t.orgId)],
);

export const priceListItems = pgTable(
  'price_list_items',
  {
    priceListId: uuid('price_list_id').notNull().references(() => priceLists.id, { onDelete: 'cascade' }),
    productId: uuid('product_id').notNull().references(() => products.id, { onDelete: 'cascade' }),
    price: numeric('price', { precision: 18, scale: 4 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.priceListId, t.productId] }),
    index('price_list_items_product_idx').on(t.productId),
    check('price_list_items_price_nonneg', sql`${t.price} >= 0`),
  ],
);
