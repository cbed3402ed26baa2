import type { Metadata } from 'next';
import Link from 'next/link';
import { requireCoach } from '@/lib/auth/guards';
import { itemLabel } from '@/lib/newsletters/items';
import { listNewsletters, optedInCount } from '@/lib/newsletters/queries';
import { NewsletterStatusBadge, utcDateTime } from './newsletter-parts';

// Rendered for each request (it reads the session and the database), so it may block.
export const instant = false;

export const metadata: Metadata = { title: 'Newsletters', robots: { index: false } };

export default async function NewslettersPage() {
  await requireCoach('/staff/newsletters');
  const [newsletters, optedIn] = await Promise.all([listNewsletters(), optedInCount()]);
  return (
    <div className="container-page max-w-4xl py-10 sm:py-14">
      <h1 className="text-3xl font-bold tracking-tight">Newsletters</h1>
      <p className="mt-3 max-w-2xl text-slate-700">
        A draft appears here a few minutes after an article or episode is published. Open it to see it as a member and as a non-member sees it, then send it or schedule it.
        {' '}{optedIn === 1 ? '1 person has' : `${optedIn} people have`} asked for new articles and episodes by email.
      </p>
      {newsletters.length === 0 ? (
        <p className="mt-8 rounded-xl border border-sand-200 p-5 text-slate-700">No newsletters yet: the next article or episode you publish gets one.</p>
      ) : (
        <div className="relative mt-8 overflow-x-auto" role="region" aria-label="Newsletters table" tabIndex={0}>
          <table className="w-full min-w-[36rem] text-left text-sm">
            <caption className="sr-only">Newsletters, newest first</caption>
            <thead className="border-b border-sand-200 text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-4">Subject</th>
                <th scope="col" className="py-2 pr-4">About</th>
                <th scope="col" className="py-2 pr-4">Status</th>
                <th scope="col" className="py-2">When</th>
              </tr>
            </thead>
            <tbody>
              {newsletters.map((n) => (
                <tr key={n.id} className="border-b border-sand-100 align-top">
                  <th scope="row" className="py-3 pr-4 font-medium">
                    <Link href={`/staff/newsletters/${n.id}`} className="text-brand-700 underline underline-offset-2 hover:text-brand-800">{n.subject}</Link>
                  </th>
                  <td className="py-3 pr-4">{n.item ? `${itemLabel(n.item)}${n.item.access === 'members' ? ', members only' : ''}` : 'No longer on the site'}</td>
                  <td className="py-3 pr-4"><NewsletterStatusBadge status={n.status} /></td>
                  <td className="py-3">{n.status === 'SCHEDULED' && n.scheduledFor ? `Goes ${utcDateTime(n.scheduledFor)}` : n.queuedAt ? `Sent ${utcDateTime(n.queuedAt)}` : `Drafted ${utcDateTime(n.createdAt)}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
