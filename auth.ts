// Auth.js configuration: password and magic-link sign-in, plus Google and GitHub when
// their keys are configured. Sessions are encrypted JWTs naming a server-side session row
// (lib/auth/sessions.ts), and every request re-reads the user through that row
// (lib/viewer/viewer.ts, which decrypts the cookie with Auth.js's own decoder): role
// changes apply at once, and sign-out, a password change or deleting the account end
// sessions at once, copied cookies included.
// Both sign-in paths apply their rate limits inside Auth.js (the password check, the
// link request), so a direct POST to /api/auth/... meets the same limits as the forms;
// refusals log one line each (lib/auth/sign-in-errors.ts).
import { PrismaAdapter } from '@auth/prisma-adapter';
import NextAuth, { type NextAuthConfig } from 'next-auth';
import type { Adapter } from 'next-auth/adapters';
import Credentials from 'next-auth/providers/credentials';
import GitHub from 'next-auth/providers/github';
import Google from 'next-auth/providers/google';
import { limitMagicLinkRequest, sendMagicLink } from '@/lib/auth/magic-link';
import { configuredOAuthProviders } from '@/lib/auth/oauth-providers';
import { authorizePassword } from '@/lib/auth/password-sign-in';
import { clientIpOf } from '@/lib/auth/client-address';
import { clientIp } from '@/lib/auth/request-info';
import { authLogger } from '@/lib/auth/sign-in-errors';
import { safeAuthRedirect } from '@/lib/auth/return-path';
import { sessionCookiesAreSecure } from '@/lib/auth/session-token';
import { endSession, SESSION_MAX_AGE_SECONDS, startSession } from '@/lib/auth/sessions';
import { forgetUnprovenPasswords } from '@/lib/auth/sign-up';
import { getDb } from '@/lib/db';
import { env } from '@/lib/env';

const MAGIC_LINK_MINUTES = 15;

/**
 * `request` is the request Auth.js's own routes handle; calls from server actions and
 * pages (signIn, auth) have none, and read the client from Next's request scope instead.
 */
function config(request?: Request): NextAuthConfig {
  const requestIp = async () => (request ? clientIpOf(request) : clientIp());
  const providers: NextAuthConfig['providers'] = [
    Credentials({
      id: 'password',
      credentials: { email: {}, password: {} },
      authorize: (credentials, request) => authorizePassword(credentials, request),
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
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/sign-in', verifyRequest: '/sign-in/check-email', error: '/sign-in' },
    useSecureCookies: sessionCookiesAreSecure(),
    logger: authLogger,
    callbacks: {
      // Runs before Auth.js signs anyone in. A link request is rate limited before a token
      // is made or an email queued. At a link's callback or an OAuth return the address is
      // proven: a password nobody proved for it (a pre-registration attempt) must not
      // outlive that. The link's request (verificationRequest) proves nothing.
      async signIn({ user, account, email }) {
        if (email?.verificationRequest && account) await limitMagicLinkRequest(account.providerAccountId, await requestIp());
        const proven = account?.type === 'email' ? !email?.verificationRequest : account?.type === 'oauth' || account?.type === 'oidc';
        if (proven && user.email) await forgetUnprovenPasswords(user.email.toLowerCase());
        return true;
      },
      // At sign-in (only then is `user` set) the cookie gets a new session row's id.
      async jwt({ token, user }) {
        if (user?.id) {
          token.uid = user.id;
          token.sid = await startSession(user.id);
        }
        return token;
      },
      session({ session, token }) {
        if (typeof token.uid === 'string') session.user.id = token.uid;
        return session;
      },
      // Every callbackUrl Auth.js takes ends on a path of SITE_URL (never another origin, never a 500).
      redirect: ({ url }) => safeAuthRedirect(url),
    },
    events: {
      // Both the site's sign-out action and POST /api/auth/signout end here.
      async signOut(message) {
        const sid = 'token' in message ? message.token?.sid : undefined;
        if (typeof sid === 'string') await endSession(sid);
      },
      // Signing in by link or OAuth proves the address.
      async signIn({ user, account }) {
        if (account?.type === 'email' || account?.type === 'oauth' || account?.type === 'oidc') {
          await getDb().user.updateMany({ where: { id: user.id, emailVerified: null }, data: { emailVerified: new Date() } });
        }
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(config);
export const { GET, POST } = handlers;
