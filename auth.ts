// Auth.js configuration: password and magic-link sign-in, plus Google and GitHub when
// their keys are configured. Sessions are encrypted JWTs, but every request re-reads the
// user (lib/auth/current-user.ts, which decrypts the cookie with Auth.js's own decoder):
// role changes apply at once, and a password change ends other sessions by bumping
// User.sessionVersion.
import { PrismaAdapter } from '@auth/prisma-adapter';
import NextAuth, { type NextAuthConfig } from 'next-auth';
import type { Adapter } from 'next-auth/adapters';
import Credentials from 'next-auth/providers/credentials';
import GitHub from 'next-auth/providers/github';
import Google from 'next-auth/providers/google';
import { sendMagicLink } from '@/lib/auth/magic-link';
import { configuredOAuthProviders } from '@/lib/auth/oauth-providers';
import { authorizePassword } from '@/lib/auth/password-sign-in';
import { safeAuthRedirect } from '@/lib/auth/return-path';
import { sessionCookiesAreSecure } from '@/lib/auth/session-token';
import { getDb } from '@/lib/db';
import { env } from '@/lib/env';

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
  for (const { id, clientId, clientSecret } of configuredOAuthProviders()) {
    providers.push((id === 'google' ? Google : GitHub)({ clientId, clientSecret }));
  }
  return {
    adapter: PrismaAdapter(getDb() as never) as Adapter,
    providers,
    secret: env.AUTH_SECRET,
    trustHost: true,
    session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: '/sign-in', verifyRequest: '/sign-in/check-email', error: '/sign-in' },
    useSecureCookies: sessionCookiesAreSecure(),
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
      // Every callbackUrl Auth.js takes ends on a path of SITE_URL (never another origin, never a 500).
      redirect: ({ url }) => safeAuthRedirect(url),
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
