// The programme progression rules, without a database.
import { describe, expect, it } from 'vitest';
import {
  moveAdvice,
  overview,
  phaseProgress,
  runFinishTimes,
  streak,
  type Completion,
  type PhaseDefinition,
} from '@/lib/programme/progress';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const one: PhaseDefinition = { slug: 'phase-one', title: 'Phase One', sessionSlugs: ['a1', 'a2', 'a3'], recommendedRuns: 3, minDaysBetweenRuns: 0 };
const two: PhaseDefinition = { slug: 'phase-two', title: 'Phase Two', sessionSlugs: ['b1', 'b2'], recommendedRuns: 4, minDaysBetweenRuns: 2 };
const three: PhaseDefinition = { slug: 'phase-three', title: 'Phase Three', sessionSlugs: ['c1', 'c2'], recommendedRuns: 2, minDaysBetweenRuns: 0 };
const phases = [one, two, three];

const start = new Date('2026-12-01T09:00:00Z');
const at = (hours: number) => new Date(start.getTime() + hours * HOUR);
const now = at(30 * 24); // 31 Dec, after everything below

let seq = 0;
/** One completion; ids are zero-padded so their string order is creation order. */
function done(phase: PhaseDefinition, sessionSlug: string, when: Date, id = `c${String(++seq).padStart(4, '0')}`): Completion {
  return { id, phaseSlug: phase.slug, sessionSlug, completedAt: when };
}
/** A whole run of `phase`, one session an hour from `from`. */
function run(phase: PhaseDefinition, from: Date): Completion[] {
  return phase.sessionSlugs.map((s, i) => done(phase, s, new Date(from.getTime() + i * HOUR)));
}
/** `count` whole runs of `phase`, starting `fromDay` days after `start`, `everyDays` apart. */
function runs(phase: PhaseDefinition, count: number, fromDay = 0, everyDays = 1): Completion[] {
  return Array.from({ length: count }, (_, i) => run(phase, at((fromDay + i * everyDays) * 24))).flat();
}
const progressOf = (phase: PhaseDefinition, completions: Completion[], nextPhaseTitle: string | null = 'Next', options: { now?: Date; restartedAt?: Date | null } = {}) =>
  phaseProgress(phase, completions, { now: options.now ?? now, restartedAt: options.restartedAt ?? null, nextPhaseTitle });

