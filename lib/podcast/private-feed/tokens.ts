// Private feed addresses. The token in a member's feed URL is an HMAC of their user id
// and a random nonce under the server secret: the account page can show it again at
// any time, while the database keeps only the nonce and the token's SHA-256 (a leaked
// table gives no working address). Resetting draws a new nonce, so the old address
// stops at once.
import 'server-only';
import crypto from 'node:crypto';
import { cleanDisplayName } from '@/lib/auth/display-name';
import { derivedKey, HMAC_TOKEN_PATTERN, hmacToken, sha256Hex } from '@/lib/auth/server-secret';
import { getDb } from '@/lib/db';
import type { PrismaClient } from '@/lib/db/generated/client';
import { env } from '@/lib/env';
import { absoluteUrl } from '@/lib/site';

type DbOption = { db?: PrismaClient };

const feedKey = () => derivedKey('podcast-feed', env.PODCAST_FEED_SECRET ?? env.AUTH_SECRET, 'private podcast feed addresses');
const tokenFor = (userId: string, nonce: string) => hmacToken(feedKey(), `${userId}:${nonce}`);
const newNonce = () => crypto.randomBytes(16).toString('base64url');

export const isFeedTokenShaped = (token: string) => HMAC_TOKEN_PATTERN.test(token);

export const privateFeedUrl = (token: string) => absoluteUrl(`/podcast/private/${token}/feed.xml`);

/** Audio of a members-only episode, bound to the feed's token. */
export const privateAudioUrl = (token: string, file: string) => absoluteUrl(`/media/podcast/private/${token}/${encodeURIComponent(file)}`);

/**
 * The member's feed token, creating their feed if they have none. Only call it for a
 * member who is entitled now: the feed outlives a lapse, but is only handed out to members.
 */
export async function ensurePrivateFeed(userId: string, options: DbOption = {}): Promise<{ feedId: string; token: string }> {
  const db = options.db ?? getDb();
  const nonce = newNonce();
  // Concurrent first visits: one row wins, every caller then reads the same one.
  await db.podcastFeed.createMany({ data: [{ userId, nonce, tokenHash: sha256Hex(tokenFor(userId, nonce)) }], skipDuplicates: true });
  const row = await db.podcastFeed.findUniqueOrThrow({ where: { userId }, select: { id: true, nonce: true, tokenHash: true } });
  const token = tokenFor(userId, row.nonce);
  const tokenHash = sha256Hex(token);
  // Written under another secret (a rotated key): the address changes with the key.
  if (row.tokenHash !== tokenHash) await db.podcastFeed.update({ where: { id: row.id }, data: { tokenHash } });
  return { feedId: row.id, token };
}

/** The member's feed token if they have a feed (a lapsed member keeps theirs). */
export async function existingPrivateFeedToken(userId: string, options: DbOption = {}): Promise<string | null> {
  const db = options.db ?? getDb();
  const row = await db.podcastFeed.findUnique({ where: { userId }, select: { nonce: true } });
  return row ? tokenFor(userId, row.nonce) : null;
}

export interface PrivateFeedOwner {
  feedId: string;
  userId: string;
  memberName: string;
  createdAt: Date;
}

/** Who a token belongs to, or null for a malformed, unknown or reset one. */
export async function findPrivateFeed(token: string, options: DbOption = {}): Promise<PrivateFeedOwner | null> {
  if (!isFeedTokenShaped(token)) return null;
  const db = options.db ?? getDb();
  const row = await db.podcastFeed.findUnique({
    where: { tokenHash: sha256Hex(token) },
    select: { id: true, userId: true, createdAt: true, user: { select: { name: true, email: true } } },
  });
  if (!row) return null;
  return { feedId: row.id, userId: row.userId, createdAt: row.createdAt, memberName: memberNameOf(row.user) };
}

/** The name a feed's title carries: the member's name, else their address's local part. */
export const memberNameOf = (user: { name: string | null; email: string }) => cleanDisplayName(user.name) || user.email.split('@')[0];

/**
 * A new address for the member's feed (by the member, or staff for a shared one). The
 * old one stops answering at once; the fetch history of the old one goes with it.
 * Returns false when the member has no feed.
 */
export async function resetPrivateFeed(userId: string, options: DbOption & { now?: Date } = {}): Promise<boolean> {
  const db = options.db ?? getDb();
  const nonce = newNonce();
  const [, updated] = await db.$transaction([
    db.podcastFeedFetch.deleteMany({ where: { feed: { userId } } }),
    db.podcastFeed.updateMany({ where: { userId }, data: { nonce, tokenHash: sha256Hex(tokenFor(userId, nonce)), resetAt: options.now ?? new Date() } }),
  ]);
  return updated.count > 0;
}
