// Sign-up with a password, safe against pre-registration hijack and account enumeration.
// The name and password chosen at sign-up wait with the confirmation link (SignUpRequest)
// and reach an account only when that link is used, i.e. by whoever reads the mailbox:
// someone who signs up first with another person's address gets no account to wait in.
// A newer sign-up for the address replaces the older one and its link; proving the
// address another way (sign-in link, OAuth) drops it. Every request does the same work
// whether or not the address has an account, so neither the answer nor its timing tells.
import 'server-only';
import { getDb, type PrismaClient } from '@/lib/db';
import { Prisma } from '@/lib/db/generated/client';
import { queueEmail } from '@/lib/email/send-email';
import { setNewsletterOptIn } from '@/lib/newsletters/opt-in';
import { signUpAttemptNotice, verifyEmail } from '@/lib/email/templates';
import { consumeRateLimits } from '@/lib/rate-limit/rate-limit';
import { rateLimits } from '@/lib/rate-limit/rules';
import { absoluteUrl } from '@/lib/site';
import { hashPassword } from './password';
import { hashToken, isWellFormedToken, newLinkToken } from './tokens';

export const SIGN_UP_LINK_MINUTES = 24 * 60;

type Options = { db?: PrismaClient; now?: Date };

export type Limited = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Records a sign-up and emails the address: a confirmation link, or, when the address
 * already has a confirmed account, a note to its owner that someone tried (the account is
 * not touched). Always one argon2 hash, one read, one upsert and one email.
 */
export async function requestSignUp(
  input: { name: string; email: string; password: string; next: string; ip: string; newsletter?: boolean },
  options: Options = {},
): Promise<Limited> {
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  const { email } = input;
  const limit = await consumeRateLimits(
    [
      { rule: rateLimits.signUpPerIp, subject: input.ip },
      { rule: rateLimits.signUpPerEmail, subject: email },
    ],
    { db, now },
  );
  if (!limit.allowed) return { ok: false, retryAfterSeconds: limit.retryAfterSeconds };

  const passwordHash = await hashPassword(input.password);
  const account = await db.user.findUnique({ where: { email }, select: { emailVerified: true } });
  const confirmed = account?.emailVerified != null;
  const token = newLinkToken();
  // For a confirmed account the row keeps nothing the attacker chose, and its link is never sent.
  const pending = {
    tokenHash: hashToken(token),
    name: confirmed ? null : input.name,
    passwordHash: confirmed ? null : passwordHash,
    newsletter: confirmed ? false : (input.newsletter ?? false),
    expiresAt: new Date(now.getTime() + SIGN_UP_LINK_MINUTES * 60_000),
    usedAt: null,
    createdAt: now,
  };
  await db.signUpRequest.upsert({ where: { email }, create: { email, ...pending }, update: pending });
  const continueTo = input.next === '/' ? '' : `&next=${encodeURIComponent(input.next)}`;
  const message = confirmed
    ? signUpAttemptNotice({ signInUrl: absoluteUrl('/sign-in') })
    : verifyEmail({ name: input.name, url: absoluteUrl(`/verify-email?token=${token}${continueTo}`) });
  await queueEmail({ to: email, ...message }, db);
  return { ok: true };
}

export type SignUpConfirmation = { ok: true; outcome: 'created' | 'already-confirmed' } | { ok: false; reason: 'invalid' | 'expired' | 'used' };

/**
 * Uses a confirmation link once: the account gets the name and password of the sign-up
 * that sent it, and a confirmed address. An unconfirmed account left by older versions
 * (which created it at sign-up) is taken over by the person who confirmed; a confirmed
 * account is never changed ('already-confirmed').
 */
export async function confirmSignUp(token: string, options: Options = {}): Promise<SignUpConfirmation> {
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  if (!isWellFormedToken(token)) return { ok: false, reason: 'invalid' };
  const request = await db.signUpRequest.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!request) return { ok: false, reason: 'invalid' };
  if (request.usedAt) return { ok: false, reason: 'used' };
  if (request.expiresAt <= now) return { ok: false, reason: 'expired' };
  // Conditional on this very link being unused, so two clicks cannot both win; the
  // password hash leaves the table with it.
  const { count } = await db.signUpRequest.updateMany({
    where: { email: request.email, tokenHash: request.tokenHash, usedAt: null },
    data: { usedAt: now, name: null, passwordHash: null },
  });
  if (count === 0) return { ok: false, reason: 'used' };
  if (!request.passwordHash) return { ok: true, outcome: 'already-confirmed' };

  const data = { name: request.name, passwordHash: request.passwordHash, emailVerified: now };
  const adopted = await db.user.updateMany({ where: { email: request.email, emailVerified: null }, data });
  if (adopted.count === 1) {
    const { id } = await db.user.findUniqueOrThrow({ where: { email: request.email }, select: { id: true } });
    if (request.newsletter) await setNewsletterOptIn(id, true, { db });
    return { ok: true, outcome: 'created' };
  }
  try {
    const { id } = await db.user.create({ data: { email: request.email, ...data }, select: { id: true } });
    // The sign-up's newsletter box, applied now that there is an account to hold it.
    if (request.newsletter) await setNewsletterOptIn(id, true, { db });
    return { ok: true, outcome: 'created' };
  } catch (error) {
    // Confirmed meanwhile by a sign-in link or OAuth: that account stays as it is.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return { ok: true, outcome: 'already-confirmed' };
    throw error;
  }
}

/**
 * Someone just proved they own `email` (a sign-in link's callback, or OAuth): no password
 * that nobody proved may stay on it. Drops a pending sign-up for the address and the
 * password of an unconfirmed account (left by older versions, which put it there at
 * sign-up), so whoever chose it cannot sign in once the address is confirmed.
 */
export async function forgetUnprovenPasswords(email: string, options: Options = {}): Promise<void> {
  const db = options.db ?? getDb();
  await db.$transaction([
    db.user.updateMany({ where: { email, emailVerified: null, passwordHash: { not: null } }, data: { passwordHash: null } }),
    db.signUpRequest.deleteMany({ where: { email } }),
  ]);
}
