import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '../db/client';
import { verifyCredentials } from './credentials';

class LockedSignin extends CredentialsSignin {
  code = 'locked';
}

const credentialsSchema = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(200) });

export function clientIp(headers: Headers): string | null {
  const fwd = headers.get('x-forwarded-for');
  if (fwd) return fwd.split(',')[0]!.trim();
  return headers.get('x-real-ip');
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  trustHost: true,
  pages: { signIn: '/signin' },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const db = await getDb();
        const ip = request instanceof Request ? clientIp(request.headers) : null;
        const result = await verifyCredentials(db, parsed.data.email, parsed.data.password, ip);
        if (!result.ok) {
          if (result.reason === 'locked') throw new LockedSignin();
          return null;
        }
        return { id: result.user.id, email: result.user.email, name: result.user.name, role: result.user.role, locale: result.user.locale, teamId: result.user.teamId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = (user as { role?: string }).role;
        token.locale = (user as { locale?: string }).locale;
        token.teamId = (user as { teamId?: string | null }).teamId ?? null;
      }
      return token;
    },
    session({ session, token }) {
      if (token.uid) {
        session.user.id = token.uid as string;
        (session.user as { role?: string }).role = token.role as string;
        (session.user as { locale?: string }).locale = token.locale as string;
        (session.user as { teamId?: string | null }).teamId = (token.teamId as string | null) ?? null;
      }
      return session;
    },
  },
});
