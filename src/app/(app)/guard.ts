import 'server-only';
import { notFound } from 'next/navigation';
import { requireActor } from '@/server/auth/session';
import { can, type Verb } from '@/server/access/permissions';

/**
 * A page that exists to do something (a create or edit form, an admin function) answers 404 to a
 * role that may not do it, like a record out of scope: no form that could only be refused.
 */
export async function requireVerb(verb: Verb) {
  const actor = await requireActor();
  if (!can(actor, verb)) notFound();
  return actor;
}
