import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations';
import { users } from './people';
import { customers } from './customers';
import { opportunities } from './selling';

export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    title: text('title').notNull(),
    notes: text('notes').notNull().default(''),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    assigneeId: uuid('assignee_id').notNull().references(() => users.id),
    createdById: uuid('created_by_id').notNull().references(() => users.id),
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'cascade' }),
    opportunityId: uuid('opportunity_id').references(() => opportunities.id, { onDelete: 'cascade' }),
    done: boolean('done').notNull().default(false),
    doneAt: timestamp('done_at', { withTimezone: true }),
    // Set by the reminders job when it raises the task's reminder (once); unset means still to do.
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('tasks_assignee_due_idx').on(t.assigneeId, t.done, t.dueAt),
    index('tasks_customer_idx').on(t.customerId),
    index('tasks_opportunity_idx').on(t.opportunityId),
    // What the reminders job scans each minute: open tasks not yet reminded, by due time.
    index('tasks_reminder_due_idx').on(t.dueAt).where(sql`not ${t.done} and ${t.remindedAt} is null`),
  ],
);

/** In-app notifications; the key makes raising the same reminder twice a no-op. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    params: jsonb('params').$type<Record<string, string>>().notNull().default({}),
    link: text('link').notNull().default(''),
    dedupeKey: text('dedupe_key'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.readAt, t.createdAt),
    uniqueIndex('notifications_dedupe_uq').on(t.userId, t.dedupeKey).where(sql`${t.dedupeKey} is not null`),
  ],
);
