// Questions for the staff dashboard: how many wait now, and how long members waited for a
// coach's first answer over the last 30 days, overall and per coach (one statement, with
// percentile_cont). A question is answered when a staff reply lands anywhere below it
// (lib/comments/store.ts sets answeredAt to that reply's createdAt), so the answering coach
// is the author of the staff reply in the same thread created at that moment.
import 'server-only';
import type { PrismaClient } from '@/lib/db/generated/client';
import { sqlTime } from './member-status';

export const RESPONSE_WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;

export interface ResponseTimes {
  answered: number;
  /** Whole seconds. */
  medianSeconds: number;
  p90Seconds: number;
}

export interface CoachResponseTimes extends ResponseTimes {
  coachId: string;
  name: string | null;
  email: string;
}

export interface QuestionFigures {
  waiting: number;
  oldestWaitingSince: Date | null;
  overall: ResponseTimes | null;
  perCoach: CoachResponseTimes[];
}

export async function loadQuestionFigures(db: PrismaClient, now: Date): Promise<QuestionFigures> {
  const since = new Date(now.getTime() - RESPONSE_WINDOW_DAYS * DAY_MS);
  const rows = await db.$queryRaw<{ coachId: string | null; name: string | null; email: string | null; overall: boolean; answered: number; median: number | null; p90: number | null; waiting: number; oldest: Date | null }[]>`
    WITH answered AS (
      SELECT extract(epoch FROM q."answeredAt" - q."createdAt")::float8 AS "seconds", coach."authorId" AS "coachId"
      FROM "Comment" q
      LEFT JOIN LATERAL (
        -- Same target and a time range: the (targetKind, targetSlug, createdAt) index finds it.
        SELECT r."authorId" FROM "Comment" r
        WHERE r."targetKind" = q."targetKind" AND r."targetSlug" = q."targetSlug" AND r."createdAt" <= q."answeredAt" AND r."createdAt" >= q."createdAt"
          AND r."rootId" = q."rootId" AND r."byStaff"
        ORDER BY r."createdAt" DESC LIMIT 1
      ) coach ON true
      WHERE q."awaitingCoach" AND NOT q."byStaff" AND q."answeredAt" IS NOT NULL
        AND q."createdAt" >= ${sqlTime(since)} AND q."createdAt" <= ${sqlTime(now)}
    ),
    waiting AS (
      SELECT count(*)::int AS "waiting", min(q."createdAt") AS "oldest" FROM "Comment" q
      WHERE q."awaitingCoach" AND q."answeredAt" IS NULL AND q."closedAt" IS NULL AND q."status" = 'PUBLISHED'
    ),
    times AS (
      SELECT a."coachId", GROUPING(a."coachId") = 1 AS "overall", count(*)::int AS "answered",
        percentile_cont(0.5) WITHIN GROUP (ORDER BY a."seconds") AS "median",
        percentile_cont(0.9) WITHIN GROUP (ORDER BY a."seconds") AS "p90"
      FROM answered a GROUP BY GROUPING SETS ((), (a."coachId"))
    )
    SELECT t."coachId", u."name", u."email", coalesce(t."overall", true) AS "overall", coalesce(t."answered", 0) AS "answered",
      t."median", t."p90", w."waiting", w."oldest"
    FROM waiting w LEFT JOIN times t ON true LEFT JOIN "User" u ON u."id" = t."coachId"
    ORDER BY t."overall" DESC NULLS FIRST, t."median"`;
  const first = rows[0];
  const overallRow = rows.find((r) => r.overall && r.answered > 0);
  return {
    waiting: first?.waiting ?? 0,
    oldestWaitingSince: first?.oldest ?? null,
    overall: overallRow ? { answered: overallRow.answered, medianSeconds: Math.round(overallRow.median ?? 0), p90Seconds: Math.round(overallRow.p90 ?? 0) } : null,
    perCoach: rows
      .filter((r) => !r.overall && r.coachId && r.email)
      .map((r) => ({ coachId: r.coachId!, name: r.name, email: r.email!, answered: r.answered, medianSeconds: Math.round(r.median ?? 0), p90Seconds: Math.round(r.p90 ?? 0) })),
  };
}
