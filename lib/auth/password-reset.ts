// Forgotten passwords, the part that needs no request: asking for a reset link does the
// same work whether or not the address has an account (one statement that issues a link
// only if there is one, and one email either way), so neither the answer nor its timing
// tells. The server actions are in reset-password.ts.
import 'server-only';
import { getDb, type PrismaClient } from '@/lib/db';
import { queueEmail } from '@/lib/email/send-email';
import { passwordReset, passwordResetNoAccount } from '@/lib/email/templates';
import { consumeRateLimits } from '@/lib/rate-limit/rate-limit';
import { rateLimits } from '@/lib/rate-limit/rules';
import { absoluteUrl } from '@/lib/site';
import type { Limited } from './sign-up';
import { issueTokenForAddress, TOKEN_LIFETIME_MINUTES } from './tokens';

export async function requestPasswordReset(input: { email: string; ip: string }, options: { db?: PrismaClient; now?: Date } = {}): Promise<Limited> {
  const db = options.db ?? getDb();
  const limit = await consumeRateLimits(
    [
      { rule: rateLimits.resetPerEmail, subject: input.email },
      { rule: rateLimits.resetPerIp, subject: input.ip },
    ],
    { db, now: options.now },
  );
  if (!limit.allowed) return { ok: false, retryAfterSeconds: limit.retryAfterSeconds };
  const token = await issueTokenForAddress({ purpose: 'RESET_PASSWORD', email: input.email }, { db, now: options.now });
  const message = token
    ? passwordReset({ url: absoluteUrl(`/reset-password/new?token=${token}`), expiresInMinutes: TOKEN_LIFETIME_MINUTES.RESET_PASSWORD })
    : passwordResetNoAccount({ signUpUrl: absoluteUrl('/sign-up') });
  await queueEmail({ to: input.email, ...message }, db);
  return { ok: true };
}
