import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '../db/client';
import { clientAddress } from '../net/client-address';
import { verifyCredentials } from './credentials';
import { jwtCallback, sessionCallback } from './callbacks';
import { SESSION_IDLE_SECONDS } from './session-policy';

/** Sign-in delayed (auth/throttle.ts); `retryAt` travels to the sign-in action with the error. */
export class ThrottledSignin extends CredentialsSignin {
  code = 'throttled';
  constructor(readonly retryAt: Date) {
    super();
  }
}

const credentialsSchema = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1000) });

export const { handlers, auth, signIn, signOut } = NextAuth({
  // Sliding expiry; the absolute lifetime and the session version are checked in jwtCallback.
  session: { strategy: 'jwt', maxAge: SESSION_IDLE_SECONDS },
  trustHost: true,
  pages: { signIn: '/signin' },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const db = await getDb();
        const ip = request instanceof Request ? clientAddress(request.headers) : null;
        const result = await verifyCredentials(db, parsed.data.email, parsed.data.password, ip);
        if (!result.ok) {
          if (result.reason === 'throttled') throw new ThrottledSignin(result.retryAt);
          return null;
        }
        const u = result.user;
        return { id: u.id, email: u.email, name: u.name, role: u.role, locale: u.locale, teamId: u.teamId, sessionVersion: u.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt: ({ token, user }) => jwtCallback({ token, user }) as never,
    session: ({ session, token }) => sessionCallback({ session, token }),
  },
});
