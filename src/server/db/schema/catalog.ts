import { sql } from 'drizzle-orm';
import {
  boolean, check, date, index, integer, jsonb, numeric, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { organizations } from './organizations';
import { roleEnum } from './people';

export const taxKindEnum = pgEnum('tax_kind', ['vat', 'zero', 'exempt']);

/**
 * What a product or a line refers to: "VAT standard", "VAT reduced", "Zero-rated", "Exempt". The
 * figure is dated data and lives in tax_rate_periods; zero-rated and exempt rates have 0 % periods.
 */
export const taxRates = pgTable(
  'tax_rates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    name: text('name').notNull(),
    // Optional names per language, printed on documents in that language.
    names: jsonb('names').$type<Record<string, string>>().notNull().default({}),
    kind: taxKindEnum('kind').notNull().default('vat'),
    isDefault: boolean('is_default').notNull().default(false),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('tax_rates_org_idx').on(t.orgId)],
);

/**
 * What a rate is worth over time: Russia's standard VAT is 20 % to 2025-12-31 and 22 % from
 * 2026-01-01; Vietnam's 10 % is 8 % from 2025-07-01 to 2026-12-31. A document takes the period in
 * force on its date. No two periods of one rate overlap (checked by the command, which locks the
 * tax rate row); valid_to null means open-ended.
 */
export const taxRatePeriods = pgTable(
  'tax_rate_periods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taxRateId: uuid('tax_rate_id').notNull().references(() => taxRates.id, { onDelete: 'cascade' }),
    rate: numeric('rate', { precision: 5, scale: 2 }).notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('tax_rate_periods_rate_from_idx').on(t.taxRateId, t.validFrom),
    check('tax_rate_periods_rate_range', sql`${t.rate} between 0 and 100`),
    check('tax_rate_periods_dates', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);

/**
 * Units of measure ("piece", "hour", "set"), with a name per language so a Russian quotation prints
 * "шт." where a Thai one prints "ชิ้น". Lines keep the unit's text as typed as well, for free-text lines.
 */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    name: text('name').notNull(),
    names: jsonb('names').$type<Record<string, string>>().notNull().default({}),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('units_org_name_idx').on(t.orgId, sql`lower(${t.name})`)],
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
    unitId: uuid('unit_id').references(() => units.id, { onDelete: 'set null' }),
    description: text('description').notNull().default(''),
    // In the organization's currency; a price list can say otherwise.
    price: numeric('price', { precision: 18, scale: 4 }).notNull().default('0'),
    // The lowest net unit price a quotation may give without a manager's approval (organization's currency).
    floorPrice: numeric('floor_price', { precision: 18, scale: 4 }),
    taxRateId: uuid('tax_rate_id').references(() => taxRates.id),
    active: boolean('active').notNull().default(true),
    // Goods or a service; goods may track stock: on hand, and reserved by confirmed orders.
    kind: text('kind').notNull().default('goods'),
    tracksStock: boolean('tracks_stock').notNull().default(false),
    onHand: numeric('on_hand', { precision: 18, scale: 4 }).notNull().default('0'),
    reserved: numeric('reserved', { precision: 18, scale: 4 }).notNull().default('0'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('products_kind', sql`${t.kind} in ('goods', 'service')`),
    check('products_stock_nonneg', sql`${t.onHand} >= 0 and ${t.reserved} >= 0`),
    uniqueIndex('products_org_code_idx').on(t.orgId, t.code),
    index('products_org_name_idx').on(t.orgId, t.name),
    index('products_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    index('products_code_trgm_idx').using('gin', sql`${t.code} gin_trgm_ops`),
    check('products_price_nonneg', sql`${t.price} >= 0`),
    check('products_floor_price_nonneg', sql`${t.floorPrice} is null or ${t.floorPrice} >= 0`),
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
    // The floor in this list's currency; without it the product's floor applies in the organization's currency.
    floorPrice: numeric('floor_price', { precision: 18, scale: 4 }),
  },
  (t) => [
    primaryKey({ columns: [t.priceListId, t.productId] }),
    index('price_list_items_product_idx').on(t.productId),
    check('price_list_items_price_nonneg', sql`${t.price} >= 0`),
  ],
);

/**
 * The largest discount each role may give without approval, as a percentage of the gross amount:
 * per line, and for the whole document (line and document discounts together). Null: no limit.
 */
export const discountPolicies = pgTable(
  'discount_policies',
  {
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    role: roleEnum('role').notNull(),
    maxLinePercent: numeric('max_line_percent', { precision: 5, scale: 2 }),
    maxDocumentPercent: numeric('max_document_percent', { precision: 5, scale: 2 }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.role] }),
    check('discount_policies_range', sql`(${t.maxLinePercent} is null or ${t.maxLinePercent} between 0 and 100) and (${t.maxDocumentPercent} is null or ${t.maxDocumentPercent} between 0 and 100)`),
  ],
);
