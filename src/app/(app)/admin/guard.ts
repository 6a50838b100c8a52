import 'server-only';
import type { Verb } from '@/server/access/permissions';
import { requireVerb } from '../guard';

/** Admin pages answer 404 to everyone else, like any record out of scope. */
export async function requireAdmin(verb: Verb = 'user.manage') {
  return requireVerb(verb);
}
