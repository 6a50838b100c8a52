import 'server-only';
import type { Db } from '../db/client';
import type { Actor } from '../access/actor';
import { repHome } from './rep';
import { teamHome } from './team';
import { financeHome } from './finance';

/**
 * What the home page shows, by role: a rep their day, a manager their team (an admin the whole
 * organization, through the same scope rule), finance the accepted quotations to turn into orders.
 */
export async function homeFor(db: Db, actor: Actor, now = new Date()) {
  switch (actor.role) {
    case 'rep':
      return { kind: 'rep' as const, data: await repHome(db, actor, now) };
    case 'finance':
      return { kind: 'finance' as const, data: await financeHome(db, actor, now) };
    default:
      return { kind: 'team' as const, data: await teamHome(db, actor, now) };
  }
}
export type Home = Awaited<ReturnType<typeof homeFor>>;
export { repHome, teamHome, financeHome };