describe('runs of a phase', () => {
  it('nothing done: run 1, the first session next, no runs yet', () => {
    const p = progressOf(one, [], 'Phase Two');
    expect(p).toMatchObject({
      phaseSlug: 'phase-one',
      completedRuns: [],
      countedRuns: 0,
      currentRun: { number: 1, done: [], remaining: ['a1', 'a2', 'a3'] },
      repeats: 0,
      nextSessionSlug: 'a1',
      readiness: { ready: false, message: '0 of 3 runs done. 3 more are recommended before Phase Two.', nextRunCountsFrom: null },
    });
  });

  it('a partial run: done in completion order, remaining in session order, next is the first not done', () => {
    const p = progressOf(one, [done(one, 'a3', at(0)), done(one, 'a1', at(1))]);
    expect(p.completedRuns).toEqual([]);
    expect(p.currentRun).toEqual({ number: 1, done: ['a3', 'a1'], remaining: ['a2'] });
    expect(p.nextSessionSlug).toBe('a2');
  });

  it('a full run completes when the last missing session is done, and the next run starts empty', () => {
    const p = progressOf(one, [done(one, 'a2', at(0)), done(one, 'a1', at(1)), done(one, 'a3', at(5))]);
    expect(p.completedRuns).toEqual([{ number: 1, startedAt: at(0), completedAt: at(5), counts: true, reason: null }]);
    expect(p.countedRuns).toBe(1);
    expect(p.currentRun).toEqual({ number: 2, done: [], remaining: ['a1', 'a2', 'a3'] });
    expect(p.nextSessionSlug).toBe('a1');
  });

  it('several runs, then a partial one', () => {
    const p = progressOf(one, [...runs(one, 2), done(one, 'a1', at(72))]);
    expect(p.completedRuns.map((r) => [r.number, r.completedAt])).toEqual([
      [1, at(2)],
      [2, at(26)],
    ]);
    expect(p.currentRun).toEqual({ number: 3, done: ['a1'], remaining: ['a2', 'a3'] });
    expect(p.nextSessionSlug).toBe('a2');
  });

  it('repeating a session already done in the open run is counted as a repeat and does not advance', () => {
    const p = progressOf(one, [done(one, 'a1', at(0)), done(one, 'a1', at(1)), done(one, 'a2', at(2)), done(one, 'a1', at(3))]);
    expect(p.repeats).toBe(2);
    expect(p.currentRun).toEqual({ number: 1, done: ['a1', 'a2'], remaining: ['a3'] });
    expect(p.completedRuns).toEqual([]);
  });

  it('after a run closes, the same session starts the next run rather than being a repeat', () => {
    const p = progressOf(one, [...run(one, at(0)), done(one, 'a3', at(10))]);
    expect(p.repeats).toBe(0);
    expect(p.currentRun).toEqual({ number: 2, done: ['a3'], remaining: ['a1', 'a2'] });
  });

  it('gives the same result whatever order the completions arrive in', () => {
    const history = [...runs(one, 2), done(one, 'a1', at(60)), done(one, 'a1', at(61)), done(one, 'a3', at(62))];
    const expected = progressOf(one, history);
    const reversed = [...history].reverse();
    const interleaved = [...history.filter((_, i) => i % 2 === 1), ...history.filter((_, i) => i % 2 === 0)];
    for (const order of [reversed, interleaved]) expect(progressOf(one, order)).toEqual(expected);
  });

  it('breaks ties in completedAt by id', () => {
    const first = done(one, 'a2', at(0), 'x1');
    const second = done(one, 'a1', at(0), 'x2');
    expect(progressOf(one, [second, first]).currentRun.done).toEqual(['a2', 'a1']);
  });

  it('two tabs completing the same session at the same moment: one counts, the other is a repeat', () => {
    const tabs = [done(one, 'a1', at(0), 'tab-b'), done(one, 'a1', at(0), 'tab-a')];
    const p = progressOf(one, tabs);
    expect(p.currentRun.done).toEqual(['a1']);
    expect(p.repeats).toBe(1);
    expect(progressOf(one, [...tabs].reverse())).toEqual(p);
  });

  it('two tabs completing the last two different sessions at the same moment complete the run exactly once', () => {
    const history = [done(one, 'a1', at(0)), done(one, 'a3', at(1), 'tab-b'), done(one, 'a2', at(1), 'tab-a')];
    const p = progressOf(one, history);
    expect(p.completedRuns).toEqual([{ number: 1, startedAt: at(0), completedAt: at(1), counts: true, reason: null }]);
    expect(p.currentRun).toEqual({ number: 2, done: [], remaining: ['a1', 'a2', 'a3'] });
    expect(p.repeats).toBe(0);
  });

  it('ignores sessions no longer in the phase, and other phases', () => {
    const history = [done(one, 'a1', at(0)), done(one, 'retired', at(1)), done(one, 'retired', at(2)), done(two, 'a2', at(3)), done(one, 'a2', at(4))];
    const p = progressOf(one, history);
    expect(p.currentRun).toEqual({ number: 1, done: ['a1', 'a2'], remaining: ['a3'] });
    expect(p.repeats).toBe(0);
    expect(p.completedRuns).toEqual([]);
  });

  it('does not mutate the completions it is given', () => {
    const history = [...runs(one, 1)].reverse();
    const copy = history.map((c) => ({ ...c }));
    progressOf(one, history);
    expect(history).toEqual(copy);
  });
});

describe('spacing between runs (minDaysBetweenRuns)', () => {
  // Phase Two: 2 sessions, 4 runs recommended, at least 2 days between runs.
  const runEnding = (end: Date) => [done(two, 'b1', new Date(end.getTime() - HOUR)), done(two, 'b2', end)];
  const firstEnd = new Date('2026-12-10T09:00:00Z');

  it('a run finished too soon is shown but does not count, and the message gives the date the next one counts from', () => {
    const secondEnd = new Date(firstEnd.getTime() + DAY);
    const p = progressOf(two, [...runEnding(firstEnd), ...runEnding(secondEnd)], 'Phase Three', { now: new Date('2026-12-11T12:00:00Z') });

    expect(p.completedRuns.map((r) => r.counts)).toEqual([true, false]);
    expect(p.completedRuns[1].reason).toBe('Finished less than 2 days after run 1, so it does not count toward the recommended runs.');
    expect(p.countedRuns).toBe(1);
    expect(p.readiness.nextRunCountsFrom).toEqual(new Date('2026-12-12T09:00:00Z'));
    expect(p.readiness.message).toBe(
      '1 of 4 runs done. 3 more are recommended before Phase Three. 1 run came too soon after the one before to count. ' +
        'Your next run counts from 12 Dec: runs need at least 2 days between them.',
    );
  });

  it('no date once the spacing has passed', () => {
    const p = progressOf(two, runEnding(firstEnd), 'Phase Three', { now: new Date('2026-12-12T09:00:00Z') });
    expect(p.readiness).toEqual({ ready: false, message: '1 of 4 runs done. 3 more are recommended before Phase Three.', nextRunCountsFrom: null });
  });

  it('exactly the minimum gap counts, and gaps are measured from the last counted run', () => {
    const p = progressOf(two, [
      ...runEnding(firstEnd),
      ...runEnding(new Date(firstEnd.getTime() + DAY)), // too soon after run 1
      ...runEnding(new Date(firstEnd.getTime() + 2 * DAY)), // 2 days after run 1: counts
      ...runEnding(new Date(firstEnd.getTime() + 4 * DAY - 1)), // 1 ms short of 2 days after run 3
    ]);
    expect(p.completedRuns.map((r) => r.counts)).toEqual([true, false, true, false]);
    expect(p.completedRuns[3].reason).toContain('after run 3');
  });
});

