// /programme/[phase] – the phase's sessions; for members, ticks for the current run, the
// run counter and whether they are ready for the next phase.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Breadcrumbs } from '@/components/content/breadcrumbs';
import { MovePhaseForm } from '@/components/programme/programme-forms';
import { ProgrammeCta } from '@/components/programme/programme-cta';
import { CommentThread } from '@/components/comments/comment-thread';
import { isStaffRole } from '@/lib/auth/roles';
import { loadThread } from '@/lib/comments/store';
import { resolveTarget } from '@/lib/comments/targets';
import { getPhase } from '@/lib/content/programme';
import { moveAdvice } from '@/lib/programme/progress';
import { phaseDefinitions } from '@/lib/programme/store';
import { loadMemberProgramme } from '@/lib/programme/store';
import { getViewer } from '@/lib/viewer/viewer';
import { StartingPrice } from '@/app/_billing/starting-price';

// Rendered for each request (it reads the session or the query), so it may block.
export const instant = false;

type Props = { params: Promise<{ phase: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const phase = getPhase((await params).phase);
  return phase ? { title: phase.title, description: phase.goal, alternates: { canonical: phase.url } } : {};
}

export default async function PhasePage({ params }: Props) {
  const phase = getPhase((await params).phase);
  if (!phase) notFound();
  const { user, entitled } = await getViewer();
  const programme = user && entitled ? await loadMemberProgramme(user.id) : null;
  const overview = programme?.overview;
  const progress = overview?.phases.find((p) => p.phaseSlug === phase.slug);
  const advice = overview ? moveAdvice(overview, phaseDefinitions(), phase.slug) : null;
  const done = new Set(progress?.currentRun.done ?? []);
  return (
    <div className="container-page max-w-3xl py-10 sm:py-14">
      <Breadcrumbs items={[{ name: 'Programme', href: '/programme' }, { name: phase.title, href: phase.url }]} />
      <h1 className="mt-6 text-3xl font-bold tracking-tight sm:text-4xl">{phase.title}</h1>
      <p className="mt-3 text-lg text-slate-700">{phase.goal}</p>
      <p className="mt-2 text-slate-700">{phase.summary}</p>
      <p className="mt-2 text-sm text-slate-600">For: {phase.whoFor}</p>

      {progress && (
        <section aria-labelledby="runs-heading" className="mt-8 rounded-2xl bg-sand-100 p-6">
          <h2 id="runs-heading" className="text-lg font-semibold">Your runs</h2>
          {advice?.kind === 'current' && <p className="mt-1 text-sm font-medium text-brand-800" data-testid="current-phase-note">This is your current phase.</p>}
          <p className="mt-1 text-2xl font-bold" data-testid="run-counter">{progress.countedRuns} of {phase.recommendedRuns} runs</p>
          <p className="mt-1 text-sm">Run {progress.currentRun.number}: {progress.currentRun.done.length} of {phase.sessions.length} sessions done{progress.repeats > 0 ? ` · ${progress.repeats} repeated ${progress.repeats === 1 ? 'session' : 'sessions'}` : ''}</p>
          <p role="status" className="mt-3 font-medium" data-testid="readiness">{progress.readiness.message}</p>
          {phase.minDaysBetweenRuns > 0 && <p className="mt-1 text-xs text-slate-600">Runs count when at least {phase.minDaysBetweenRuns} {phase.minDaysBetweenRuns === 1 ? 'day' : 'days'} apart: your body adapts between them.</p>}
        </section>
      )}

      <section aria-labelledby="sessions-heading" className="mt-8">
        <h2 id="sessions-heading" className="text-xl font-semibold">Sessions</h2>
        <ol className="mt-4 space-y-3">
          {phase.sessions.map((s) => (
            <li key={s.slug} className="flex items-start gap-3 rounded-xl border border-sand-200 p-4">
              {progress && (
                <span aria-hidden="true" className={`mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full text-sm ${done.has(s.slug) ? 'bg-brand-600 text-white' : 'border border-slate-300'}`}>{done.has(s.slug) ? '✓' : ''}</span>
              )}
              <div>
                <p className="font-semibold">
                  {entitled ? <Link href={s.url} className="text-brand-700 hover:underline">{s.title}</Link> : s.title}
                  {progress && <span className="sr-only">{done.has(s.slug) ? ' (done in this run)' : ' (not done in this run yet)'}</span>}
                </p>
                <p className="text-sm text-slate-700">{s.summary}</p>
                <p className="text-xs text-slate-600">{s.durationMinutes} min{s.equipment.length ? ` · ${s.equipment.join(', ')}` : ' · no equipment'}</p>
              </div>
            </li>
          ))}
        </ol>
      </section>

      {advice && advice.kind !== 'current' && (
        <section aria-labelledby="move-heading" className="mt-8 rounded-2xl border border-sand-200 p-6">
          <h2 id="move-heading" className="text-lg font-semibold">{advice.kind === 'back' ? 'Go back to this phase' : 'Move on to this phase'}</h2>
          <p className="mb-3 mt-1 text-sm text-slate-700">{advice.kind === 'back' ? 'Going back is always fine, for example after a flare-up.' : advice.kind === 'recommended' ? 'You have done the recommended runs before this phase.' : 'You can, but we suggest finishing the earlier runs first.'}</p>
          <MovePhaseForm phaseSlug={phase.slug} phaseTitle={phase.title} notRecommendedWhy={advice.kind === 'not-recommended' ? advice.why : null} />
        </section>
      )}
      {!entitled && <ProgrammeCta signedIn={Boolean(user)} returnTo={phase.url} price={<StartingPrice />} />}
      {entitled && <PhaseThread slug={phase.slug} staff={user ? isStaffRole(user.role) : false} />}
    </div>
  );
}

/** Questions about a phase: members and staff only, so rendered only for them (staff also see what they hid). */
async function PhaseThread({ slug, staff }: { slug: string; staff: boolean }) {
  const target = resolveTarget({ kind: 'phase', slug });
  if (!target) return null;
  const { comments, locked } = await loadThread(target, { includeHidden: staff });
  return <CommentThread target={target} comments={comments} locked={locked} />;
}
