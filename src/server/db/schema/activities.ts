import { index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations';
import { users } from './people';
import { customers } from './customers';
import { opportunities } from './selling';

export const activityKindEnum = pgEnum('activity_kind', ['call', 'meeting', 'email', 'visit', 'note']);

/** One contact with a customer: a call, meeting, email, visit or note, on the customer and maybe a deal. */
export const activities = pgTable(
  'activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    kind: activityKindEnum('kind').notNull(),
    customerId: uuid('customer_id').notNull().references(() => customers.id, { onDelete: 'cascade' }),
    opportunityId: uuid('opportunity_id').references(() => opportunities.id, { onDelete: 'set null' }),
    actorId: uuid('actor_id').notNull().references(() => users.id),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    outcome: text('outcome').notNull().default(''),
    nextStep: text('next_step').notNull().default(''),
    notes: text('notes').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('activities_customer_idx').on(t.customerId, t.occurredAt),
    index('activities_opportunity_idx').on(t.opportunityId, t.occurredAt),
  ],
);