describe('readiness', () => {
  it('middle phase, not yet ready', () => {
    const p = progressOf(one, runs(one, 1), 'Phase Two');
    expect(p.readiness).toEqual({ ready: false, message: '1 of 3 runs done. 2 more are recommended before Phase Two.', nextRunCountsFrom: null });
  });

  it('one run short uses the singular', () => {
    expect(progressOf(one, runs(one, 2), 'Phase Two').readiness.message).toBe('2 of 3 runs done. 1 more is recommended before Phase Two.');
  });

  it('middle phase, ready for the next one by title', () => {
    const p = progressOf(one, runs(one, 3), 'Phase Two');
    expect(p.readiness).toEqual({ ready: true, message: 'You have done the recommended 3 runs: you are ready for Phase Two.', nextRunCountsFrom: null });
  });

  it('last phase, not finished and finished', () => {
    expect(progressOf(three, runs(three, 1), null).readiness.message).toBe('1 of 2 runs done. 1 more is recommended to finish the programme.');
    expect(progressOf(three, runs(three, 2), null).readiness).toEqual({
      ready: true,
      message: 'You have done the recommended 2 runs: you have finished the programme.',
      nextRunCountsFrom: null,
    });
  });
});

describe('restarting the programme', () => {
  const history = [...runs(one, 3), done(one, 'a1', at(100))];
  const restartedAt = at(100);

  it('completions before the restart no longer count; one at the restart moment does', () => {
    const p = progressOf(one, history, 'Phase Two', { restartedAt });
    expect(p.completedRuns).toEqual([]);
    expect(p.currentRun).toEqual({ number: 1, done: ['a1'], remaining: ['a2', 'a3'] });
    expect(p.readiness.ready).toBe(false);
  });

  it('keeps the history intact: the same completions without the restart still show every run', () => {
    const snapshot = history.map((c) => ({ ...c }));
    overview(phases, history, { currentPhaseSlug: 'phase-one', restartedAt }, now);
    expect(history).toEqual(snapshot);
    expect(progressOf(one, history).completedRuns).toHaveLength(3);
  });

  it('the overview puts the member back at the start', () => {
    const o = overview(phases, history, { currentPhaseSlug: null, restartedAt }, now);
    expect(o.recommendedPhaseSlug).toBe('phase-one');
    expect(o.nextSession).toEqual({ phaseSlug: 'phase-one', sessionSlug: 'a2' });
  });
});

describe('when runs finished (the staff dashboard\'s runs per week)', () => {
  const times = (completions: Completion[], restartedAt: Date | null = null) =>
    runFinishTimes(one.sessionSlugs, completions, restartedAt).map((d) => d.toISOString());

  it('gives the moment each whole run closed, the same runs as the member\'s page', () => {
    const history = [...runs(one, 2), done(one, 'a1', at(60)), done(one, 'a1', at(61)), done(one, 'a3', at(62)), done(one, 'a2', at(63)), done(one, 'a2', at(64))];
    expect(times(history)).toEqual([at(2), at(26), at(63)].map((d) => d.toISOString()));
    expect(times(history)).toEqual(progressOf(one, history).completedRuns.map((r) => r.completedAt.toISOString()));
  });

  it('ignores sessions no longer in the phase, and gives nothing for a phase without sessions', () => {
    expect(times([done(one, 'gone', at(0)), done(one, 'a1', at(1)), done(one, 'a2', at(2)), done(one, 'a3', at(3))])).toEqual([at(3).toISOString()]);
    expect(runFinishTimes([], run(one, at(0)), null)).toEqual([]);
  });

  it('keeps runs finished before a restart and drops the run open at it, as the page did', () => {
    // a1 a2 before the restart; after it a3 alone does not close that run: a new one starts.
    const history = [...run(one, at(0)), done(one, 'a1', at(10)), done(one, 'a2', at(11)), done(one, 'a3', at(30)), done(one, 'a1', at(31)), done(one, 'a2', at(32))];
    expect(times(history, at(20))).toEqual([at(2), at(32)].map((d) => d.toISOString()));
    expect(times(history)).toEqual([at(2), at(30)].map((d) => d.toISOString()));
  });
});

