import { sql } from 'drizzle-orm';
import {
  boolean, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { organizations } from './organizations';

export const roleEnum = pgEnum('role', ['admin', 'manager', 'rep', 'finance']);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    email: text('email').notNull(),
    name: text('name').notNull(),
    // Null until an invited user sets their own password (or after an admin's reset).
    passwordHash: text('password_hash'),
    role: roleEnum('role').notNull(),
    locale: text('locale').notNull().default('en'),
    teamId: uuid('team_id').references((): AnyPgColumn => teams.id, { onDelete: 'set null' }),
    active: boolean('active').notNull().default(true),
    // Opt-in: notifications also arrive by email.
    emailNotifications: boolean('email_notifications').notNull().default(false),
    version: integer('version').notNull().default(1),
    // Carried in the session token and compared on every request: bumping it ends every session of
    // the user (password changed or reset, deactivated, role changed).
    sessionVersion: integer('session_version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Sign-in is by email across the whole installation, so emails are unique everywhere.
    uniqueIndex('users_email_lower_uq').on(sql`lower(${t.email})`),
    index('users_org_idx').on(t.orgId),
    index('users_team_idx').on(t.teamId),
  ],
);

export const teams = pgTable(
  'teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    name: text('name').notNull(),
    managerId: uuid('manager_id').references((): AnyPgColumn => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('teams_org_idx').on(t.orgId),
    index('teams_manager_idx').on(t.managerId),
    uniqueIndex('teams_org_name_uq').on(t.orgId, sql`lower(${t.name})`),
  ],
);

export const territories = pgTable(
  'territories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    parentId: uuid('parent_id').references((): AnyPgColumn => territories.id),
    name: text('name').notNull(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('territories_org_idx').on(t.orgId), index('territories_parent_idx').on(t.parentId)],
);

export const userTerritories = pgTable(
  'user_territories',
  {
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    territoryId: uuid('territory_id').notNull().references(() => territories.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.territoryId] }), index('user_territories_territory_idx').on(t.territoryId)],
);

/**
 * Sign-in attempts per key (an email or a client address), to slow guessing down with growing
 * delays. An attempt is counted (reserved) before its password is checked; see auth/throttle.ts.
 */
export const loginThrottle = pgTable(
  'login_throttle',
  {
    key: text('key').primaryKey(),
    // Attempts counted in the current run; a success clears (email) or gives back (address) its own.
    failures: integer('failures').notNull().default(0),
    windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
    // No attempt is checked before this instant (the column kept its first name; it is a delay, not a lock).
    nextAttemptAt: timestamp('locked_until', { withTimezone: true }),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    // Whether the latest attempt was let through to a password check: decided and written by the
    // same upsert that counts it, so RETURNING tells each of N parallel attempts its own answer.
    lastAllowed: boolean('last_allowed').notNull().default(true),
  },
  (t) => [index('login_throttle_last_attempt_idx').on(t.lastAttemptAt)],
);
