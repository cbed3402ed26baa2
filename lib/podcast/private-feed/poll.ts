// A podcast app polling a private feed, in one SQL statement: who the token belongs to,
// this fetch counted for the sharing check, and the rows their entitlement is decided
// from. Apps poll every feed all day, so this is the hot path of private feeds; one
// statement instead of five is about twice the polls per second on the embedded database.
import 'server-only';
import { decideEntitlementsFromRows, entitlementRowsSql, type Entitlements } from '@/lib/billing/entitlements';
import { sha256Hex } from '@/lib/auth/server-secret';
import { getDb } from '@/lib/db';
import type { PrismaClient } from '@/lib/db/generated/client';
import type { Role } from '@/lib/db/generated/enums';
import type { FeedClient } from './sharing';
import { isFeedTokenShaped, memberNameOf, type PrivateFeedOwner } from './tokens';

export interface FeedPoll {
  owner: PrivateFeedOwner;
  entitlements: Entitlements;
}

type Row = {
  id: string;
  userId: string;
  createdAt: Date;
  name: string | null;
  email: string;
  role: Role;
  subscriptions: Record<string, unknown>[] | null;
  comps: Record<string, unknown>[] | null;
};

const utcDay = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

/** null for a malformed, unknown or reset token (and then nothing is counted). */
export async function pollPrivateFeed(token: string, client: FeedClient, options: { db?: PrismaClient; now?: Date } = {}): Promise<FeedPoll | null> {
  if (!isFeedTokenShaped(token)) return null;
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  const [row] = await db.$queryRaw<Row[]>`
    WITH feed AS (
      SELECT f."id", f."userId", f."createdAt", u."name", u."email", u."role"
      FROM "PodcastFeed" f JOIN "User" u ON u."id" = f."userId"
      WHERE f."tokenHash" = ${sha256Hex(token)}
    ), counted AS (
      INSERT INTO "PodcastFeedFetch" ("feedId", "day", "client", "agent", "count", "lastAt")
      SELECT feed."id", ${utcDay(now)}::date, ${client.client}, ${client.agent}, 1, ${now} FROM feed
      ON CONFLICT ("feedId", "day", "client")
      DO UPDATE SET "count" = "PodcastFeedFetch"."count" + 1, "lastAt" = GREATEST("PodcastFeedFetch"."lastAt", EXCLUDED."lastAt")
      RETURNING 1
    )
    SELECT feed.*, ${entitlementRowsSql('feed."userId"')}, (SELECT count(*) FROM counted)::int AS "counted"
    FROM feed`;
  if (!row) return null;
  return {
    owner: { feedId: row.id, userId: row.userId, createdAt: row.createdAt, memberName: memberNameOf(row) },
    entitlements: decideEntitlementsFromRows({ role: row.role, subscriptions: row.subscriptions, comps: row.comps, now }),
  };
}
