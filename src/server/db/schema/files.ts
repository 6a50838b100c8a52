import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations';
import { users } from './people';
import { customers } from './customers';
import { opportunities } from './selling';

/** A file attached to a customer or a deal; the bytes live in the file store under `storageKey`. */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'cascade' }),
    opportunityId: uuid('opportunity_id').references(() => opportunities.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedById: uuid('uploaded_by_id').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('attachments_customer_idx').on(t.customerId), index('attachments_opportunity_idx').on(t.opportunityId)],
);

/**
 * Stored files whose record is gone: written in the transaction that deletes the record (so only a
 * committed delete removes bytes), emptied after commit and by the files job. Removing is idempotent.
 */
export const fileRemovals = pgTable(
  'file_removals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    storageKey: text('storage_key').notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('file_removals_created_idx').on(t.createdAt)],
);
