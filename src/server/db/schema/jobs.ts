import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * When the job runner last proved it works: a scheduled job writes its row every minute, and the
 * health endpoint reports the runner dead when the row grows old. (The queue itself is pg-boss's,
 * in its own `pgboss` schema, created and migrated by the library.)
 */
export const jobHeartbeats = pgTable('job_heartbeats', {
  name: text('name').primaryKey(),
  beatAt: timestamp('beat_at', { withTimezone: true }).notNull(),
});
