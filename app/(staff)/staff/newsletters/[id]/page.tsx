import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireCoach } from '@/lib/auth/guards';
import { AUDIENCES, renderNewsletter, type Audience } from '@/lib/newsletters/email';
import { itemLabel } from '@/lib/newsletters/items';
import { getNewsletter, newsletterProgress, optedInCount } from '@/lib/newsletters/queries';
import { NewsletterStatusBadge, utcDateTime } from '../newsletter-parts';
import { CancelScheduleForm, DiscardForm, NewsletterAnnouncements, ScheduleForm, SendNowForm, SubjectForm } from './newsletter-forms';
import { SendingProgress } from './sending-progress';

// Rendered for each request (it reads the session and the database), so it may block.
export const instant = false;

export const metadata: Metadata = { title: 'Newsletter', robots: { index: false } };

const AUDIENCE_HEADINGS: Record<Audience, string> = { member: 'As a member sees it', 'non-member': 'As a non-member sees it' };

/** The default schedule: tomorrow at 08:00 UTC, as a datetime-local value. */
function tomorrowMorning(now = new Date()): string {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 8));
  return next.toISOString().slice(0, 16);
}

export default async function NewsletterPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireCoach(`/staff/newsletters/${encodeURIComponent(id)}`);
  const newsletter = await getNewsletter(id);
  if (!newsletter) notFound();
  const { item, status } = newsletter;
  const editable = status === 'DRAFT' || status === 'SCHEDULED';
  const [progress, optedIn] = await Promise.all([newsletterProgress(id), optedInCount()]);

  return (
    <div className="container-page max-w-4xl py-10 sm:py-14">
      <p className="text-sm"><Link href="/staff/newsletters" className="text-brand-700 underline underline-offset-2">All newsletters</Link></p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">{newsletter.subject}</h1>
      <p className="mt-3 flex flex-wrap items-center gap-2 text-slate-700">
        <NewsletterStatusBadge status={status} />
        {status === 'SCHEDULED' && newsletter.scheduledFor && <span>Goes {utcDateTime(newsletter.scheduledFor)}.</span>}
        {newsletter.queuedAt && <span>Queued {utcDateTime(newsletter.queuedAt)}.</span>}
        {item && (
          <span>
            About the {itemLabel(item).toLowerCase()} <Link href={item.url} className="text-brand-700 underline underline-offset-2">{item.title}</Link>
            {item.access === 'members' ? ' (members only: everyone is emailed its public preview and a link, never the members’ text).' : '.'}
          </span>
        )}
      </p>

      <NewsletterAnnouncements>
        {(status === 'SENDING' || status === 'SENT') && (
          <section aria-labelledby="progress-heading" className="mt-8">
            <h2 id="progress-heading" className="text-xl font-semibold">Sending progress</h2>
            <div className="mt-3"><SendingProgress id={id} initial={progress} /></div>
          </section>
        )}

        {editable && item && (
          <section aria-labelledby="send-heading" className="mt-8 space-y-5 rounded-2xl border border-sand-200 p-5">
            <h2 id="send-heading" className="text-xl font-semibold">Send</h2>
            <SubjectForm id={id} subject={newsletter.subject} />
            <SendNowForm id={id} recipients={optedIn} />
            <ScheduleForm id={id} scheduledFor={newsletter.scheduledFor?.toISOString().slice(0, 16) ?? tomorrowMorning()} />
            {status === 'SCHEDULED' && <CancelScheduleForm id={id} />}
            <DiscardForm id={id} />
          </section>
        )}
        {!item && <p className="mt-8 rounded-xl border border-sand-200 p-5">This article or episode is no longer on the site, so this newsletter cannot be sent.</p>}

        {item && (
          <section aria-labelledby="preview-heading" className="mt-10">
            <h2 id="preview-heading" className="text-xl font-semibold">Preview</h2>
            <p className="mt-1 text-sm text-slate-700">Each opted-in reader gets the version for them, decided by their membership when it is sent. The unsubscribe links carry each reader’s own token.</p>
            <div className="mt-4 grid gap-6 lg:grid-cols-2">
              {AUDIENCES.map((audience) => {
                const email = renderNewsletter(item, newsletter.subject, audience);
                return (
                  <section key={audience} aria-labelledby={`preview-${audience}`}>
                    <h3 id={`preview-${audience}`} className="font-semibold">{AUDIENCE_HEADINGS[audience]}</h3>
                    <iframe title={`${AUDIENCE_HEADINGS[audience]}: the email`} srcDoc={email.html} sandbox="" className="mt-2 h-[36rem] w-full rounded-xl border border-sand-200 bg-white" data-testid={`preview-${audience}`} />
                    <details className="mt-2 text-sm">
                      <summary className="cursor-pointer font-medium">Plain-text version</summary>
                      <pre className="mt-2 whitespace-pre-wrap break-words rounded-xl bg-sand-50 p-3 text-xs">{email.text}</pre>
                    </details>
                  </section>
                );
              })}
            </div>
          </section>
        )}
      </NewsletterAnnouncements>
    </div>
  );
}
