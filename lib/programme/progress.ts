// Progression rules for the follow-along programme, kept pure (no database, no clock,
// no I/O) so server pages can feed it stored rows and tests can feed it fixtures.
//
// A phase is worked through in "runs": each run is every session of the phase once.
// Members repeat a phase `recommendedRuns` times (optionally spaced out) before the
// next phase is recommended. Nothing here stops a member moving: it only advises.

export interface PhaseDefinition {
  slug: string;
  title: string;
  sessionSlugs: string[];
  recommendedRuns: number;
  minDaysBetweenRuns: number;
}

export interface Completion {
  id: string;
  phaseSlug: string;
  sessionSlug: string;
  completedAt: Date;
}

export interface CompletedRun {
  number: number;
  startedAt: Date;
  completedAt: Date;
  counts: boolean;
  reason: string | null;
}

export interface PhaseProgress {
  phaseSlug: string;
  completedRuns: CompletedRun[];
  countedRuns: number;
  /** done in completion order, remaining in session order */
  currentRun: { number: number; done: string[]; remaining: string[] };
  /** completions of a session already done in the run that was open at the time */
  repeats: number;
  nextSessionSlug: string;
  /**
   * nextRunCountsFrom: the moment from which a newly completed run would count again,
   * set only while the spacing rule holds runs back (in the future, and not yet ready).
   */
  readiness: { ready: boolean; message: string; nextRunCountsFrom: Date | null };
}

export interface ProgrammeOverview {
  phases: PhaseProgress[];
  currentPhaseSlug: string;
  nextSession: { phaseSlug: string; sessionSlug: string };
  /** The first phase whose recommendation is not yet met (where the rules would put the member), or the last phase. */
  recommendedPhaseSlug: string;
  finished: boolean;
}

export type MoveAdvice =
  | { kind: 'current' }
  | { kind: 'back' }
  | { kind: 'recommended' }
  | { kind: 'not-recommended'; why: string };

const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------
// Small helpers

