// /programme/[phase]/[session] – the follow-along session. Its video, exercises and notes
// are rendered only for entitled members; others see the title, summary and a way in.
// The exercises and notes are the same for every member: cached apart (session-content.tsx).
import crypto from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Breadcrumbs } from '@/components/content/breadcrumbs';
import { CompleteSessionForm } from '@/components/programme/programme-forms';
import { ProgrammeCta } from '@/components/programme/programme-cta';
import { getPhase, getSession } from '@/lib/content/programme';
import { signedMediaUrl } from '@/lib/programme/media-urls';
import { loadMemberProgramme } from '@/lib/programme/store';
import { getViewer } from '@/lib/viewer/viewer';
import { StartingPrice } from '@/app/_billing/starting-price';
import { SessionContent } from './session-content';

// Rendered for each request (it reads the session or the query), so it may block.
export const instant = false;

type Props = { params: Promise<{ phase: string; session: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { phase, session: slug } = await params;
  const session = getSession(phase, slug);
  return session ? { title: session.title, description: session.summary, alternates: { canonical: session.url } } : {};
}

export default async function SessionPage({ params }: Props) {
  const { phase: phaseSlug, session: sessionSlug } = await params;
  const phase = getPhase(phaseSlug);
  const session = getSession(phaseSlug, sessionSlug);
  if (!phase || !session) notFound();
  const { user, entitled } = await getViewer();
  const programme = user && entitled ? await loadMemberProgramme(user.id) : null;
  const index = phase.sessions.findIndex((s) => s.slug === session.slug);
  const next = phase.sessions[index + 1];
  const previous = phase.sessions[index - 1];
  const doneThisRun = programme?.overview.phases.find((p) => p.phaseSlug === phase.slug)?.currentRun.done.includes(session.slug) ?? false;

  return (
    <div className="container-page max-w-3xl py-10 sm:py-14">
      <Breadcrumbs items={[{ name: 'Programme', href: '/programme' }, { name: phase.title, href: phase.url }, { name: session.title, href: session.url }]} />
      <p className="mt-6 text-sm font-medium text-brand-700">{phase.title.split(':')[0]} · Session {index + 1} of {phase.sessions.length}</p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight sm:text-4xl">{session.title}</h1>
      <p className="mt-3 text-lg text-slate-700">{session.summary}</p>
      <p className="mt-2 text-sm text-slate-600">{session.durationMinutes} minutes · {session.equipment.length ? session.equipment.join(', ') : 'no equipment'}</p>

      {entitled && user ? (
        <>
          {doneThisRun && <p className="mt-4 rounded-lg bg-brand-50 px-4 py-2 text-sm text-brand-800">Done in this run. Doing it again is fine: it counts as a repeat.</p>}
          <video
            className="mt-8 aspect-video w-full rounded-2xl bg-ink"
            controls
            preload="metadata"
            playsInline
            poster={session.video.poster ? signedMediaUrl(phase.slug, session.video.poster, user.id) : undefined}
            aria-label={`Follow-along video: ${session.title}`}
            data-testid="session-video"
          >
            <source src={signedMediaUrl(phase.slug, session.video.file, user.id)} type={session.video.type} />
          </video>

          <SessionContent phaseSlug={phase.slug} sessionSlug={session.slug} />

          <section aria-labelledby="complete-heading" className="mt-10 rounded-2xl border border-brand-600 p-6">
            <h2 id="complete-heading" className="text-lg font-semibold">Finished the session?</h2>
            <p className="mb-4 mt-1 text-sm text-slate-700">Mark it complete to count it toward your current run.</p>
            <CompleteSessionForm phaseSlug={phase.slug} sessionSlug={session.slug} requestKey={crypto.randomBytes(16).toString('base64url')} />
          </section>
        </>
      ) : (
        <ProgrammeCta signedIn={Boolean(user)} returnTo={session.url} price={<StartingPrice />} />
      )}

      {entitled && user && <p className="mt-10 text-sm"><Link className="font-medium text-brand-700 underline" href="/dashboard">Your progress: runs, streak and ratings</Link></p>}
      <nav aria-label="Sessions in this phase" className="mt-6 flex flex-wrap justify-between gap-4 text-sm">
        {previous ? <Link className="text-brand-700 underline" href={previous.url}>← {previous.title}</Link> : <span />}
        {next ? <Link className="text-brand-700 underline" href={next.url}>{next.title} →</Link> : <Link className="text-brand-700 underline" href={phase.url}>Back to {phase.title.split(':')[0]}</Link>}
      </nav>
    </div>
  );
}
