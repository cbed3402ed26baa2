// Runs completed per week and who is ready to move on but has not: both need members'
// completions replayed into runs by the rule in lib/programme/progress.ts, so one statement
// returns the histories both need (each (person, phase) as two arrays) and the rule decides
// in memory. Nothing is capped: every entitled member is checked against the readiness rule.
import 'server-only';
import type { PrismaClient } from '@/lib/db/generated/client';
import { phaseProgress, runFinishTimes, type PhaseDefinition } from '@/lib/programme/progress';
import { membersCte, phasesCte, sqlTime } from './member-status';
import type { ListedMember } from './programme';

const DAY_MS = 86_400_000;
export const CHART_WEEKS = 12;

export interface StuckMember extends ListedMember {
  countedRuns: number;
  recommendedRuns: number;
  lastCompletedAt: Date;
}

interface History {
  userId: string;
  phaseSlug: string;
  restartedAt: Date | null;
  sessions: string[];
  /** Epoch milliseconds, in processing order (time, then id). */
  times: number[];
  /** The member's current phase, they have access, and they have done enough sessions in it to be ready. */
  candidate: boolean;
  name: string | null;
  email: string | null;
}

/** Monday 00:00 UTC of the week `date` falls in (what date_trunc('week') gives in SQL). */
export function mondayOf(date: Date): number {
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  return day - ((new Date(day).getUTCDay() + 6) % 7) * DAY_MS;
}

/** The first Monday of the 12-week charts. */
export function chartStart(now: Date): Date {
  return new Date(mondayOf(now) - (CHART_WEEKS - 1) * 7 * DAY_MS);
}

/**
 * Every (person, phase) history with a completion since `from`, plus every entitled member's
 * history in their current phase (not the last) when it holds at least runs × sessions
 * completions: no one with fewer can be ready. Grouping every history and filtering the
 * groups is one sequential pass (about half the time of a semi-join at 200,000 completions);
 * the restart and the member are joined per group, not per completion.
 */
function loadHistories(db: PrismaClient, now: Date, from: Date, phases: PhaseDefinition[]): Promise<History[]> {
  return db.$queryRaw<History[]>`
    WITH ${membersCte(now)}, ${phasesCte(phases)},
    histories AS (
      SELECT c."userId", c."phaseSlug", count(*) AS "done", max(c."completedAt") AS "last",
        array_agg(c."sessionSlug" ORDER BY c."completedAt", c."id" COLLATE "C") AS "sessions",
        array_agg((extract(epoch FROM c."completedAt") * 1000)::float8 ORDER BY c."completedAt", c."id" COLLATE "C") AS "times"
      FROM "SessionCompletion" c
      WHERE c."completedAt" <= ${sqlTime(now)}
      GROUP BY c."userId", c."phaseSlug"
    ),
    marked AS (
      SELECT h.*, (m."userId" IS NOT NULL AND h."done" >= p."runs" * p."sessions" AND p."position" < (SELECT max("position") FROM phases)) AS "candidate",
        m."name", m."email"
      FROM histories h
      LEFT JOIN members m ON m."userId" = h."userId" AND m."phaseSlug" = h."phaseSlug" AND m."entitled"
      LEFT JOIN phases p ON p."slug" = h."phaseSlug"
    )
    SELECT k."userId", k."phaseSlug", ps."restartedAt", k."sessions", k."times", coalesce(k."candidate", false) AS "candidate", k."name", k."email"
    FROM marked k LEFT JOIN "ProgrammeState" ps ON ps."userId" = k."userId"
    WHERE k."last" >= ${sqlTime(from)} OR k."candidate"`;
}

function completionsOf(history: History) {
  return history.sessions.map((sessionSlug, i) => ({ id: '', phaseSlug: history.phaseSlug, sessionSlug, completedAt: new Date(history.times[i]) }));
}

/** Runs finished per week (keyed by Monday, epoch ms) since `from`. */
function runsPerWeek(histories: History[], phases: PhaseDefinition[], from: Date): Map<number, number> {
  const runs = new Map<number, number>();
  const sessionsOf = new Map(phases.map((p) => [p.slug, p.sessionSlugs]));
  for (const history of histories) {
    const sessionSlugs = sessionsOf.get(history.phaseSlug);
    if (!sessionSlugs || history.times.at(-1)! < from.getTime()) continue; // a phase gone from the content, or no recent session
    for (const finished of runFinishTimes(sessionSlugs, completionsOf(history), history.restartedAt)) {
      if (finished < from) continue;
      const week = mondayOf(finished);
      runs.set(week, (runs.get(week) ?? 0) + 1);
    }
  }
  return runs;
}

/** Entitled members whose current phase's readiness rule says they are ready, still on it: most runs first. */
function stuckMembers(histories: History[], phases: PhaseDefinition[], now: Date): StuckMember[] {
  const byPhase = new Map(phases.map((p, i) => [p.slug, { phase: p, next: phases[i + 1] ?? null }]));
  const stuck: StuckMember[] = [];
  for (const history of histories) {
    const found = byPhase.get(history.phaseSlug);
    if (!history.candidate || !found?.next) continue;
    // Ids are blank: the rows are already in processing order, and the rule's sort is stable.
    const progress = phaseProgress(found.phase, completionsOf(history), { now, restartedAt: history.restartedAt, nextPhaseTitle: found.next.title });
    if (!progress.readiness.ready) continue;
    stuck.push({
      userId: history.userId, name: history.name, email: history.email ?? '', phaseSlug: history.phaseSlug,
      countedRuns: progress.countedRuns, recommendedRuns: found.phase.recommendedRuns, lastCompletedAt: new Date(history.times.at(-1)!),
    });
  }
  return stuck.sort((a, b) => b.countedRuns - a.countedRuns || a.userId.localeCompare(b.userId));
}

/** Runs per week since `from`, and every member who is ready to move on (the caller shows the first few). */
export async function loadRunsAndStuck(db: PrismaClient, now: Date, from: Date, phases: PhaseDefinition[]) {
  const histories = await loadHistories(db, now, from, phases);
  return { runsByWeek: runsPerWeek(histories, phases, from), stuck: stuckMembers(histories, phases, now) };
}
