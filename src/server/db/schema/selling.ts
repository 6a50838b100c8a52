import { sql } from 'drizzle-orm';
import {
  boolean, check, date, index, integer, jsonb, numeric, pgEnum, pgTable, text, timestamp, uuid,
} from 'drizzle-orm/pg-core';
import { organizations } from './organizations';
import { teams, users } from './people';
import { contacts, customers } from './customers';

export const stageKindEnum = pgEnum('stage_kind', ['open', 'won', 'lost']);
export const dealStatusEnum = pgEnum('deal_status', ['open', 'won', 'lost']);

/** A sales process; a team may have its own. */
export const pipelines = pgTable(
  'pipelines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    name: text('name').notNull(),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    isDefault: boolean('is_default').notNull().default(false),
    position: integer('position').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('pipelines_org_idx').on(t.orgId)],
);

export const stages = pgTable(
  'stages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    pipelineId: uuid('pipeline_id').notNull().references(() => pipelines.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    // Optional names per language ({ "ru": "...", "vi": "..." }); the viewer's language, else `name`.
    names: jsonb('names').$type<Record<string, string>>().notNull().default({}),
    probability: integer('probability').notNull().default(0),
    kind: stageKindEnum('kind').notNull().default('open'),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    index('stages_pipeline_idx').on(t.pipelineId, t.position),
    check('stages_probability_range', sql`${t.probability} between 0 and 100`),
  ],
);

export const lostReasons = pgTable(
  'lost_reasons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    name: text('name').notNull(),
    names: jsonb('names').$type<Record<string, string>>().notNull().default({}),
    active: boolean('active').notNull().default(true),
  },
  (t) => [index('lost_reasons_org_idx').on(t.orgId)],
);

export const opportunities = pgTable(
  'opportunities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    title: text('title').notNull(),
    customerId: uuid('customer_id').notNull().references(() => customers.id),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    pipelineId: uuid('pipeline_id').notNull().references(() => pipelines.id),
    stageId: uuid('stage_id').notNull().references(() => stages.id),
    amount: numeric('amount', { precision: 18, scale: 2 }).notNull().default('0'),
    currency: text('currency').notNull(),
    expectedCloseDate: date('expected_close_date'),
    probability: integer('probability').notNull().default(0),
    source: text('source').notNull().default(''),
    description: text('description').notNull().default(''),
    ownerId: uuid('owner_id').notNull().references(() => users.id),
    status: dealStatusEnum('status').notNull().default('open'),
    standbyUntil: date('standby_until'),
    // The standby end the reminders job has already announced (a new standby date is announced again).
    standbyRemindedFor: date('standby_reminded_for'),
    starred: boolean('starred').notNull().default(false),
    lostReasonId: uuid('lost_reason_id').references(() => lostReasons.id),
    lostNote: text('lost_note').notNull().default(''),
    closedOn: date('closed_on'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('opportunities_org_stage_idx').on(t.orgId, t.pipelineId, t.stageId),
    index('opportunities_owner_idx').on(t.ownerId),
    index('opportunities_customer_idx').on(t.customerId),
    index('opportunities_org_created_idx').on(t.orgId, t.createdAt, t.id),
    index('opportunities_close_idx').on(t.orgId, t.expectedCloseDate),
    index('opportunities_title_trgm_idx').using('gin', sql`${t.title} gin_trgm_ops`),
    // What the reminders job scans: open deals whose standby end has not been announced yet.
    index('opportunities_standby_reminder_idx')
      .on(t.standbyUntil)
      .where(sql`${t.status} = 'open' and ${t.standbyUntil} is not null and ${t.standbyRemindedFor} is distinct from ${t.standbyUntil}`),
    check('opportunities_amount_nonneg', sql`${t.amount} >= 0`),
    check('opportunities_probability_range', sql`${t.probability} between 0 and 100`),
  ],
);

/** Who changed a deal's stage, amount or owner, when, from what to what. */
export const opportunityHistory = pgTable(
  'opportunity_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    opportunityId: uuid('opportunity_id').notNull().references(() => opportunities.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => users.id),
    field: text('field').notNull(),
    fromValue: text('from_value'),
    toValue: text('to_value'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('opportunity_history_opp_idx').on(t.opportunityId, t.at)],
);
