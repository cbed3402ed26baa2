// Reading the Auth.js session cookie on the server. Pages ask "who is this?" on every
// request; Auth.js's auth() answers by running its whole session endpoint in-process
// (a Request, the callbacks, and a re-encrypted cookie that a server component cannot
// even set), about three times the work of decrypting the cookie. This decrypts it
// with Auth.js's own decoder, cookie name and salt, so the two always agree.
import 'server-only';
import { getToken } from 'next-auth/jwt';
import { env, isProduction } from '@/lib/env';

/** Secure (`__Secure-` prefixed) session cookies when the site is served over https. */
export function sessionCookiesAreSecure(): boolean {
  return isProduction && env.SITE_URL.startsWith('https://');
}

export interface SessionToken {
  userId: string;
  /** The AuthSession row this cookie belongs to (lib/auth/sessions.ts). */
  sessionId: string;
}

/**
 * The signed-in user's id and session id from a request's Cookie header, or null when
 * there is no session cookie, it does not decrypt (wrong secret, tampered, expired) or it
 * names no session (issued before sessions were rows). Only the
 * cookie counts, as with auth(): no Authorization header. A missing AUTH_SECRET throws:
 * a misconfigured server must not quietly sign everyone out.
 */
export async function readSessionToken(cookieHeader: string | null): Promise<SessionToken | null> {
  if (!cookieHeader) return null;
  const token = await getToken({
    req: { headers: { cookie: cookieHeader } },
    secret: env.AUTH_SECRET,
    secureCookie: sessionCookiesAreSecure(),
    logger: { error: () => {}, warn: () => {}, debug: () => {} },
  });
  if (!token || typeof token.uid !== 'string' || typeof token.sid !== 'string') return null;
  return { userId: token.uid, sessionId: token.sid };
}
