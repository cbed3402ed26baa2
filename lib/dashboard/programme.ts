// Programme figures for the staff dashboard: sessions per week, who has gone quiet, and how
// pain and effort move per phase. Each is one statement, aggregated in SQL; the lists are
// LIMITed. Runs per week and who is ready to move on are in ./training.ts.
import 'server-only';
import type { PrismaClient } from '@/lib/db/generated/client';
import { membersCte, splitTotal, sqlTime } from './member-status';

export const QUIET_DAYS = 14;
export const LIST_LIMIT = 50;
const DAY_MS = 86_400_000;

export interface WeekPoint {
  /** Monday, UTC. */
  week: Date;
  /** Runs (every session of a phase once) finished that week, by the rule in lib/programme/progress.ts. */
  runs: number;
  sessions: number;
  members: number;
}

/** Sessions completed, and members who completed any, per week from `from` (a Monday) to `now`. */
export function loadSessionsPerWeek(db: PrismaClient, from: Date, now: Date): Promise<Omit<WeekPoint, 'runs'>[]> {
  return db.$queryRaw<Omit<WeekPoint, 'runs'>[]>`
    WITH weeks AS (
      SELECT w AS "week" FROM generate_series(${sqlTime(from)}, date_trunc('week', ${sqlTime(now)}), interval '1 week') AS w
    ),
    done AS (
      SELECT date_trunc('week', c."completedAt") AS "week", count(*)::int AS "sessions", count(DISTINCT c."userId")::int AS "members"
      FROM "SessionCompletion" c
      WHERE c."completedAt" >= ${sqlTime(from)} AND c."completedAt" <= ${sqlTime(now)}
      GROUP BY 1
    )
    SELECT w."week", coalesce(d."sessions", 0) AS "sessions", coalesce(d."members", 0) AS "members"
    FROM weeks w LEFT JOIN done d ON d."week" = w."week" ORDER BY w."week"`;
}

export interface ListedMember {
  userId: string;
  name: string | null;
  email: string;
  phaseSlug: string | null;
}

export interface QuietMember extends ListedMember {
  /** null: never completed a session. */
  lastCompletedAt: Date | null;
}

/**
 * Entitled members with no completed session in the last 14 days (those who never started
 * count once they have had an account for 14 days). Most recently active first: the ones
 * a message is most likely to bring back.
 */
export async function loadGoneQuiet(db: PrismaClient, now: Date): Promise<{ total: number; members: QuietMember[] }> {
  const cutoff = new Date(now.getTime() - QUIET_DAYS * DAY_MS);
  const rows = await db.$queryRaw<(QuietMember & { total: number })[]>`
    WITH ${membersCte(now)}
    SELECT m."userId", m."name", m."email", m."phaseSlug", last."at" AS "lastCompletedAt", count(*) OVER ()::int AS "total"
    FROM members m
    LEFT JOIN LATERAL (
      SELECT c."completedAt" AS "at" FROM "SessionCompletion" c WHERE c."userId" = m."userId" ORDER BY c."completedAt" DESC LIMIT 1
    ) last ON true
    WHERE m."entitled" AND coalesce(last."at", m."joinedAt") < ${sqlTime(cutoff)}
    ORDER BY last."at" DESC NULLS LAST, m."userId"
    LIMIT ${LIST_LIMIT}`;
  const { total, rows: members } = splitTotal(rows);
  return { total, members };
}

export interface PhaseTrendPoint {
  phaseSlug: string;
  month: Date;
  sessions: number;
  /** Averages of the 0–10 ratings given that month; null when nobody rated. */
  pain: number | null;
  effort: number | null;
}

/** Average pain and effort per phase per month, the last 6 months. */
export async function loadPainEffortTrend(db: PrismaClient, now: Date): Promise<PhaseTrendPoint[]> {
  const rows = await db.$queryRaw<{ phaseSlug: string; month: Date; sessions: number; pain: number | null; effort: number | null }[]>`
    SELECT c."phaseSlug", date_trunc('month', c."completedAt") AS "month", count(*)::int AS "sessions",
      round(avg(c."pain"), 1)::float8 AS "pain", round(avg(c."effort"), 1)::float8 AS "effort"
    FROM "SessionCompletion" c
    WHERE c."completedAt" >= date_trunc('month', ${sqlTime(now)}) - interval '5 months' AND c."completedAt" <= ${sqlTime(now)}
    GROUP BY 1, 2 ORDER BY 1, 2`;
  return rows;
}
