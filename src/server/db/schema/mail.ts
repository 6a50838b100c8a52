import { sql } from 'drizzle-orm';
import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations';

export const mailStatusEnum = pgEnum('mail_status', ['pending', 'sent', 'failed', 'local']);

/**
 * Every outgoing mail is written here in the same transaction as the change that causes it, then
 * sent after commit through Resend, or kept here as the local outbox when no API key is set.
 * A failed send is tried again with growing delays (`attempts`, `next_attempt_at`, the last
 * `error`); after the last attempt the mail is `failed` with its error, for the admin to see.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    to: text('to').notNull(),
    // Comma-separated copies, as the sender typed them (validated addresses).
    cc: text('cc').notNull().default(''),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    status: mailStatusEnum('status').notNull().default('pending'),
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    // Not before this time: the next retry, or the end of a sender's claim while it sends.
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    providerId: text('provider_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('outbox_org_created_idx').on(t.orgId, t.createdAt),
    index('outbox_status_idx').on(t.status),
    index('outbox_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
  ],
);
