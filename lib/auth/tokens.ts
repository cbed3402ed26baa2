// Single-use, expiring tokens for links in emails. The database keeps only a SHA-256 of
// the token, so a leaked table cannot be used to sign in or reset a password.
import 'server-only';
import crypto from 'node:crypto';
import { getDb } from '@/lib/db';
import { Prisma, type PrismaClient } from '@/lib/db/generated/client';
import type { AuthTokenPurpose } from '@/lib/db/generated/enums';

export const TOKEN_LIFETIME_MINUTES: Record<AuthTokenPurpose, number> = {
  RESET_PASSWORD: 30,
  CHANGE_EMAIL: 24 * 60,
};

export const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/** A new link token: 256 random bits, URL-safe. */
export const newLinkToken = () => crypto.randomBytes(32).toString('base64url');

/** Whether a token from a request could be one of ours at all (checked before any lookup). */
export const isWellFormedToken = (token: string) => /^[A-Za-z0-9_-]{20,100}$/.test(token);

type TokenOptions = { db?: PrismaClient; now?: Date };

/**
 * One statement that retires the user's unused links of this kind (a new link replaces
 * them) and stores the new one, for the user `target` selects, if there is one. The same
 * statement runs whether or not it matches anyone, so a request for an unknown address
 * does the same work as for a known one. Returns the token, or null when nobody matched.
 */
async function insertToken(purpose: AuthTokenPurpose, email: string, target: Prisma.Sql, options: TokenOptions): Promise<string | null> {
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  const token = newLinkToken();
  const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_MINUTES[purpose] * 60_000);
  const inserted = await db.$executeRaw`
    WITH target AS (SELECT "id" FROM "User" WHERE ${target}),
    retired AS (
      UPDATE "AuthToken" SET "usedAt" = ${now}
      WHERE "userId" IN (SELECT "id" FROM target) AND "purpose" = ${purpose}::"AuthTokenPurpose" AND "usedAt" IS NULL
    )
    INSERT INTO "AuthToken" ("id", "tokenHash", "purpose", "userId", "email", "expiresAt", "createdAt")
    SELECT ${crypto.randomUUID()}, ${hashToken(token)}, ${purpose}::"AuthTokenPurpose", "id", ${email}, ${expiresAt}, ${now} FROM target`;
  return inserted === 1 ? token : null;
}

/** A link for this user, sent to `email` (the new address for CHANGE_EMAIL). */
export async function issueToken(input: { userId: string; purpose: AuthTokenPurpose; email: string }, options: TokenOptions = {}): Promise<string> {
  const token = await insertToken(input.purpose, input.email, Prisma.sql`"id" = ${input.userId}`, options);
  if (!token) throw new Error(`No user ${input.userId} to issue a ${input.purpose} link for`);
  return token;
}

/** A link for whoever has the account with this address; null (after the same work) when nobody does. */
export function issueTokenForAddress(input: { purpose: AuthTokenPurpose; email: string }, options: TokenOptions = {}): Promise<string | null> {
  return insertToken(input.purpose, input.email, Prisma.sql`"email" = ${input.email}`, options);
}

export type ConsumeResult =
  | { ok: true; userId: string; email: string }
  | { ok: false; reason: 'invalid' | 'expired' | 'used' };

/**
 * Uses a token once. The update is conditional on usedAt being null, so two concurrent
 * requests with the same token cannot both succeed.
 */
export async function consumeToken(
  token: string,
  purpose: AuthTokenPurpose,
  options: { db?: PrismaClient; now?: Date } = {},
): Promise<ConsumeResult> {
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  if (!isWellFormedToken(token)) return { ok: false, reason: 'invalid' };
  const row = await db.authToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.purpose !== purpose) return { ok: false, reason: 'invalid' };
  if (row.usedAt) return { ok: false, reason: 'used' };
  if (row.expiresAt <= now) return { ok: false, reason: 'expired' };
  const { count } = await db.authToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
  if (count === 0) return { ok: false, reason: 'used' };
  return { ok: true, userId: row.userId, email: row.email };
}

export const tokenProblemMessage: Record<'invalid' | 'expired' | 'used', string> = {
  invalid: 'This link is not valid. Check that you copied the whole link, or ask for a new one.',
  expired: 'This link has expired. Ask for a new one below.',
  used: 'This link has already been used. If that was not you, ask for a new one below.',
};
