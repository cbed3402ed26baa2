// /staff/inbox – the coach inbox: member questions awaiting a coach (or all of them),
// reports and hidden comments, one line each, filtered, searched, ordered and paged by
// the address (lib/comments/inbox-query.ts).
import type { Metadata } from 'next';
import Link from 'next/link';
import { Pagination } from '@/components/content/pagination';
import { InboxFilters } from '@/components/staff/inbox-filters';
import { HiddenList, ReportList } from '@/components/staff/inbox-lists';
import { InboxQuestion } from '@/components/staff/inbox-question';
import { InboxStatus } from '@/components/staff/inbox-controls';
import { UrgentNotes } from '@/components/staff/urgent-notes';
import { requireCoach } from '@/lib/auth/guards';
import { loadHidden, loadInboxCounts, loadQuestions, loadReports } from '@/lib/comments/inbox';
import { INBOX_PAGE_SIZE, inboxHref, inboxQuerySchema, type InboxQuery } from '@/lib/comments/inbox-query';
import { resolveTarget, targetSchema } from '@/lib/comments/targets';
import { getPhases } from '@/lib/content/programme';
import { loadUrgentNotes } from '@/lib/triage/notes';

// Rendered for each request (it reads the session or the query), so it may block.
export const instant = false;

export const metadata: Metadata = { title: 'Coach inbox', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function targetOf(kind: string, slug: string) {
  const ref = targetSchema.safeParse({ kind, slug });
  return ref.success ? resolveTarget(ref.data) : null;
}

const HEADINGS = { awaiting: 'Awaiting a coach', all: 'All member questions', reports: 'Reports', hidden: 'Hidden comments' } as const;
const EMPTY = {
  awaiting: 'No questions are waiting. Well done.',
  all: 'No member questions yet.',
  reports: 'No open reports.',
  hidden: 'Nothing is hidden.',
} as const;

async function loadList(query: InboxQuery) {
  if (query.view === 'reports' && !query.question) return { kind: 'reports' as const, ...(await loadReports(query)) };
  if (query.view === 'hidden' && !query.question) return { kind: 'hidden' as const, ...(await loadHidden(query)) };
  return { kind: 'questions' as const, ...(await loadQuestions(query)) };
}

function summary(query: InboxQuery, total: number): string {
  if (query.question) return total ? 'The question from your email:' : 'That question was not found.';
  const filtered = query.q || query.kind || query.phase;
  if (total === 0) return filtered ? 'Nothing matches these filters.' : EMPTY[query.view];
  const noun = query.view === 'reports' ? 'report' : query.view === 'hidden' ? 'hidden comment' : 'question';
  const order = query.order === 'newest' ? 'newest first' : 'oldest first';
  return `${total} ${noun}${total === 1 ? '' : 's'}${filtered ? ' match' : ''}, ${order}.`;
}

export default async function InboxPage({ searchParams }: Props) {
  await requireCoach('/staff/inbox');
  const query = inboxQuerySchema.parse(await searchParams);
  const [counts, list, urgentNotes] = await Promise.all([loadInboxCounts(), loadList(query), loadUrgentNotes()]);
  const phases = getPhases().map((p) => ({ slug: p.slug, title: p.title }));
  const pageCount = Math.max(1, Math.ceil(list.total / INBOX_PAGE_SIZE));
  // eslint-disable-next-line react-hooks/purity -- a server render's own clock, for ages
  const now = Date.now();
  return (
    <div className="container-page max-w-4xl py-8 sm:py-12">
      <h1 className="text-3xl font-bold tracking-tight">Coach inbox</h1>
      <UrgentNotes notes={urgentNotes} now={now} />
      <InboxFilters query={query} counts={counts} phases={phases} />
      <InboxStatus>
        <section aria-labelledby="inbox-list-heading" className="mt-6">
          <h2 id="inbox-list-heading" className="text-xl font-bold tracking-tight">{query.question ? 'One question' : HEADINGS[query.view]}</h2>
          <p className="mt-1 text-sm text-slate-700">
            {summary(query, list.total)}{' '}
            {query.question && <Link className="text-brand-700 underline" href={inboxHref({})}>See every question awaiting a coach</Link>}
          </p>
          {list.kind === 'questions' && list.questions.length > 0 && (
            <ol className="mt-4 space-y-2" aria-label={query.question ? 'The question' : HEADINGS[query.view]}>
              {list.questions.map((q) => (
                <InboxQuestion key={q.id} question={q} target={targetOf(q.targetKind, q.targetSlug)} now={now} open={Boolean(query.question)} />
              ))}
            </ol>
          )}
          {list.kind === 'reports' && list.reports.length > 0 && <ReportList reports={list.reports} targetOf={targetOf} now={now} />}
          {list.kind === 'hidden' && list.hidden.length > 0 && <HiddenList hidden={list.hidden} targetOf={targetOf} now={now} />}
        </section>
      </InboxStatus>
      <Pagination
        page={Math.min(query.page, pageCount)}
        pageCount={pageCount}
        hrefFor={(page) => inboxHref({ ...query, page })}
        labels={query.order === 'newest' ? { previous: '← Newer', next: 'Older →' } : { previous: '← Older', next: 'Newer →' }}
      />
    </div>
  );
}
