// Membership figures: today's counts by status (one statement) and a 12-month history of
// paying members, joins, lapses, MRR and churn (one statement), aggregated in SQL.
import 'server-only';
import type { PrismaClient } from '@/lib/db/generated/client';
import { liveSubscriptionSql, MEMBER_STATUSES, membersCte, sqlTime, type MemberStatus } from './member-status';

export type StatusCounts = Record<MemberStatus, number>;

export async function loadStatusCounts(db: PrismaClient, now: Date): Promise<StatusCounts> {
  const rows = await db.$queryRaw<{ status: MemberStatus; count: number }[]>`
    WITH ${membersCte(now)}
    SELECT "status", count(*)::int AS "count" FROM members GROUP BY "status"`;
  const counts = Object.fromEntries(MEMBER_STATUSES.map((s) => [s, 0])) as StatusCounts;
  for (const row of rows) counts[row.status] = row.count;
  return counts;
}

/** What a price earns a month, in the smallest currency unit (an annual price is divided by 12). */
export interface PriceAmount {
  priceId: string;
  amount: number;
}

export interface MonthPoint {
  /** First day of the month, UTC. */
  month: Date;
  /** Members paying or trialing at the month's end (or now, for this month). */
  members: number;
  joined: number;
  lapsed: number;
  /** Monthly recurring revenue at the month's end, smallest currency unit; trials excluded. */
  mrr: number;
  /** Lapsed this month ÷ members at its start, 0–1 (0 when nobody was a member). */
  churn: number;
}

export interface MembershipHistory {
  months: MonthPoint[];
  /** Live subscriptions whose price is not among `prices` (counted as 0 in MRR). */
  unpricedSubscriptions: number;
}

/**
 * Each subscription as an interval [start, end): it ends when Stripe says it ended, or at
 * its period end once it no longer grants access. Per user, the first start is the join
 * and, when every subscription has ended, the last end is the lapse.
 */
export async function loadMembershipHistory(db: PrismaClient, now: Date, prices: PriceAmount[]): Promise<MembershipHistory> {
  const priceJson = JSON.stringify(prices);
  const rows = await db.$queryRaw<{ month: Date; members: number; joined: number; lapsed: number; mrr: number; atStart: number; unpriced: number }[]>`
    WITH prices AS (
      SELECT * FROM jsonb_to_recordset(${priceJson}::jsonb) AS p("priceId" text, "amount" int)
    ),
    subs AS (
      SELECT s."userId", s."createdAt" AS "start", s."trialEnd", s."status",
        CASE
          WHEN s."endedAt" IS NOT NULL THEN s."endedAt"
          WHEN ${liveSubscriptionSql(now)} THEN NULL
          ELSE LEAST(s."currentPeriodEnd", ${sqlTime(now)})
        END AS "end",
        CASE WHEN p."amount" IS NULL THEN NULL WHEN s."interval" = 'year' THEN p."amount" / 12.0 ELSE p."amount" END AS "monthly"
      FROM "Subscription" s JOIN "User" u ON u."id" = s."userId" AND u."role" = 'MEMBER'
      LEFT JOIN prices p ON p."priceId" = s."priceId"
    ),
    people AS (
      SELECT "userId", min("start") AS "joinedAt",
        CASE WHEN bool_and("end" IS NOT NULL) THEN max("end") END AS "lapsedAt"
      FROM subs GROUP BY "userId"
    ),
    months AS (
      SELECT m AS "month", LEAST(m + interval '1 month', ${sqlTime(now)}) AS "at"
      FROM generate_series(date_trunc('month', ${sqlTime(now)}) - interval '11 months', date_trunc('month', ${sqlTime(now)}), interval '1 month') AS m
    )
    SELECT m."month",
      (SELECT count(DISTINCT s."userId")::int FROM subs s WHERE s."start" <= m."at" AND (s."end" IS NULL OR s."end" > m."at")) AS "members",
      (SELECT count(DISTINCT s."userId")::int FROM subs s WHERE s."start" <= m."month" AND (s."end" IS NULL OR s."end" > m."month")) AS "atStart",
      (SELECT count(*)::int FROM people p WHERE p."joinedAt" >= m."month" AND p."joinedAt" < m."month" + interval '1 month') AS "joined",
      (SELECT count(*)::int FROM people p WHERE p."lapsedAt" >= m."month" AND p."lapsedAt" < m."month" + interval '1 month') AS "lapsed",
      (SELECT coalesce(round(sum(s."monthly")), 0)::int FROM subs s
        WHERE s."start" <= m."at" AND (s."end" IS NULL OR s."end" > m."at") AND (s."trialEnd" IS NULL OR s."trialEnd" <= m."at")) AS "mrr",
      (SELECT count(*)::int FROM subs s WHERE s."end" IS NULL AND s."monthly" IS NULL) AS "unpriced"
    FROM months m ORDER BY m."month"`;
  return {
    months: rows.map((r) => ({
      month: r.month,
      members: r.members,
      joined: r.joined,
      lapsed: r.lapsed,
      mrr: r.mrr,
      churn: r.atStart > 0 ? r.lapsed / r.atStart : 0,
    })),
    unpricedSubscriptions: rows[0]?.unpriced ?? 0,
  };
}
