// One member question in the coach inbox: a single line (member, where, how long ago,
// first words) that opens, without JavaScript, to the conversation above it, the
// question itself, the reply box and "No reply needed".
import Link from 'next/link';
import { DisplayName } from '@/components/site/display-name';
import { cleanDisplayName } from '@/lib/auth/display-name';
import type { InboxQuestion as Question } from '@/lib/comments/inbox';
import { commentPlainText, renderCommentHtml } from '@/lib/comments/markdown';
import { formatAge } from '@/lib/comments/notifications';
import type { CommentTarget } from '@/lib/comments/targets';
import { findRedFlags } from '@/lib/triage/red-flags';
import { InboxReply, NoReplyNeeded, ReopenButton } from './inbox-controls';

function stateOf(q: Question): { label: string; className: string } {
  if (q.answeredAt) return { label: 'Answered', className: 'bg-brand-50 text-brand-800' };
  if (q.closedAt) return { label: 'No reply needed', className: 'bg-sand-100 text-slate-700' };
  return { label: 'Awaiting', className: 'bg-amber-50 text-amber-800' };
}

export function InboxQuestion({ question: q, target, now, open }: { question: Question; target: CommentTarget | null; now: number; open: boolean }) {
  const name = cleanDisplayName(q.author?.name) || 'Former member';
  const state = stateOf(q);
  const awaiting = !q.answeredAt && !q.closedAt;
  const redFlags = q.redFlag ? findRedFlags(q.body) : [];
  return (
    <li id={`comment-${q.id}`} className={`rounded-xl border bg-white ${q.redFlag ? 'border-red-600 border-l-8' : 'border-sand-200'}`} data-testid="inbox-question" data-urgent={q.redFlag || undefined}>
      <details open={open} className="group">
        <summary className="flex cursor-pointer list-none flex-col gap-1 rounded-xl px-4 py-3 hover:bg-sand-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-600 sm:flex-row sm:items-baseline sm:gap-3 [&::-webkit-details-marker]:hidden">
          <span className="flex min-w-0 flex-wrap items-baseline gap-x-2 gap-y-1">
            <span aria-hidden="true" className="text-slate-500 transition-transform group-open:rotate-90">›</span>
            <span className="font-semibold"><bdi>{name}</bdi></span>
            <span className="shrink-0 text-xs text-slate-600">{formatAge(now - q.createdAt.getTime())}</span>
            <span className={`shrink-0 rounded-full px-2 py-0.5 text-xs font-medium ${state.className}`}>{state.label}</span>
            {q.redFlag && <span className="shrink-0 rounded-full bg-red-700 px-2 py-0.5 text-xs font-semibold text-white">Urgent: possible red flag</span>}
          </span>
          <span className="min-w-0 flex-1 truncate text-sm text-slate-700">
            <span className="text-slate-600">{target?.title ?? 'A page that no longer exists'}:</span> {commentPlainText(q.body, 120)}
          </span>
        </summary>
        <div className="border-t border-sand-200 px-4 pb-4 pt-3">
          {q.redFlag && (
            <div className="mb-3 rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900">
              <p className="font-semibold">This may be a red flag. The member was told at once to seek urgent care (NHS 111, or 999).</p>
              {redFlags.length > 0 && (
                <ul className="mt-1 list-disc pl-5">
                  {redFlags.map((flag) => (
                    <li key={flag.sign}>
                      {flag.label}: “{flag.phrase}”
                    </li>
                  ))}
                </ul>
              )}
              <p className="mt-1">Check in with them directly today, not only in the thread.</p>
            </div>
          )}
          <p className="text-sm text-slate-700">
            {q.parentId ? 'A follow-up' : 'A question'} on{' '}
            {target ? <Link className="text-brand-700 underline" href={`${target.url}#comment-${q.id}`}>{target.title}</Link> : 'a page that no longer exists'}
            {q.author && <> · <Link className="text-brand-700 underline" href={`/staff/members/${q.author.id}/progress`}>Programme progress<span className="sr-only"> of {name}</span></Link></>}
          </p>
          {q.above.length > 0 && (
            <ol className="mt-3 space-y-2 border-l-4 border-sand-200 pl-3 text-sm text-slate-600" aria-label="Earlier in this conversation">
              {q.above.map((c) => (
                <li key={c.id}>
                  <span className="font-medium"><DisplayName name={c.author?.name} fallback="Former member" />{c.byStaff ? ' (coach)' : ''}:</span> {commentPlainText(c.body, 400)}
                </li>
              ))}
            </ol>
          )}
          <div className="comment-body prose prose-sm prose-slate mt-3 max-w-none" dangerouslySetInnerHTML={{ __html: renderCommentHtml(q.body) }} />
          {q.closedAt && !q.answeredAt && (
            <p className="mt-2 text-sm text-slate-700">
              Marked as no reply needed{q.closedBy ? <> by <DisplayName name={q.closedBy.name} fallback="a coach" /></> : ''}. <ReopenButton commentId={q.id} label="Put it back in the inbox" />
            </p>
          )}
          {target && awaiting && (
            <div className="mt-2 space-y-3">
              <InboxReply target={{ kind: target.kind, slug: target.slug }} commentId={q.id} authorName={name} threadUrl={target.url} />
              <NoReplyNeeded commentId={q.id} authorName={name} />
            </div>
          )}
        </div>
      </details>
    </li>
  );
}