const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** "14 Dec" (UTC). */
function formatDay(date: Date): string {
  return shortDate.format(date);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** "2 of 4 runs done" — the phrase shared by readiness messages and move advice. */
function runsDone(counted: number, recommended: number): string {
  return `${counted} of ${recommended} ${recommended === 1 ? 'run' : 'runs'} done`;
}

/** Completions that count: on or after the restart, in processing order (time, then id). */
function countingInOrder(completions: Completion[], restartedAt: Date | null | undefined): Completion[] {
  const from = restartedAt ? restartedAt.getTime() : -Infinity;
  return completions
    .filter((c) => c.completedAt.getTime() >= from)
    .sort(byTimeThenId);
}

// Ties (two tabs, same millisecond) must resolve the same way on every render, so the id decides.
function byTimeThenId(a: Completion, b: Completion): number {
  const dt = a.completedAt.getTime() - b.completedAt.getTime();
  if (dt !== 0) return dt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

// ---------------------------------------------------------------------------
// Runs

interface RawRun {
  startedAt: Date;
  completedAt: Date;
}

interface RunReplay {
  runs: RawRun[];
  /** sessions done in the open run, in completion order */
  openDone: string[];
  repeats: number;
}

/** Replays a phase's ordered completions into finished runs plus the open one. */
function replayRuns(sessionSlugs: string[], ordered: Completion[]): RunReplay {
  const sessions = new Set(sessionSlugs);
  const runs: RawRun[] = [];
  let openDone: string[] = [];
  let openStartedAt: Date | null = null;
  let repeats = 0;

  for (const completion of ordered) {
    // Session removed from the phase (content changed): history, not progress.
    if (!sessions.has(completion.sessionSlug)) continue;
    if (openDone.includes(completion.sessionSlug)) {
      repeats += 1;
      continue;
    }
    openStartedAt ??= completion.completedAt;
    openDone.push(completion.sessionSlug);
    if (openDone.length === sessions.size) {
      runs.push({ startedAt: openStartedAt, completedAt: completion.completedAt });
      openDone = [];
      openStartedAt = null;
    }
  }
  return { runs, openDone, repeats };
}

/** Applies the spacing rule: a run counts if it is the first counted one or came far enough after it. */
function judgeRuns(runs: RawRun[], minDaysBetweenRuns: number): CompletedRun[] {
  const gapMs = Math.max(0, minDaysBetweenRuns) * DAY_MS;
  let lastCounted: { number: number; completedAt: Date } | null = null;

  return runs.map((run, index) => {
    const number = index + 1;
    if (lastCounted && run.completedAt.getTime() - lastCounted.completedAt.getTime() < gapMs) {
      return {
        number,
        ...run,
        counts: false,
        reason: `Finished less than ${plural(minDaysBetweenRuns, 'day')} after run ${lastCounted.number}, so it does not count toward the recommended runs.`,
      };
    }
    lastCounted = { number, completedAt: run.completedAt };
    return { number, ...run, counts: true, reason: null };
  });
}

/** When a run finished now would not count yet, the moment it would; otherwise null. */
function nextCountingMoment(runs: CompletedRun[], minDaysBetweenRuns: number, now: Date): Date | null {
  if (minDaysBetweenRuns <= 0) return null;
  const lastCounted = runs.filter((r) => r.counts).at(-1);
  if (!lastCounted) return null;
  const from = new Date(lastCounted.completedAt.getTime() + minDaysBetweenRuns * DAY_MS);
  return from.getTime() > now.getTime() ? from : null;
}

// ---------------------------------------------------------------------------
// Readiness

function readinessFor(
  phase: PhaseDefinition,
  runs: CompletedRun[],
  now: Date,
  nextPhaseTitle: string | null,
): PhaseProgress['readiness'] {
  const counted = runs.filter((r) => r.counts).length;
  const goal = nextPhaseTitle ? `you are ready for ${nextPhaseTitle}` : 'you have finished the programme';

  if (counted >= phase.recommendedRuns) {
    const done =
      phase.recommendedRuns > 0
        ? `You have done the recommended ${plural(phase.recommendedRuns, 'run')}`
        : 'No runs of this phase are required';
    return { ready: true, message: `${done}: ${goal}.`, nextRunCountsFrom: null };
  }

  const missing = phase.recommendedRuns - counted;
  const target = nextPhaseTitle ? `before ${nextPhaseTitle}` : 'to finish the programme';
  const sentences = [
    `${runsDone(counted, phase.recommendedRuns)}. ${missing} more ${missing === 1 ? 'is' : 'are'} recommended ${target}.`,
  ];

  const uncounted = runs.length - counted;
  if (uncounted > 0) {
    sentences.push(`${plural(uncounted, 'run')} came too soon after the one before to count.`);
  }

  const nextRunCountsFrom = nextCountingMoment(runs, phase.minDaysBetweenRuns, now);
  if (nextRunCountsFrom) {
    sentences.push(
      `Your next run counts from ${formatDay(nextRunCountsFrom)}: runs need at least ${plural(phase.minDaysBetweenRuns, 'day')} between them.`,
    );
  }
  return { ready: false, message: sentences.join(' '), nextRunCountsFrom };
}

// ---------------------------------------------------------------------------
// Public API

/**
 * Progress through one phase. Only completions whose phaseSlug is this phase's slug
 * and that happened on or after `restartedAt` are considered; the input is not mutated.
 * `nextPhaseTitle` null/absent means this is the last phase.
 * Throws for a phase with no sessions (no run could ever complete).
 */
export function phaseProgress(
  phase: PhaseDefinition,
  completions: Completion[],
  options: { now: Date; restartedAt?: Date | null; nextPhaseTitle?: string | null },
): PhaseProgress {
  const sessionSlugs = [...new Set(phase.sessionSlugs)];
  if (sessionSlugs.length === 0) throw new Error(`Programme phase "${phase.slug}" has no sessions.`);

  const ordered = countingInOrder(
    completions.filter((c) => c.phaseSlug === phase.slug),
    options.restartedAt,
  );
  const replay = replayRuns(sessionSlugs, ordered);
  const completedRuns = judgeRuns(replay.runs, phase.minDaysBetweenRuns);
  const remaining = sessionSlugs.filter((s) => !replay.openDone.includes(s));

  return {
    phaseSlug: phase.slug,
    completedRuns,
    countedRuns: completedRuns.filter((r) => r.counts).length,
    currentRun: { number: completedRuns.length + 1, done: replay.openDone, remaining },
    repeats: replay.repeats,
    // The open run is never full (a full run closes), so remaining always has a first entry.
    nextSessionSlug: remaining[0],
    readiness: readinessFor(phase, completedRuns, options.now, options.nextPhaseTitle ?? null),
  };
}

/**
 * When each run of one phase finished, over a member's whole history, as the member's page
 * showed it at the time: a restart (`restartedAt`, the programme begun again) drops the run
 * open at that moment and replays from there. `ordered` holds this phase's completions in
 * processing order (time, then id); only the latest restart is stored, so earlier ones
 * are not cut. For the staff dashboard's runs per week.
 */
export function runFinishTimes(
  sessionSlugs: string[],
  ordered: Pick<Completion, 'sessionSlug' | 'completedAt'>[],
  restartedAt: Date | null,
): Date[] {
  const slugs = [...new Set(sessionSlugs)];
  if (slugs.length === 0) return [];
  const cut = restartedAt ? restartedAt.getTime() : Infinity;
  const asCompletions = (rows: typeof ordered) => rows.map((c) => ({ id: '', phaseSlug: '', ...c }));
  const before = ordered.filter((c) => c.completedAt.getTime() < cut);
  const after = ordered.filter((c) => c.completedAt.getTime() >= cut);
  return [...replayRuns(slugs, asCompletions(before)).runs, ...replayRuns(slugs, asCompletions(after)).runs].map((run) => run.completedAt);
}

/**
 * The whole programme for one member. A null currentPhaseSlug (new member) means the
 * first phase; an unknown one (e.g. a phase renamed or removed from the content) also
 * falls back to the first phase rather than throwing, so a content change cannot break
 * a member's page. Throws if there are no phases.
 */
export function overview(
  phases: PhaseDefinition[],
  completions: Completion[],
  state: { currentPhaseSlug: string | null; restartedAt: Date | null },
  now: Date,
): ProgrammeOverview {
  if (phases.length === 0) throw new Error('The programme has no phases.');

  const progress = phases.map((phase, i) =>
    phaseProgress(phase, completions, { now, restartedAt: state.restartedAt, nextPhaseTitle: phases[i + 1]?.title ?? null }),
  );
  const current = progress.find((p) => p.phaseSlug === state.currentPhaseSlug) ?? progress[0];
  const firstNotReady = progress.find((p) => !p.readiness.ready);

  return {
    phases: progress,
    currentPhaseSlug: current.phaseSlug,
    nextSession: { phaseSlug: current.phaseSlug, sessionSlug: current.nextSessionSlug },
    recommendedPhaseSlug: (firstNotReady ?? progress[progress.length - 1]).phaseSlug,
    finished: firstNotReady === undefined,
  };
}

/**
 * Advice for moving the member to `targetPhaseSlug`. Moving back is always fine; moving
 * ahead is recommended only when every earlier phase's recommendation is met.
 * Throws for a target (or overview) phase slug that is not in `phases`.
 */
export function moveAdvice(programme: ProgrammeOverview, phases: PhaseDefinition[], targetPhaseSlug: string): MoveAdvice {
  const target = indexOfPhase(phases, targetPhaseSlug);
  const current = indexOfPhase(phases, programme.currentPhaseSlug);
  if (target === current) return { kind: 'current' };
  if (target < current) return { kind: 'back' };

  const missing = phases.slice(0, target).flatMap((phase) => {
    const progress = programme.phases.find((p) => p.phaseSlug === phase.slug);
    if (!progress) throw new Error(`The programme overview has no progress for phase "${phase.slug}".`);
    return progress.readiness.ready ? [] : [`${phase.title}: ${runsDone(progress.countedRuns, phase.recommendedRuns)}.`];
  });
  if (missing.length === 0) return { kind: 'recommended' };

  return {
    kind: 'not-recommended',
    why: `${missing.join(' ')} ${phases[target].title} builds on the control those runs give you.`,
  };
}

function indexOfPhase(phases: PhaseDefinition[], slug: string): number {
  const index = phases.findIndex((p) => p.slug === slug);
  if (index === -1) throw new Error(`Unknown programme phase "${slug}".`);
  return index;
}

/**
 * Consecutive calendar days (in `timeZone`, default UTC) with at least one completion on
 * or after `restartedAt`, ending today — or yesterday, so the streak survives until the
 * member has had today to practise. 0 when neither day has a completion.
 * An invalid time zone throws Intl's RangeError.
 */
export function streak(
  completions: Completion[],
  now: Date,
  options: { timeZone?: string; restartedAt?: Date | null } = {},
): number {
  const dayOf = calendarDayIn(options.timeZone ?? 'UTC');
  const days = new Set(countingInOrder(completions, options.restartedAt).map((c) => dayOf(c.completedAt)));

  const today = dayOf(now);
  let day = days.has(today) ? today : today - 1;
  let count = 0;
  while (days.has(day)) {
    count += 1;
    day -= 1;
  }
  return count;
}

/**
 * Maps an instant to its calendar date in `timeZone`, as a day number (days since
 * 1970-01-01). Working on calendar dates, not 24h steps, keeps DST changes harmless.
 */
function calendarDayIn(timeZone: string): (date: Date) => number {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
  return (date) => {
    const parts = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
    return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)) / DAY_MS;
  };
}
