import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { jobHeartbeats } from '../db/schema';

export const RUNNER = 'runner';

/** Written by the heartbeat job each minute (and when a runner starts): the queue is being worked. */
export async function beat(db: Db, now = new Date()): Promise<void> {
  await db
    .insert(jobHeartbeats)
    .values({ name: RUNNER, beatAt: now })
    .onConflictDoUpdate({ target: jobHeartbeats.name, set: { beatAt: now } });
}

export async function lastBeat(db: Db): Promise<Date | null> {
  const [row] = await db.select({ at: jobHeartbeats.beatAt }).from(jobHeartbeats).where(eq(jobHeartbeats.name, RUNNER));
  return row?.at ?? null;
}
