// A member's whole progress: current phase and next session, streak, runs per phase,
// ratings chart and timeline. The member's dashboard and the coach's read-only view.
import Link from 'next/link';
import type { ProgrammePhase } from '@/lib/content/programme';
import { streak } from '@/lib/programme/progress';
import type { MemberProgramme } from '@/lib/programme/store';
import { CompletionTimeline, RatingsChart, RunsPerPhase } from './progress-views';

export function MemberProgress({ programme, phases, viewer }: { programme: MemberProgramme; phases: ProgrammePhase[]; viewer: 'member' | 'coach' }) {
  const { overview, completions, restartedAt } = programme;
  const current = phases.find((p) => p.slug === overview.currentPhaseSlug)!;
  const progress = overview.phases.find((p) => p.phaseSlug === current.slug)!;
  const nextPhase = phases.find((p) => p.slug === overview.nextSession.phaseSlug)!;
  const nextSession = nextPhase.sessions.find((s) => s.slug === overview.nextSession.sessionSlug)!;
  const days = streak(completions, new Date(), { restartedAt });
  const you = viewer === 'member';
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section aria-labelledby="now-heading" className="rounded-2xl bg-brand-50 p-6 lg:col-span-2">
        <h2 id="now-heading" className="text-lg font-semibold">{you ? 'Where you are' : 'Where they are'}</h2>
        <p className="mt-2 text-xl font-bold" data-testid="current-phase">{current.title}</p>
        <p className="mt-1" data-testid="dashboard-runs">{progress.countedRuns} of {current.recommendedRuns} runs · this run {progress.currentRun.done.length} of {current.sessions.length} sessions</p>
        <p className="mt-2 text-sm" data-testid="dashboard-readiness">{progress.readiness.message}</p>
        {you ? (
          <p className="mt-4">
            <Link href={nextSession.url} className="inline-block rounded-full bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700" data-testid="next-session">
              Next session: {nextSession.title}
            </Link>
          </p>
        ) : (
          <p className="mt-3 text-sm">Next session: {nextSession.title}</p>
        )}
      </section>
      <section aria-labelledby="streak-heading" className="rounded-2xl border border-sand-200 p-6">
        <h2 id="streak-heading" className="text-lg font-semibold">Streak</h2>
        <p className="mt-2 text-3xl font-bold" data-testid="streak">{days} {days === 1 ? 'day' : 'days'}</p>
        <p className="text-sm text-slate-600">Days in a row with at least one session.</p>
      </section>
      <section aria-labelledby="ratings-heading" className="rounded-2xl border border-sand-200 p-6">
        <h2 id="ratings-heading" className="text-lg font-semibold">Effort and pain</h2>
        <div className="mt-3"><RatingsChart completions={completions} /></div>
      </section>
      <section aria-labelledby="phases-heading" className="rounded-2xl border border-sand-200 p-6">
        <h2 id="phases-heading" className="text-lg font-semibold">Runs per phase</h2>
        <div className="mt-3"><RunsPerPhase phases={phases} progress={overview.phases} currentSlug={current.slug} /></div>
      </section>
      <section aria-labelledby="timeline-heading" className="rounded-2xl border border-sand-200 p-6">
        <h2 id="timeline-heading" className="text-lg font-semibold">Recent sessions</h2>
        <div className="mt-3"><CompletionTimeline completions={completions} phases={phases} /></div>
      </section>
    </div>
  );
}
