// Password sign-in: the one check behind Auth.js's Credentials provider, used by the form
// (through signIn) and a direct POST to /api/auth/callback/password alike, so both meet
// the same limits. Only failed attempts count: each attempt takes a unit per email and per
// client first (atomically, so concurrent guesses can never exceed the limit), and a
// right password gives its units back.
import 'server-only';
import { z } from 'zod';
import { getDb } from '@/lib/db';
import type { PrismaClient } from '@/lib/db/generated/client';
import { consumeRateLimits, refundRateLimits } from '@/lib/rate-limit/rate-limit';
import { rateLimits } from '@/lib/rate-limit/rules';
import { clientIpOf } from './client-address';
import { emailAddressSchema } from './email-address';
import { existingPasswordSchema, verifyPassword } from './password';
import { TooManySignInAttempts, UnconfirmedAddress } from './sign-in-errors';

export const signInSchema = z.object({ email: emailAddressSchema, password: existingPasswordSchema });

type DbOption = { db?: PrismaClient; now?: Date };

export type PasswordCheck = { result: 'ok'; user: { id: string; email: string; name: string | null } } | { result: 'wrong' | 'unverified' };

/** Checks an email and password; the same work is done whether or not the account exists. */
export async function checkPassword(email: string, password: string, options: DbOption = {}): Promise<PasswordCheck> {
  const db = options.db ?? getDb();
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true, emailVerified: true } });
  const matches = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !matches) return { result: 'wrong' };
  if (!user.emailVerified) return { result: 'unverified' };
  return { result: 'ok', user: { id: user.id, email: user.email, name: user.name } };
}

export type LimitedPasswordCheck = PasswordCheck | { result: 'limited'; retryAfterSeconds: number };

/**
 * checkPassword under the per-email and per-IP sign-in limits. A refused attempt checks
 * nothing and counts nowhere; a matching password (confirmed or not) is not a failure
 * and gives its units back.
 */
export async function checkPasswordLimited(email: string, password: string, ip: string, options: DbOption = {}): Promise<LimitedPasswordCheck> {
  const limit = await consumeRateLimits(
    [
      { rule: rateLimits.signInPerEmail, subject: email },
      { rule: rateLimits.signInPerIp, subject: ip },
    ],
    options,
  );
  if (!limit.allowed) return { result: 'limited', retryAfterSeconds: limit.retryAfterSeconds };
  const check = await checkPassword(email, password, options);
  if (check.result !== 'wrong') await refundRateLimits(limit.counted, options);
  return check;
}

/**
 * Auth.js Credentials `authorize`: a user only for a confirmed account and the right
 * password; otherwise null (Auth.js's CredentialsSignin, "credentials") or a refusal with
 * its own code (lib/auth/sign-in-errors.ts).
 */
export async function authorizePassword(credentials: Partial<Record<string, unknown>>, request: Request, options: DbOption = {}) {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const check = await checkPasswordLimited(parsed.data.email, parsed.data.password, clientIpOf(request), options);
  if (check.result === 'limited') throw new TooManySignInAttempts(check.retryAfterSeconds);
  if (check.result === 'unverified') throw new UnconfirmedAddress();
  return check.result === 'ok' ? check.user : null;
}