describe('overview', () => {
  it('a new member starts at the first session of the first phase', () => {
    const o = overview(phases, [], { currentPhaseSlug: null, restartedAt: null }, now);
    expect(o).toMatchObject({
      currentPhaseSlug: 'phase-one',
      nextSession: { phaseSlug: 'phase-one', sessionSlug: 'a1' },
      recommendedPhaseSlug: 'phase-one',
      finished: false,
    });
    expect(o.phases.map((p) => p.phaseSlug)).toEqual(['phase-one', 'phase-two', 'phase-three']);
  });

  it('the next session is in the current phase, after a partial run', () => {
    const history = [...runs(one, 3), done(two, 'b2', at(100))];
    const o = overview(phases, history, { currentPhaseSlug: 'phase-two', restartedAt: null }, now);
    expect(o.nextSession).toEqual({ phaseSlug: 'phase-two', sessionSlug: 'b1' });
    expect(o.recommendedPhaseSlug).toBe('phase-two');
  });

  it('the current phase is the member’s choice, even when the rules would put them elsewhere', () => {
    const o = overview(phases, runs(one, 3), { currentPhaseSlug: 'phase-one', restartedAt: null }, now);
    expect(o.currentPhaseSlug).toBe('phase-one');
    expect(o.recommendedPhaseSlug).toBe('phase-two');
  });

  it('each phase’s readiness names the next phase; the last one says the programme is finished', () => {
    const o = overview(phases, [], { currentPhaseSlug: null, restartedAt: null }, now);
    expect(o.phases.map((p) => p.readiness.message)).toEqual([
      '0 of 3 runs done. 3 more are recommended before Phase Two.',
      '0 of 4 runs done. 4 more are recommended before Phase Three.',
      '0 of 2 runs done. 2 more are recommended to finish the programme.',
    ]);
  });

  it('finished when every phase’s recommendation is met; the recommended phase is then the last', () => {
    // Phase Two needs 2 days between runs: its runs are 2 days apart.
    const history = [...runs(one, 3), ...runs(two, 4, 5, 2), ...runs(three, 2, 20)];
    const o = overview(phases, history, { currentPhaseSlug: 'phase-three', restartedAt: null }, now);
    expect(o.phases.map((p) => p.countedRuns)).toEqual([3, 4, 2]);
    expect(o.finished).toBe(true);
    expect(o.recommendedPhaseSlug).toBe('phase-three');
  });

  it('an unknown current phase (content changed) falls back to the first phase', () => {
    const o = overview(phases, [], { currentPhaseSlug: 'phase-retired', restartedAt: null }, now);
    expect(o.currentPhaseSlug).toBe('phase-one');
    expect(o.nextSession).toEqual({ phaseSlug: 'phase-one', sessionSlug: 'a1' });
  });
});

