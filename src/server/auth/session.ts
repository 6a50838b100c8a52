import 'server-only';
import { cache } from 'react';
import { redirect } from 'next/navigation';
import { auth } from './config';
import { getDb } from '../db/client';
import { loadActor } from '../access/load-actor';
import type { Actor } from '../access/actor';

/**
 * The signed-in actor, rebuilt from the database once per request, so that a deactivated user or
 * a changed role takes effect at once whatever the session token says.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return loadActor(await getDb(), id);
});

/** For pages: the actor, or a redirect to sign-in. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect('/signin');
  return actor;
}
