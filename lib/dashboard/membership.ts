// Membership figures: today's counts by status (one statement) and a 12-month history of
// paying members, joins, lapses, MRR and churn (one statement), aggregated in SQL.
import 'server-only';
import { Prisma, type PrismaClient } from '@/lib/db/generated/client';
import { liveSubscriptionSql, MEMBER_STATUSES, membersCte, sqlTime, type MemberStatus } from './member-status';

export type StatusCounts = Record<MemberStatus, number>;

export interface PhaseCount {
  /** null: entitled members who have not started the programme. */
  phaseSlug: string | null;
  members: number;
}

/** Members by status, and entitled members by the phase they are on: one statement, one pass of "members". */
export async function loadMemberCounts(db: PrismaClient, now: Date): Promise<{ byStatus: StatusCounts; perPhase: PhaseCount[] }> {
  const rows = await db.$queryRaw<{ kind: 'status' | 'phase'; key: string | null; count: number }[]>`
    WITH ${membersCte(now)}
    SELECT 'status' AS "kind", "status" AS "key", count(*)::int AS "count" FROM members GROUP BY "status"
    UNION ALL
    SELECT 'phase', "phaseSlug", count(*)::int FROM members WHERE "entitled" GROUP BY "phaseSlug"
    ORDER BY 1, 2 NULLS FIRST`;
  const byStatus = Object.fromEntries(MEMBER_STATUSES.map((s) => [s, 0])) as StatusCounts;
  const perPhase: PhaseCount[] = [];
  for (const row of rows) {
    if (row.kind === 'status') byStatus[row.key as MemberStatus] = row.count;
    else perPhase.push({ phaseSlug: row.key, members: row.count });
  }
  return { byStatus, perPhase };
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
 * The last 12 calendar months (UTC), oldest first, each with the moment it is measured at:
 * its end, or `now` for this month. Sent as VALUES rather than generate_series, whose
 * default estimate (1,000 rows) made PostgreSQL plan a cross join of 10 million rows and
 * spend most of a second compiling it with JIT.
 */
function lastTwelveMonths(now: Date): { month: Date; at: Date }[] {
  return Array.from({ length: 12 }, (_, i) => {
    const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11 + i, 1));
    const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 10 + i, 1));
    return { month, at: next < now ? next : now };
  });
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
    subs AS MATERIALIZED (
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
    months AS (SELECT * FROM (VALUES ${Prisma.join(lastTwelveMonths(now).map(({ month, at }) => Prisma.sql`(${sqlTime(month)}, ${sqlTime(at)})`))}) AS m("month", "at")),
    -- One pass of months × subscriptions (12 × n rows), not a scan per month and figure.
    held AS (
      SELECT m."month",
        count(DISTINCT s."userId") FILTER (WHERE s."start" <= m."at" AND (s."end" IS NULL OR s."end" > m."at")) AS "members",
        count(DISTINCT s."userId") FILTER (WHERE s."start" <= m."month" AND (s."end" IS NULL OR s."end" > m."month")) AS "atStart",
        sum(s."monthly") FILTER (WHERE s."start" <= m."at" AND (s."end" IS NULL OR s."end" > m."at") AND (s."trialEnd" IS NULL OR s."trialEnd" <= m."at")) AS "mrr"
      FROM months m CROSS JOIN subs s GROUP BY m."month"
    ),
    joins AS (SELECT date_trunc('month', "joinedAt") AS "month", count(*) AS "n" FROM people GROUP BY 1),
    lapses AS (SELECT date_trunc('month', "lapsedAt") AS "month", count(*) AS "n" FROM people WHERE "lapsedAt" IS NOT NULL GROUP BY 1)
    SELECT m."month", coalesce(h."members", 0)::int AS "members", coalesce(h."atStart", 0)::int AS "atStart",
      coalesce(j."n", 0)::int AS "joined", coalesce(l."n", 0)::int AS "lapsed", coalesce(round(h."mrr"), 0)::int AS "mrr",
      (SELECT count(*)::int FROM subs s WHERE s."end" IS NULL AND s."monthly" IS NULL) AS "unpriced"
    FROM months m
    LEFT JOIN held h ON h."month" = m."month"
    LEFT JOIN joins j ON j."month" = m."month"
    LEFT JOIN lapses l ON l."month" = m."month"
    ORDER BY m."month"`;
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
