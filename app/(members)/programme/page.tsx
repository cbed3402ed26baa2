// /programme – every phase with its goal and sessions; for members, their runs per phase
// and where they are now.
import type { Metadata } from 'next';
import Link from 'next/link';
import { RestartProgrammeForm } from '@/components/programme/programme-forms';
import { ProgrammeCta } from '@/components/programme/programme-cta';
import { getPhases } from '@/lib/content/programme';
import { loadMemberProgramme } from '@/lib/programme/store';
import { getViewer } from '@/lib/viewer/viewer';
import { StartingPrice } from '@/app/_billing/starting-price';

// Rendered for each request (it reads the session or the query), so it may block.
export const instant = false;

export const metadata: Metadata = {
  title: 'The programme',
  description: 'Three phases of short follow-along sessions for a stronger, calmer back: core control and breathing, hip mobility with core stability, then loaded squats and lunges.',
  alternates: { canonical: '/programme' },
};

export default async function ProgrammePage() {
  const phases = getPhases();
  const { user, entitled } = await getViewer();
  const programme = user && entitled ? await loadMemberProgramme(user.id) : null;
  const overview = programme?.overview;
  return (
    <div className="container-page max-w-4xl py-10 sm:py-14">
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">The programme</h1>
      <p className="mt-3 max-w-2xl text-lg text-slate-700">Work through a phase’s sessions, then repeat the whole phase several times before moving on. Each run makes the next phase safer and easier.</p>
      {overview && (
        <p className="mt-4 rounded-lg bg-brand-50 px-4 py-3 text-sm text-brand-800">
          Next up: <Link className="font-semibold underline" href={`/programme/${overview.nextSession.phaseSlug}/${overview.nextSession.sessionSlug}`}>{phases.find((p) => p.slug === overview.nextSession.phaseSlug)?.sessions.find((s) => s.slug === overview.nextSession.sessionSlug)?.title}</Link>
          {' · '}<Link className="underline" href="/dashboard">Your progress</Link>
        </p>
      )}
      <ol className="mt-8 space-y-6">
        {phases.map((phase) => {
          const progress = overview?.phases.find((p) => p.phaseSlug === phase.slug);
          const current = overview?.currentPhaseSlug === phase.slug;
          return (
            <li key={phase.slug} className={`rounded-2xl border p-6 ${current ? 'border-brand-600 ring-2 ring-brand-600' : 'border-sand-200'}`} aria-current={current ? 'step' : undefined}>
              <h2 className="text-xl font-semibold">
                <Link href={phase.url} className="hover:underline">{phase.title}</Link>
                {current && <span className="ml-2 inline-block whitespace-nowrap rounded-full bg-brand-600 px-2 py-0.5 align-middle text-xs font-medium text-white">You are here</span>}
              </h2>
              <p className="mt-2 text-slate-700">{phase.goal}</p>
              <p className="mt-1 text-sm text-slate-600">For: {phase.whoFor}</p>
              {progress ? (
                <p className="mt-3 font-medium" data-testid={`phase-runs-${phase.slug}`}>{phase.title.split(':')[0]}: {progress.countedRuns} of {phase.recommendedRuns} runs</p>
              ) : (
                <p className="mt-3 text-sm">{phase.sessions.length} sessions · {phase.recommendedRuns} runs recommended before moving on</p>
              )}
              <ul className="mt-3 list-disc space-y-1 pl-5 text-sm">
                {phase.sessions.map((s) => <li key={s.slug}>{s.title} <span className="text-slate-600">({s.durationMinutes} min)</span></li>)}
              </ul>
            </li>
          );
        })}
      </ol>
      {!entitled && <ProgrammeCta signedIn={Boolean(user)} returnTo="/programme" price={<StartingPrice />} />}
      {entitled && (
        <section aria-labelledby="restart-heading" className="mt-10 rounded-2xl border border-sand-200 p-6">
          <h2 id="restart-heading" className="text-lg font-semibold">Start again</h2>
          <p className="mb-3 mt-1 text-sm text-slate-700">Coming back after a long break or a flare-up? Restart from Phase One; runs count afresh.</p>
          <RestartProgrammeForm />
        </section>
      )}
    </div>
  );
}
