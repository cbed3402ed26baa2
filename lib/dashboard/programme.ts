// Programme figures for the staff dashboard: members per phase, runs and sessions per week, who has
// gone quiet, who is past the recommended runs and has not moved on, and how pain and
// effort move per phase. Each is one statement, aggregated in SQL; the lists are LIMITed.
import 'server-only';
import type { PrismaClient } from '@/lib/db/generated/client';
import { utcFromJson } from '@/lib/db/json-rows';
import { phaseProgress, runFinishTimes, type PhaseDefinition } from '@/lib/programme/progress';
import { membersCte, phasesCte, splitTotal, sqlTime } from './member-status';

export const QUIET_DAYS = 14;
export const LIST_LIMIT = 50;
/** Members checked against the readiness rule per render: the ones with the most completions in their phase. */
const STUCK_CANDIDATES = 200;
const DAY_MS = 86_400_000;

export const CHART_WEEKS = 12;

export interface WeekPoint {
  /** Monday, UTC. */
  week: Date;
  /** Runs (every session of a phase once) finished that week, by the rule in lib/programme/progress.ts. */
  runs: number;
  sessions: number;
  members: number;
}

/** Monday 00:00 UTC of the week `date` falls in (what date_trunc('week') gives in SQL). */
function mondayOf(date: Date): number {
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  return day - ((new Date(day).getUTCDay() + 6) % 7) * DAY_MS;
}

/** Runs finished, sessions completed, and members who completed any, per week over the last 12 weeks. */
export async function loadTrainingPerWeek(db: PrismaClient, now: Date, phases: PhaseDefinition[]): Promise<WeekPoint[]> {
  const from = new Date(mondayOf(now) - (CHART_WEEKS - 1) * 7 * DAY_MS);
  const [weeks, histories] = await Promise.all([loadSessionsPerWeek(db, from, now), loadPhaseHistories(db, from, now)]);
  const runs = new Map<number, number>();
  const sessionsOf = new Map(phases.map((p) => [p.slug, p.sessionSlugs]));
  for (const history of histories) {
    const sessionSlugs = sessionsOf.get(history.phaseSlug);
    if (!sessionSlugs) continue; // a phase no longer in the content
    const ordered = history.sessions.map((sessionSlug, i) => ({ sessionSlug, completedAt: new Date(history.times[i]) }));
    for (const finished of runFinishTimes(sessionSlugs, ordered, history.restartedAt)) {
      if (finished < from) continue;
      const week = mondayOf(finished);
      runs.set(week, (runs.get(week) ?? 0) + 1);
    }
  }
  return weeks.map((w) => ({ ...w, runs: runs.get(w.week.getTime()) ?? 0 }));
}

function loadSessionsPerWeek(db: PrismaClient, from: Date, now: Date): Promise<Omit<WeekPoint, 'runs'>[]> {
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

/**
 * The whole history, in processing order, of every (person, phase) with a completion since
 * `from`: a run finished this week may have begun months ago, so where runs begin and end
 * needs every earlier completion. Times as epoch milliseconds (compact, zone-free).
 */
function loadPhaseHistories(db: PrismaClient, from: Date, now: Date) {
  // Grouping every history and keeping the recent ones is one sequential pass: about half the
  // time of first finding the recent (person, phase) pairs and joining back (measured at
  // 200,000 completions). The restart is joined per group, not per completion.
  return db.$queryRaw<{ phaseSlug: string; restartedAt: Date | null; sessions: string[]; times: number[] }[]>`
    WITH histories AS (
      SELECT c."userId", c."phaseSlug",
        array_agg(c."sessionSlug" ORDER BY c."completedAt", c."id" COLLATE "C") AS "sessions",
        array_agg((extract(epoch FROM c."completedAt") * 1000)::float8 ORDER BY c."completedAt", c."id" COLLATE "C") AS "times"
      FROM "SessionCompletion" c
      WHERE c."completedAt" <= ${sqlTime(now)}
      GROUP BY c."userId", c."phaseSlug"
      HAVING max(c."completedAt") >= ${sqlTime(from)}
    )
    SELECT h."phaseSlug", ps."restartedAt", h."sessions", h."times"
    FROM histories h LEFT JOIN "ProgrammeState" ps ON ps."userId" = h."userId"`;
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

export interface StuckMember extends ListedMember {
  countedRuns: number;
  recommendedRuns: number;
  lastCompletedAt: Date;
}

/**
 * Entitled members whose current phase's readiness rule (lib/programme/progress.ts) says
 * they are ready for the next phase, still on it. SQL narrows to members with at least
 * runs × sessions completions in their phase since their restart (no one with fewer can
 * be ready) and returns those completions; the rule then decides, in memory.
 */
export async function loadStuck(db: PrismaClient, now: Date, phases: PhaseDefinition[]): Promise<StuckMember[]> {
  const rows = await db.$queryRaw<(ListedMember & { completions: { id: string; sessionSlug: string; completedAt: string }[]; restartedAt: Date | null })[]>`
    WITH ${membersCte(now)}, ${phasesCte(phases)},
    -- Completions that count in each entitled member's current phase, grouped by member only.
    counted AS (
      SELECT c."userId", count(*) AS "done"
      FROM "SessionCompletion" c
      JOIN members m ON m."userId" = c."userId" AND m."phaseSlug" = c."phaseSlug" AND m."entitled" AND (m."restartedAt" IS NULL OR c."completedAt" >= m."restartedAt")
      GROUP BY c."userId"
    ),
    candidates AS (
      SELECT m."userId", m."name", m."email", m."phaseSlug", m."restartedAt"
      FROM counted k
      JOIN members m ON m."userId" = k."userId"
      JOIN phases p ON p."slug" = m."phaseSlug" AND p."position" < (SELECT max("position") FROM phases)
      WHERE k."done" >= p."runs" * p."sessions"
      ORDER BY k."done" DESC, m."userId"
      LIMIT ${STUCK_CANDIDATES}
    )
    SELECT k."userId", k."name", k."email", k."phaseSlug", k."restartedAt",
      (SELECT json_agg(json_build_object('id', c."id", 'sessionSlug', c."sessionSlug", 'completedAt', c."completedAt"))
       FROM "SessionCompletion" c WHERE c."userId" = k."userId" AND c."phaseSlug" = k."phaseSlug") AS "completions"
    FROM candidates k`;
  const byPhase = new Map(phases.map((p, i) => [p.slug, { phase: p, next: phases[i + 1] ?? null }]));
  const stuck: StuckMember[] = [];
  for (const row of rows) {
    const found = row.phaseSlug ? byPhase.get(row.phaseSlug) : undefined;
    if (!found?.next) continue;
    const completions = row.completions.map((c) => ({ id: c.id, phaseSlug: found.phase.slug, sessionSlug: c.sessionSlug, completedAt: utcFromJson(c.completedAt)! }));
    const progress = phaseProgress(found.phase, completions, { now, restartedAt: row.restartedAt, nextPhaseTitle: found.next.title });
    if (!progress.readiness.ready) continue;
    const lastCompletedAt = new Date(Math.max(...completions.map((c) => c.completedAt.getTime())));
    stuck.push({ userId: row.userId, name: row.name, email: row.email, phaseSlug: row.phaseSlug, countedRuns: progress.countedRuns, recommendedRuns: found.phase.recommendedRuns, lastCompletedAt });
  }
  return stuck.sort((a, b) => b.countedRuns - a.countedRuns || a.userId.localeCompare(b.userId)).slice(0, LIST_LIMIT);
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
