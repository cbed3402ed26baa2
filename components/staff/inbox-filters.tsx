// The inbox's lists (with their counts) and its filters: a plain GET form, so filtering
// works without JavaScript and every filtered view has an address a coach can share.
import Link from 'next/link';
import type { InboxCounts } from '@/lib/comments/inbox';
import { inboxHref, type InboxQuery, type InboxView } from '@/lib/comments/inbox-query';

const TABS: { view: InboxView; label: string; count: keyof InboxCounts }[] = [
  { view: 'awaiting', label: 'Awaiting', count: 'awaiting' },
  { view: 'all', label: 'All questions', count: 'all' },
  { view: 'reports', label: 'Reports', count: 'reports' },
  { view: 'hidden', label: 'Hidden', count: 'hidden' },
];

const field = 'w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm';

export function InboxFilters({ query, counts, phases }: { query: InboxQuery; counts: InboxCounts; phases: { slug: string; title: string }[] }) {
  const filtered = Boolean(query.q || query.kind || query.phase || query.order !== 'oldest');
  return (
    <>
      <nav aria-label="Inbox lists" className="mt-6 -mx-1 flex flex-wrap gap-1">
        {TABS.map((tab) => {
          const current = query.view === tab.view && !query.question;
          return (
            <Link
              key={tab.view}
              href={inboxHref({ ...query, view: tab.view, page: 1, question: undefined })}
              aria-current={current ? 'page' : undefined}
              className={`rounded-full px-3 py-1.5 text-sm font-medium ${current ? 'bg-brand-700 text-white' : 'text-slate-700 hover:bg-sand-100'}`}
            >
              {tab.label} <span className={current ? 'text-white' : 'text-slate-600'}>({counts[tab.count]})</span>
            </Link>
          );
        })}
      </nav>
      <form method="get" action="/staff/inbox" role="search" aria-label="Filter the inbox" className="mt-4 grid grid-cols-2 items-end gap-3 rounded-xl bg-sand-50 p-4 lg:grid-cols-[2fr_1fr_1fr_1fr_auto]">
        {query.view !== 'awaiting' && <input type="hidden" name="view" value={query.view} />}
        <div className="col-span-2 lg:col-span-1">
          <label htmlFor="inbox-q" className="block text-sm font-medium">Search</label>
          <input id="inbox-q" name="q" type="search" defaultValue={query.q ?? ''} maxLength={100} placeholder="Words, member name or email" className={field} />
        </div>
        <div>
          <label htmlFor="inbox-kind" className="block text-sm font-medium">Where</label>
          <select id="inbox-kind" name="kind" defaultValue={query.kind ?? ''} className={field}>
            <option value="">Everywhere</option>
            <option value="article">Articles</option>
            <option value="episode">Podcast episodes</option>
            <option value="phase">Programme phases</option>
          </select>
        </div>
        <div>
          <label htmlFor="inbox-phase" className="block text-sm font-medium">Phase</label>
          <select id="inbox-phase" name="phase" defaultValue={query.phase ?? ''} className={field}>
            <option value="">Any phase</option>
            {phases.map((p) => <option key={p.slug} value={p.slug}>{p.title}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="inbox-order" className="block text-sm font-medium">Order</label>
          <select id="inbox-order" name="order" defaultValue={query.order} className={field}>
            <option value="oldest">Oldest first</option>
            <option value="newest">Newest first</option>
          </select>
        </div>
        <div className="flex items-center gap-3">
          <button type="submit" className="rounded-full bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">Apply</button>
          {filtered && <Link href={inboxHref({ view: query.view })} className="text-sm text-brand-700 underline">Clear</Link>}
        </div>
      </form>
    </>
  );
}
