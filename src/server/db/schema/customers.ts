import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations';
import { territories, users } from './people';
import { priceLists } from './catalog';

export const customers = pgTable(
  'customers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    name: text('name').notNull(),
    taxId: text('tax_id').notNull().default(''),
    branch: text('branch').notNull().default(''),
    phone: text('phone').notNull().default(''),
    // Digits only, so a search matches whatever spaces, dashes or brackets the number was typed with.
    phoneDigits: text('phone_digits').generatedAlwaysAs(sql`regexp_replace(phone, '[^0-9]', '', 'g')`),
    email: text('email').notNull().default(''),
    address: text('address').notNull().default(''),
    notes: text('notes').notNull().default(''),
    territoryId: uuid('territory_id').references(() => territories.id),
    // Pricing: a default price list, and a group that group price lists apply to.
    priceListId: uuid('price_list_id').references(() => priceLists.id, { onDelete: 'set null' }),
    customerGroup: text('customer_group').notNull().default(''),
    ownerId: uuid('owner_id').notNull().references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('customers_org_name_idx').on(t.orgId, t.name, t.id),
    index('customers_owner_idx').on(t.ownerId),
    index('customers_territory_idx').on(t.territoryId),
    index('customers_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    index('customers_phone_trgm_idx').using('gin', sql`${t.phoneDigits} gin_trgm_ops`),
    index('customers_email_trgm_idx').using('gin', sql`${t.email} gin_trgm_ops`),
    index('customers_tax_id_trgm_idx').using('gin', sql`${t.taxId} gin_trgm_ops`),
  ],
);

export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    customerId: uuid('customer_id').notNull().references(() => customers.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    title: text('title').notNull().default(''),
    phone: text('phone').notNull().default(''),
    phoneDigits: text('phone_digits').generatedAlwaysAs(sql`regexp_replace(phone, '[^0-9]', '', 'g')`),
    email: text('email').notNull().default(''),
    isPrimary: boolean('is_primary').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('contacts_customer_idx').on(t.customerId),
    index('contacts_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    index('contacts_email_trgm_idx').using('gin', sql`${t.email} gin_trgm_ops`),
    index('contacts_phone_trgm_idx').using('gin', sql`${t.phoneDigits} gin_trgm_ops`),
  ],
);
