import 'server-only';
import { getDb } from '../db/client';
import { sessionStands } from './session-policy';

type Token = Record<string, unknown>;
type SignedIn = { id?: string; role?: string; locale?: string; teamId?: string | null; sessionVersion?: number };

/**
 * Auth.js's jwt callback, run at sign-in (with `user`) and on every later read of the session,
 * including the session endpoint that re-signs the token. At sign-in the token gets the user's
 * session version and the sign-in time; afterwards a token that no longer stands (too old, user
 * deactivated, version moved on) is dropped, and Auth.js clears its cookie. Data sent to the
 * session endpoint (`update`) is never read: the client cannot change what the token says.
 */
export async function jwtCallback({ token, user }: { token: Token; user?: SignedIn | null }, now = new Date()): Promise<Token | null> {
  if (user?.id) {
    return {
      ...token,
      uid: user.id,
      role: user.role,
      locale: user.locale,
      teamId: user.teamId ?? null,
      sv: user.sessionVersion,
      authTime: Math.floor(now.getTime() / 1000),
    };
  }
  if (!(await sessionStands(await getDb(), token, now))) return null;
  return token;
}

/** What `auth()` returns to server code (and the session endpoint to the browser). */
export function sessionCallback<S extends { user?: object }>({ session, token }: { session: S; token: Token }): S {
  if (typeof token.uid === 'string') {
    Object.assign(session.user ?? {}, {
      id: token.uid,
      role: token.role,
      locale: token.locale,
      teamId: token.teamId ?? null,
      sessionVersion: token.sv,
      authTime: token.authTime,
    });
  }
  return session;
}
