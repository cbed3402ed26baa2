// /staff/emails/[kind] – a sample of one lifecycle email, as a member would get it (made-up
// details, links that change nothing): its subject and text here, its HTML on its own
// address (./html), where the email's styles cannot touch the site's page. Admins only.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireAdmin } from '@/lib/auth/guards';
import { LIFECYCLE_INFO, lifecycleKindSchema } from '@/lib/lifecycle/kinds';
import { sampleLifecycleEmail } from '@/lib/lifecycle/samples';

// Rendered for each request (it reads the session), so it may block.
export const instant = false;

export const metadata: Metadata = { title: 'Lifecycle email preview', robots: { index: false } };

type Props = { params: Promise<{ kind: string }> };

export default async function LifecycleEmailPreviewPage({ params }: Props) {
  const { kind: raw } = await params;
  await requireAdmin(`/staff/emails/${encodeURIComponent(raw)}`);
  const parsed = lifecycleKindSchema.safeParse(raw);
  if (!parsed.success) notFound();
  const info = LIFECYCLE_INFO[parsed.data];
  const email = sampleLifecycleEmail(parsed.data);
  return (
    <div className="container-page max-w-3xl py-10 sm:py-14">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/staff/emails" className="text-brand-700 hover:underline">← Lifecycle emails</Link>
      </nav>
      <h1 className="mt-3 text-2xl font-bold tracking-tight sm:text-3xl">Preview: {info.label}</h1>
      <p className="mt-2 text-slate-700">{info.trigger}</p>
      <dl className="mt-6 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="font-medium text-slate-800">Subject</dt>
        <dd className="break-words text-slate-700">{email.subject}</dd>
        <dt className="font-medium text-slate-800">One-click unsubscribe</dt>
        <dd className="text-slate-700">{email.listUnsubscribeUrl ? 'Yes, for this kind only' : 'None: members cannot turn this one off'}</dd>
      </dl>
      <h2 className="mt-8 text-lg font-semibold">Text version</h2>
      <pre className="mt-3 overflow-x-auto whitespace-pre-wrap break-words rounded-2xl border border-sand-200 bg-white p-4 font-mono text-sm text-slate-800">{email.text}</pre>
      <p className="mt-6">
        {/* A plain link: the route answers with the email's own document, not a page of the app. */}
        <a href={`/staff/emails/${parsed.data}/html`} className="font-medium text-brand-700 underline">Open the HTML version</a>
      </p>
    </div>
  );
}
