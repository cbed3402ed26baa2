// Single-use, expiring tokens for links in emails. The database keeps only a SHA-256 of
// the token, so a leaked table cannot be used to sign in or reset a password.
import 'server-only';
import crypto from 'node:crypto';
import { getDb } from '@/lib/db';
import type { PrismaClient } from '@/lib/db/generated/client';
import type { AuthTokenPurpose } from '@/lib/db/generated/enums';

export const TOKEN_LIFETIME_MINUTES: Record<AuthTokenPurpose, number> = {
  VERIFY_EMAIL: 24 * 60,
  RESET_PASSWORD: 30,
  CHANGE_EMAIL: 24 * 60,
};

const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export async function issueToken(
  input: { userId: string; purpose: AuthTokenPurpose; email: string },
  options: { db?: PrismaClient; now?: Date } = {},
): Promise<string> {
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  const token = crypto.randomBytes(32).toString('base64url');
  // A new link replaces older unused ones of the same kind.
  await db.authToken.updateMany({ where: { userId: input.userId, purpose: input.purpose, usedAt: null }, data: { usedAt: now } });
  await db.authToken.create({
    data: {
      ...input,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MINUTES[input.purpose] * 60_000),
    },
  });
  return token;
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
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { ok: false, reason: 'invalid' };
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
