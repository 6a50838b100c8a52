import 'server-only';
import { cache } from 'react';
import { redirect } from 'next/navigation';
import { auth } from './config';
import { getDb } from '../db/client';
import { actorForSession } from './session-policy';
import type { Actor } from '../access/actor';

/**
 * The signed-in actor, rebuilt from the database once per request, so that a deactivated user, a
 * changed role or a changed password takes effect at once whatever the session token says: the
 * token's session version must still be the user's, and the sign-in no older than the absolute
 * lifetime (auth/session-policy.ts).
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const user = session?.user as { id?: string; sessionVersion?: number; authTime?: number } | undefined;
  if (!user?.id) return null;
  return actorForSession(await getDb(), { uid: user.id, sv: user.sessionVersion, authTime: user.authTime });
});

/** For pages: the actor, or a redirect to sign-in. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect('/signin');
  return actor;
}
