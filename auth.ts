// Auth.js configuration: password and magic-link sign-in, plus Google and GitHub when
// their keys are configured. Sessions are signed JWTs, but every request re-reads the
// user (lib/auth/session.ts): role changes apply at once, and a password change ends
// other sessions by bumping User.sessionVersion.
import { PrismaAdapter } from '@auth/prisma-adapter';
import NextAuth, { type NextAuthConfig } from 'next-auth';
import type { Adapter } from 'next-auth/adapters';
import Credentials from 'next-auth/providers/credentials';
import GitHub from 'next-auth/providers/github';
import Google from 'next-auth/providers/google';
import { sendMagicLink } from '@/lib/auth/magic-link';
import { authorizePassword } from '@/lib/auth/password-sign-in';
import { getDb } from '@/lib/db';
import { env, isProduction } from '@/lib/env';

const MAGIC_LINK_MINUTES = 15;

function config(): NextAuthConfig {
  const providers: NextAuthConfig['providers'] = [
    Credentials({
      id: 'password',
      credentials: { email: {}, password: {} },
      authorize: (credentials) => authorizePassword(credentials),
    }),
    {
      id: 'email',
      name: 'Email',
      type: 'email',
      maxAge: MAGIC_LINK_MINUTES * 60,
      sendVerificationRequest: ({ identifier, url }) => sendMagicLink({ email: identifier, callbackUrl: url, expiresInMinutes: MAGIC_LINK_MINUTES }),
    },
  ];
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) {
    providers.push(Google({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET }));
  }
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) {
    providers.push(GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET }));
  }
  return {
    adapter: PrismaAdapter(getDb() as never) as Adapter,
    providers,
    secret: env.AUTH_SECRET,
    trustHost: true,
    session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: '/sign-in', verifyRequest: '/sign-in/check-email', error: '/sign-in' },
    useSecureCookies: isProduction && env.SITE_URL.startsWith('https://'),
    callbacks: {
      async jwt({ token, user, trigger }) {
        if (user?.id) token.uid = user.id;
        if (user || trigger === 'update') {
          const fresh = await getDb().user.findUnique({ where: { id: String(token.uid) }, select: { sessionVersion: true } });
          token.sv = fresh?.sessionVersion ?? 0;
        }
        return token;
      },
      session({ session, token }) {
        if (typeof token.uid === 'string') session.user.id = token.uid;
        session.sessionVersion = typeof token.sv === 'number' ? token.sv : 0;
        return session;
      },
    },
    events: {
      // Signing in by link or OAuth proves the address.
      async signIn({ user, account }) {
        if (account?.type === 'email' || account?.type === 'oauth' || account?.type === 'oidc') {
          await getDb().user.updateMany({ where: { id: user.id, emailVerified: null }, data: { emailVerified: new Date() } });
        }
      },
    },
  };
}

export const { handlers, auth, signIn, signOut, unstable_update: updateSession } = NextAuth(config);
export const { GET, POST } = handlers;

/** Which sign-in methods this deployment offers (for the sign-in and account pages). */
export function oauthProviders(): { id: 'google' | 'github'; name: string }[] {
  return [
    ...(env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET ? [{ id: 'google' as const, name: 'Google' }] : []),
    ...(env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET ? [{ id: 'github' as const, name: 'GitHub' }] : []),
  ];
}
