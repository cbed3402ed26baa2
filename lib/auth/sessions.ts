// Server-side sessions behind Auth.js's JWT cookies. Each sign-in gets an AuthSession row
// whose id travels in the (encrypted) cookie; lib/viewer/viewer.ts accepts a cookie only
// while its row exists, reading it in the same statement as the user. So ending a session
// is deleting its row, and a copied cookie stops working at once: sign-out ends one
// browser's session (not every device's, as bumping a per-user version would), a password
// change ends every other one, a reset all of them, and deleting the account cascades.
import 'server-only';
import crypto from 'node:crypto';
import { getDb, type PrismaClient } from '@/lib/db';

/** How long a session lasts: the cookie's maxAge (auth.ts) and the row's expiry. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

type Options = { db?: PrismaClient; now?: Date };

/** Records a sign-in and returns the session id for the cookie; prunes the user's expired rows. */
export async function startSession(userId: string, options: Options = {}): Promise<string> {
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  const id = crypto.randomBytes(24).toString('base64url');
  await db.$transaction([
    db.authSession.deleteMany({ where: { userId, expiresAt: { lte: now } } }),
    db.authSession.create({ data: { id, userId, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) } }),
  ]);
  return id;
}

/** Sign-out: this session's cookie, and every copy of it, stops working. */
export async function endSession(sessionId: string, options: Options = {}): Promise<void> {
  await (options.db ?? getDb()).authSession.deleteMany({ where: { id: sessionId } });
}

/**
 * Sets a new password and ends every session of the user but `keepSessionId` (the one that
 * changed it; none for a reset from an emailed link). `addressProven`: the change came
 * through a link sent to the address, so the address counts as confirmed too.
 */
export async function replacePassword(
  input: { userId: string; passwordHash: string; keepSessionId?: string; addressProven?: boolean },
  options: Options = {},
): Promise<void> {
  const db = options.db ?? getDb();
  const { userId, passwordHash, keepSessionId, addressProven } = input;
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { passwordHash, ...(addressProven ? { emailVerified: options.now ?? new Date() } : {}) } }),
    db.authSession.deleteMany({ where: { userId, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) } }),
  ]);
}
