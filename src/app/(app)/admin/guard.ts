import 'server-only';
import { notFound } from 'next/navigation';
import { requireActor } from '@/server/auth/session';
import { can } from '@/server/access/permissions';

/** Admin pages answer 404 to everyone else, like any record out of scope. */
export async function requireAdmin() {
  const actor = await requireActor();
  if (!can(actor, 'user.manage')) notFound();
  return actor;
}
