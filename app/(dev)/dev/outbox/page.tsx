// /dev/outbox?to=… – every email the site has queued, newest first (the local mailbox
// when no SMTP server is configured). Development, opted-in demos and admins only.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getViewer } from '@/lib/viewer/viewer';
import { canViewOutbox, listOutbox, outboxFilterSchema } from '@/lib/email/outbox';
import { OutboxTime, StatusBadge } from './outbox-ui';

// Rendered for each request (it reads the session or the query), so it may block.
export const instant = false;

export const metadata: Metadata = { title: 'Outbox', robots: { index: false, follow: false } };

const LIMIT = 100;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OutboxPage({ searchParams }: Props) {
  if (!canViewOutbox((await getViewer()).user)) notFound();
  const raw = await searchParams;
  const rawTo = (Array.isArray(raw.to) ? raw.to[0] : raw.to) ?? '';
  const parsed = outboxFilterSchema.safeParse({ to: rawTo });
  const error = parsed.success ? null : parsed.error.issues[0].message;
  const to = parsed.success ? parsed.data.to : undefined;
  const emails = parsed.success ? await listOutbox({ to, limit: LIMIT }) : [];

  return (
    <div className="container-page max-w-5xl py-10 sm:py-14">
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Outbox</h1>
      <p className="mt-3 max-w-2xl text-slate-700">
        Every email the site has sent or queued. Without an SMTP server configured, mail stays here instead of being delivered: open a message to
        read it and follow its links.
      </p>

      <form action="/dev/outbox" method="get" className="mt-6 flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <label htmlFor="outbox-to" className="text-sm font-medium text-slate-800">Recipient</label>
          <input
            id="outbox-to"
            name="to"
            type="email"
            defaultValue={parsed.success ? (to ?? '') : rawTo.slice(0, 320)}
            maxLength={320}
            autoComplete="off"
            placeholder="name@example.com"
            aria-describedby={error ? 'outbox-to-error' : undefined}
            aria-invalid={error ? true : undefined}
            className="min-w-0 rounded-full border border-slate-300 px-4 py-2.5 text-base"
          />
        </div>
        <div className="flex gap-2">
          <button type="submit" className="rounded-full bg-brand-600 px-5 py-2.5 font-medium text-white hover:bg-brand-700">Filter</button>
          {(to || error) && (
            <Link href="/dev/outbox" className="rounded-full px-4 py-2.5 font-medium text-brand-700 hover:bg-sand-100">Show all</Link>
          )}
        </div>
      </form>
      {error && <p id="outbox-to-error" role="alert" className="mt-3 text-sm text-coral-700">{error}</p>}

      {!error && (
        <div className="mt-8">
          {emails.length === 0 ? (
            <p className="rounded-2xl bg-sand-100 p-6 text-slate-700">{to ? `No emails to ${to} yet.` : 'No emails yet.'}</p>
          ) : (
            <div className="relative overflow-x-auto rounded-2xl border border-sand-200">
              <table className="w-full min-w-[40rem] text-left text-sm">
                <caption className="px-4 py-3 text-left text-sm text-slate-700">
                  {to ? `Emails to ${to}` : 'All emails'}, newest first{emails.length === LIMIT ? ` (the latest ${LIMIT})` : ''}
                </caption>
                <thead className="bg-sand-100 text-slate-800">
                  <tr>
                    <th scope="col" className="px-4 py-2 font-semibold">Subject</th>
                    <th scope="col" className="px-4 py-2 font-semibold">To</th>
                    <th scope="col" className="px-4 py-2 font-semibold">Template</th>
                    <th scope="col" className="px-4 py-2 font-semibold">Status</th>
                    <th scope="col" className="px-4 py-2 font-semibold">Queued</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-sand-200">
                  {emails.map((email) => (
                    <tr key={email.id} className="align-top">
                      <th scope="row" className="px-4 py-3 font-medium">
                        <Link href={`/dev/outbox/${email.id}`} className="text-brand-700 hover:underline">{email.subject}</Link>
                      </th>
                      <td className="break-all px-4 py-3 text-slate-700">{email.to}</td>
                      <td className="px-4 py-3 font-mono text-xs text-slate-700">{email.template}</td>
                      <td className="px-4 py-3"><StatusBadge status={email.status} /></td>
                      <td className="whitespace-nowrap px-4 py-3 text-slate-700"><OutboxTime date={email.createdAt} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
