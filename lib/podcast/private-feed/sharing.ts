// Spotting a shared private feed. Every fetch is counted per client, where a client is
// the coarse user agent plus the coarse network (IPv4 /24, IPv6 /48), hashed: enough
// to tell ten listeners from one member's phone and laptop, without storing addresses.
// Staff see flagged feeds and may reset them; nobody is locked out automatically.
import 'server-only';
import crypto from 'node:crypto';
import { clientAddressOf, networkOf } from '@/lib/auth/client-address';
import { getDb } from '@/lib/db';
import type { PrismaClient } from '@/lib/db/generated/client';

type DbOption = { db?: PrismaClient; now?: Date };

/**
 * One member's own listening covers a few clients in a day (a phone app and the app's
 * server-side refresher, a laptop, a speaker, a network change on the way to work).
 * This many distinct ones in 24 hours looks like a passed-around address.
 */
export const SHARED_FEED_CLIENTS = 8;
/** Fetch history kept for the flag, and then dropped. */
const KEEP_DAYS = 30;

export interface FeedClient {
  /** Hash of agent and network: the unit that is counted. */
  client: string;
  /** The coarse user agent, for staff to read. */
  agent: string;
}

/** "AppleCoreMedia/1.0 (iPhone; …)" → "AppleCoreMedia"; browsers: "Browser (iPhone)". */
export function coarseAgent(userAgent: string | null): string {
  const ua = (userAgent ?? '').trim();
  if (!ua) return 'Unknown client';
  const product = ua.split(/[\s/;(]/)[0].slice(0, 40) || 'Unknown client';
  if (product !== 'Mozilla') return product;
  const platform = /\(([^;)]+)/.exec(ua)?.[1]?.trim().slice(0, 30);
  return platform ? `Browser (${platform})` : 'Browser';
}

/** The client behind a request: the address the app server resolved (never X-Forwarded-For as sent). */
export function feedClientOf(headers: Headers): FeedClient {
  const address = clientAddressOf(headers);
  const agent = coarseAgent(headers.get('user-agent'));
  // IPv4 /24 or IPv6 /48: one household or office, whatever address it is given today.
  const network = address ? networkOf(address, { v4: 24, v6: 48 }) : 'unknown';
  const client = crypto.createHash('sha256').update(`${agent}|${network}`).digest('hex').slice(0, 32);
  return { client, agent };
}

export interface FeedSharing {
  userId: string;
  /** Distinct clients in the last 24 hours. */
  clients: number;
  fetches: number;
  agents: string[];
  flagged: boolean;
}

type SharingRow = { userId: string; clients: number; fetches: number; agents: string[] };

const toSharing = (r: SharingRow): FeedSharing => ({ ...r, clients: Number(r.clients), fetches: Number(r.fetches), flagged: Number(r.clients) >= SHARED_FEED_CLIENTS });

/** Fetch counts of these members' feeds over the last 24 hours (members without fetches are absent). */
export async function feedSharingOf(userIds: string[], options: DbOption = {}): Promise<Map<string, FeedSharing>> {
  if (userIds.length === 0) return new Map();
  const db = options.db ?? getDb();
  const since = new Date((options.now ?? new Date()).getTime() - 86_400_000);
  const rows = await db.$queryRaw<SharingRow[]>`
    SELECT f."userId", COUNT(DISTINCT x."client")::int AS clients, SUM(x."count")::int AS fetches, ARRAY_AGG(DISTINCT x."agent") AS agents
    FROM "PodcastFeed" f JOIN "PodcastFeedFetch" x ON x."feedId" = f."id"
    WHERE f."userId" = ANY(${userIds}) AND x."lastAt" >= ${since}
    GROUP BY f."userId"`;
  return new Map(rows.map((r) => [r.userId, toSharing(r)]));
}

/** Feeds over the threshold, most clients first, with who they belong to. Drops old history on the way. */
export async function flaggedFeeds(options: DbOption & { limit?: number } = {}): Promise<(FeedSharing & { name: string | null; email: string })[]> {
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  await db.podcastFeedFetch.deleteMany({ where: { day: { lt: new Date(now.getTime() - KEEP_DAYS * 86_400_000) } } });
  const since = new Date(now.getTime() - 86_400_000);
  const rows = await db.$queryRaw<(SharingRow & { name: string | null; email: string })[]>`
    SELECT f."userId", u."name", u."email", COUNT(DISTINCT x."client")::int AS clients, SUM(x."count")::int AS fetches, ARRAY_AGG(DISTINCT x."agent") AS agents
    FROM "PodcastFeed" f JOIN "PodcastFeedFetch" x ON x."feedId" = f."id" JOIN "User" u ON u."id" = f."userId"
    WHERE x."lastAt" >= ${since}
    GROUP BY f."userId", u."name", u."email"
    HAVING COUNT(DISTINCT x."client") >= ${SHARED_FEED_CLIENTS}
    ORDER BY clients DESC, f."userId"
    LIMIT ${options.limit ?? 50}`;
  return rows.map((r) => ({ ...toSharing(r), name: r.name, email: r.email }));
}