describe('moving between phases', () => {
  const inPhase = (currentPhaseSlug: string, history: Completion[] = []) =>
    overview(phases, history, { currentPhaseSlug, restartedAt: null }, now);

  it('staying put', () => {
    expect(moveAdvice(inPhase('phase-two'), phases, 'phase-two')).toEqual({ kind: 'current' });
  });

  it('moving back is always allowed, without a warning', () => {
    expect(moveAdvice(inPhase('phase-three'), phases, 'phase-one')).toEqual({ kind: 'back' });
    expect(moveAdvice(inPhase('phase-two'), phases, 'phase-one')).toEqual({ kind: 'back' });
  });

  it('moving ahead early is not recommended, naming the missing runs', () => {
    expect(moveAdvice(inPhase('phase-one', runs(one, 1)), phases, 'phase-two')).toEqual({
      kind: 'not-recommended',
      why: 'Phase One: 1 of 3 runs done. Phase Two builds on the control those runs give you.',
    });
  });

  it('skipping a phase names every earlier phase that is short', () => {
    const advice = moveAdvice(inPhase('phase-one', runs(one, 3)), phases, 'phase-three');
    expect(advice).toEqual({
      kind: 'not-recommended',
      why: 'Phase Two: 0 of 4 runs done. Phase Three builds on the control those runs give you.',
    });
  });

  it('skipping ahead checks every earlier phase, not just the one before', () => {
    // Phase Two done (runs 2 days apart) but Phase One barely started.
    const history = [...runs(one, 1), ...runs(two, 4, 5, 2)];
    expect(moveAdvice(inPhase('phase-one', history), phases, 'phase-three')).toEqual({
      kind: 'not-recommended',
      why: 'Phase One: 1 of 3 runs done. Phase Three builds on the control those runs give you.',
    });
    expect(moveAdvice(inPhase('phase-one'), phases, 'phase-three')).toEqual({
      kind: 'not-recommended',
      why: 'Phase One: 0 of 3 runs done. Phase Two: 0 of 4 runs done. Phase Three builds on the control those runs give you.',
    });
  });

  it('moving ahead once the recommendation is met is recommended', () => {
    expect(moveAdvice(inPhase('phase-one', runs(one, 3)), phases, 'phase-two')).toEqual({ kind: 'recommended' });
  });

  it('runs that came too soon do not satisfy the recommendation', () => {
    // Phase Two runs one day apart: only every other one counts.
    const history = [...runs(one, 3), ...runs(two, 4, 10)];
    const advice = moveAdvice(inPhase('phase-two', history), phases, 'phase-three');
    expect(advice).toEqual({ kind: 'not-recommended', why: 'Phase Two: 2 of 4 runs done. Phase Three builds on the control those runs give you.' });
  });

  it('throws for an unknown target phase', () => {
    expect(() => moveAdvice(inPhase('phase-one'), phases, 'phase-nine')).toThrow('Unknown programme phase "phase-nine".');
  });
});

describe('streak', () => {
  const today = new Date('2026-12-15T12:00:00Z');
  const onDay = (daysAgo: number, hourUtc = 10) => done(one, 'a1', new Date(Date.UTC(2026, 11, 15 - daysAgo, hourUtc)));

  it('0 with no completions', () => {
    expect(streak([], today)).toBe(0);
  });

  it('counts consecutive days ending today, several completions on one day counting once', () => {
    expect(streak([onDay(0), onDay(0, 11), onDay(1), onDay(2), onDay(4)], today)).toBe(3);
  });

  it('still counts up to yesterday when there is nothing yet today', () => {
    expect(streak([onDay(1), onDay(2)], today)).toBe(2);
  });

  it('0 when the last completion was before yesterday', () => {
    expect(streak([onDay(2), onDay(3)], today)).toBe(0);
  });

  it('ignores completions before a restart', () => {
    expect(streak([onDay(0), onDay(1), onDay(2)], today, { restartedAt: new Date('2026-12-14T00:00:00Z') })).toBe(2);
  });

  it('uses calendar days in the member’s time zone', () => {
    // 23:30 and 00:30 UTC: two UTC days, but the same evening in New York (UTC-5).
    const lateEvening = [done(one, 'a1', new Date('2026-12-13T23:30:00Z')), done(one, 'a2', new Date('2026-12-14T00:30:00Z'))];
    const morning = new Date('2026-12-14T12:00:00Z'); // 07:00 in New York, 14 Dec
    expect(streak(lateEvening, morning)).toBe(2);
    expect(streak(lateEvening, morning, { timeZone: 'America/New_York' })).toBe(1);
    // In Auckland (UTC+13) it is already 15 Dec, and both were on 14 Dec: yesterday.
    expect(streak(lateEvening, morning, { timeZone: 'Pacific/Auckland' })).toBe(1);
  });

  it('today is judged in the time zone too', () => {
    // 04:00 UTC on 15 Dec is still 14 Dec (23:00) in New York, so a completion at 03:00 UTC is "today" there.
    const justNow = new Date('2026-12-15T04:00:00Z');
    const history = [done(one, 'a1', new Date('2026-12-15T03:00:00Z')), done(one, 'a1', new Date('2026-12-14T03:00:00Z'))];
    expect(streak(history, justNow, { timeZone: 'America/New_York' })).toBe(2); // 14 Dec and 13 Dec in New York
    expect(streak(history, justNow)).toBe(2); // 15 Dec and 14 Dec in UTC
    // Midnight 13 Dec in New York is yesterday there, but two days ago in UTC.
    const midnightNewYork = [done(one, 'a1', new Date('2026-12-13T05:00:00Z'))];
    expect(streak(midnightNewYork, justNow, { timeZone: 'America/New_York' })).toBe(1);
    expect(streak(midnightNewYork, justNow)).toBe(0);
  });
});
