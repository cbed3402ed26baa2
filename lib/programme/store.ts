// A member's programme in the database: completions (append-only) and the phase they
// chose. Runs and readiness are computed from these by lib/programme/progress.ts.
import 'server-only';
import { z } from 'zod';
import { getPhase, getPhases } from '@/lib/content/programme';
import { getDb } from '@/lib/db';
import type { PrismaClient } from '@/lib/db/generated/client';
import { utcFromJson } from '@/lib/db/json-rows';
import { findRedFlags } from '@/lib/triage/red-flags';
import { overview, type Completion, type PhaseDefinition, type ProgrammeOverview } from './progress';

export function phaseDefinitions(): PhaseDefinition[] {
  return getPhases().map((p) => ({
    slug: p.slug,
    // "Phase Two", not the whole title: messages name phases in sentences.
    title: p.title.split(':')[0].trim(),
    sessionSlugs: p.sessions.map((s) => s.slug),
    recommendedRuns: p.recommendedRuns,
    minDaysBetweenRuns: p.minDaysBetweenRuns,
  }));
}

export const completionInputSchema = z.object({
  phaseSlug: z.string().min(1).max(80),
  sessionSlug: z.string().min(1).max(80),
  /** Generated when the session page renders; the same key twice records once. */
  requestKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'Reload the page and try again.'),
  note: z
    .string()
    .trim()
    .max(500, 'Keep the note to 500 characters.')
    .transform((v) => v || null),
  effort: z.union([z.literal('').transform(() => null), z.coerce.number().int().min(0).max(10)]),
  pain: z.union([z.literal('').transform(() => null), z.coerce.number().int().min(0).max(10)]),
});
export type CompletionInput = z.output<typeof completionInputSchema>;

/** Records one completed session; returns false when this request was already recorded. */
export async function recordCompletion(userId: string, input: CompletionInput, options: { db?: PrismaClient; now?: Date } = {}): Promise<boolean> {
  const phase = getPhase(input.phaseSlug);
  if (!phase || !phase.sessions.some((s) => s.slug === input.sessionSlug)) throw new Error('Unknown session');
  const db = options.db ?? getDb();
  const { count } = await db.sessionCompletion.createMany({
    data: [{ userId, ...input, completedAt: options.now ?? new Date(), redFlag: input.note !== null && findRedFlags(input.note).length > 0 }],
    skipDuplicates: true, // ON CONFLICT (userId, requestKey) DO NOTHING
  });
  // A member who starts a session has started the programme there, if nowhere yet.
  // ON CONFLICT DO NOTHING: an upsert would race between two tabs' first sessions.
  await db.programmeState.createMany({ data: [{ userId, currentPhaseSlug: input.phaseSlug }], skipDuplicates: true });
  return count === 1;
}

export interface CompletionRow extends Completion {
  note: string | null;
  effort: number | null;
  pain: number | null;
}

export interface MemberProgramme {
  overview: ProgrammeOverview;
  completions: CompletionRow[];
  restartedAt: Date | null;
}

/**
 * One statement: every programme page asks for this on every render (it replaced two
 * Prisma queries, whose query compilation cost more CPU than the page's other data work).
 */
export async function loadMemberProgramme(userId: string, options: { db?: PrismaClient; now?: Date } = {}): Promise<MemberProgramme> {
  const db = options.db ?? getDb();
  const [row] = await db.$queryRaw<{ completions: Record<string, unknown>[] | null; state: { currentPhaseSlug: string | null; restartedAt: string | null } | null }[]>`
    SELECT
      (SELECT json_agg(json_build_object('id', c."id", 'phaseSlug', c."phaseSlug", 'sessionSlug', c."sessionSlug", 'completedAt', c."completedAt",
                                         'note', c."note", 'effort', c."effort", 'pain', c."pain") ORDER BY c."completedAt", c."id")
       FROM "SessionCompletion" c WHERE c."userId" = ${userId}) AS "completions",
      (SELECT json_build_object('currentPhaseSlug', s."currentPhaseSlug", 'restartedAt', s."restartedAt")
       FROM "ProgrammeState" s WHERE s."userId" = ${userId}) AS "state"`;
  const completions: CompletionRow[] = (row?.completions ?? []).map((c) => ({
    id: String(c.id),
    phaseSlug: String(c.phaseSlug),
    sessionSlug: String(c.sessionSlug),
    completedAt: utcFromJson(c.completedAt)!,
    note: c.note === null ? null : String(c.note),
    effort: c.effort === null ? null : Number(c.effort),
    pain: c.pain === null ? null : Number(c.pain),
  }));
  const state = row?.state ?? null;
  const definitions = phaseDefinitions();
  // A phase removed from the content falls back to the first one.
  const current = state?.currentPhaseSlug && definitions.some((d) => d.slug === state.currentPhaseSlug) ? state.currentPhaseSlug : null;
  const restartedAt = utcFromJson(state?.restartedAt);
  return {
    overview: overview(definitions, completions, { currentPhaseSlug: current, restartedAt }, options.now ?? new Date()),
    completions,
    restartedAt,
  };
}

export async function setCurrentPhase(userId: string, phaseSlug: string, options: { db?: PrismaClient } = {}): Promise<void> {
  if (!getPhase(phaseSlug)) throw new Error('Unknown phase');
  const db = options.db ?? getDb();
  // One atomic statement (Prisma's upsert can race with a first completion's insert).
  await db.$executeRaw`INSERT INTO "ProgrammeState" ("userId", "currentPhaseSlug", "updatedAt") VALUES (${userId}, ${phaseSlug}, now())
    ON CONFLICT ("userId") DO UPDATE SET "currentPhaseSlug" = EXCLUDED."currentPhaseSlug", "updatedAt" = now()`;
}

/** Starts over from Phase One; earlier completions stay as history. */
export async function restartProgramme(userId: string, options: { db?: PrismaClient; now?: Date } = {}): Promise<void> {
  const db = options.db ?? getDb();
  const first = getPhases()[0]?.slug ?? null;
  const restartedAt = options.now ?? new Date();
  await db.$executeRaw`INSERT INTO "ProgrammeState" ("userId", "currentPhaseSlug", "restartedAt", "updatedAt") VALUES (${userId}, ${first}, ${restartedAt}, now())
    ON CONFLICT ("userId") DO UPDATE SET "currentPhaseSlug" = EXCLUDED."currentPhaseSlug", "restartedAt" = EXCLUDED."restartedAt", "updatedAt" = now()`;
}
