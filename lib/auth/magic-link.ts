import 'server-only';
import type { PrismaClient } from '@/lib/db/generated/client';
import { queueEmail } from '@/lib/email/send-email';
import { magicLink } from '@/lib/email/templates';
import { consumeRateLimits } from '@/lib/rate-limit/rate-limit';
import { rateLimits } from '@/lib/rate-limit/rules';
import { absoluteUrl } from '@/lib/site';
import { safeReturnPath } from './return-path';
import { TooManyLinkRequests } from './sign-in-errors';

/**
 * Counts a sign-in link request per address and per client, and throws TooManyLinkRequests
 * past either limit. Auth.js's email provider runs it (auth.ts, the signIn callback of a
 * verification request) before any token is made or mail queued, for the form and a
 * direct POST to /api/auth/signin/email alike.
 */
export async function limitMagicLinkRequest(email: string, ip: string, options: { db?: PrismaClient; now?: Date } = {}): Promise<void> {
  const limit = await consumeRateLimits(
    [
      { rule: rateLimits.magicLinkPerEmail, subject: email },
      { rule: rateLimits.magicLinkPerIp, subject: ip },
    ],
    options,
  );
  if (!limit.allowed) throw new TooManyLinkRequests(limit.retryAfterSeconds);
}

/**
 * Emails a sign-in link. The link opens /sign-in/link, a page with a "Sign in" button:
 * only that POST consumes the token, so mail scanners that follow links cannot. The
 * link is built on SITE_URL, never on the request's Host header.
 */
export async function sendMagicLink({ email, callbackUrl, expiresInMinutes }: { email: string; callbackUrl: string; expiresInMinutes: number }) {
  const callback = new URL(callbackUrl);
  const confirm = new URL(absoluteUrl('/sign-in/link'));
  confirm.searchParams.set('next', `${callback.pathname}${callback.search}`);
  await queueEmail({ to: email, ...magicLink({ url: confirm.toString(), expiresInMinutes }) });
}

/** The callback path a confirm page may continue to: only Auth.js's email callback. */
export function safeMagicLinkTarget(next: string | undefined): string | null {
  if (!next || !next.startsWith('/api/auth/callback/email?') || safeReturnPath(next, '') === '') return null;
  const url = new URL(next, 'http://placeholder');
  if (url.pathname !== '/api/auth/callback/email' || !url.searchParams.get('token') || !url.searchParams.get('email')) return null;
  return `${url.pathname}${url.search}`;
}
