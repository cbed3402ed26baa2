// /dev/outbox/[id] – one queued email: its text and HTML versions and its links.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getViewer } from '@/lib/viewer/viewer';
import { canViewOutbox, extractLinks, getOutboxEmail } from '@/lib/email/outbox';
import { OutboxTime, StatusBadge } from '../outbox-ui';

// Rendered for each request (it reads the session or the query), so it may block.
export const instant = false;

export const metadata: Metadata = { title: 'Email', robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }> };

export default async function OutboxEmailPage({ params }: Props) {
  if (!canViewOutbox((await getViewer()).user)) notFound();
  const { id } = await params;
  const email = await getOutboxEmail(id);
  if (!email) notFound();
  const links = extractLinks(email.text);

  return (
    <div className="container-page max-w-3xl py-10 sm:py-14">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/dev/outbox?${new URLSearchParams({ to: email.to })}`} className="text-brand-700 hover:underline">
          ← Outbox for {email.to}
        </Link>
      </nav>
      <h1 className="mt-3 text-2xl font-bold tracking-tight break-words sm:text-3xl">{email.subject}</h1>

      <dl className="mt-6 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="font-medium text-slate-800">To</dt>
        <dd className="break-all text-slate-700">{email.to}</dd>
        <dt className="font-medium text-slate-800">Template</dt>
        <dd className="font-mono text-xs leading-5 text-slate-700">{email.template}</dd>
        <dt className="font-medium text-slate-800">Status</dt>
        <dd><StatusBadge status={email.status} />{email.attempts > 0 && <span className="ml-2 text-slate-700">{email.attempts} {email.attempts === 1 ? 'attempt' : 'attempts'}</span>}</dd>
        <dt className="font-medium text-slate-800">Queued</dt>
        <dd className="text-slate-700"><OutboxTime date={email.createdAt} /></dd>
        {email.sentAt && (
          <>
            <dt className="font-medium text-slate-800">Sent</dt>
            <dd className="text-slate-700"><OutboxTime date={email.sentAt} /></dd>
          </>
        )}
        {email.status === 'PENDING' && email.attempts > 0 && (
          <>
            <dt className="font-medium text-slate-800">Next attempt</dt>
            <dd className="text-slate-700"><OutboxTime date={email.nextAttemptAt} /></dd>
          </>
        )}
        {email.listUnsubscribeUrl && (
          <>
            <dt className="font-medium text-slate-800">List-Unsubscribe</dt>
            <dd className="break-all text-slate-700" data-testid="list-unsubscribe">&lt;{email.listUnsubscribeUrl}&gt; (one-click POST)</dd>
          </>
        )}
        {email.lastError && (
          <>
            <dt className="font-medium text-slate-800">Last error</dt>
            <dd className="break-words text-coral-700">{email.lastError}</dd>
          </>
        )}
      </dl>

      <section aria-labelledby="links-heading" className="mt-8 rounded-2xl bg-sand-100 p-5 sm:p-6">
        <h2 id="links-heading" className="text-lg font-semibold">Links in this email</h2>
        {links.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">This email has no links.</p>
        ) : (
          <ul className="mt-3 space-y-3">
            {links.map((link) => (
              <li key={link.url} className="text-sm">
                {link.label && <span className="block font-medium text-slate-800">{link.label}</span>}
                <a href={link.url} className="break-all text-brand-700 underline">{link.url}</a>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="text-heading" className="mt-8">
        <h2 id="text-heading" className="text-lg font-semibold">Text version</h2>
        <pre className="mt-3 overflow-x-auto whitespace-pre-wrap break-words rounded-2xl border border-sand-200 bg-white p-4 font-mono text-sm text-slate-800">{email.text}</pre>
      </section>

      <section aria-labelledby="html-heading" className="mt-8">
        <h2 id="html-heading" className="text-lg font-semibold">HTML version</h2>
        {/* An empty sandbox: no scripts, no forms, no navigation out of the frame. */}
        <iframe sandbox="" srcDoc={email.html} title="HTML version of the email" className="mt-3 h-[40rem] w-full rounded-2xl border border-sand-200 bg-sand-100" />
      </section>
    </div>
  );
}
