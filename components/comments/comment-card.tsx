// One comment's card: who wrote it (and whom it answers), when, and its body, whose HTML
// the server made safe (lib/comments/comment-view.ts). Plain markup, for the server's
// render of a thread and the browser's ("Show more", the author's just-posted copy);
// the controls come in through `actions`.
import type { ReactNode } from 'react';
import { DisplayName } from '@/components/site/display-name';
import { CommentAvatar } from './comment-avatar';
import type { PlannedCommentView } from '@/lib/comments/comment-view';
import { MAX_INDENT } from '@/lib/comments/thread-plan';

const dateTime = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

/**
 * `copy`: the author's own just-posted comment shown beside the composer when the
 * thread's first render does not reach it (no id, so the real one wins).
 */
export function CommentCard({ item, copy = false, actions }: { item: PlannedCommentView; copy?: boolean; actions?: ReactNode }) {
  const c = item.comment;
  const headingId = copy ? `posted-${c.id}-by` : `comment-${c.id}-by`;
  return (
    <article aria-labelledby={headingId} tabIndex={-1} data-posted-copy={copy ? c.id : undefined} className={`rounded-xl border p-4 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 ${c.byStaff ? 'border-brand-600/40 bg-brand-50/40' : 'border-sand-200'} ${c.status === 'HIDDEN' ? 'border-dashed bg-sand-50' : ''}`}>
      <div className="flex items-center gap-3">
      {c.status !== 'DELETED' && <CommentAvatar name={c.authorName} image={c.authorImage} />}
      <header className="flex min-w-0 flex-1 flex-wrap items-baseline gap-x-2 gap-y-1">
        <h3 id={headingId} className="text-sm font-semibold">
          <DisplayName name={c.authorName} />
          {c.byStaff && <span className="ml-2 inline-block whitespace-nowrap rounded-full bg-brand-700 px-2 py-0.5 text-xs font-medium text-white">Coach</span>}
          {item.replyingTo && <span className={item.level >= MAX_INDENT || copy ? 'ml-1 font-normal text-slate-600' : 'sr-only'}>, replying to <DisplayName name={item.replyingTo} /></span>}
        </h3>
        <time dateTime={c.createdAt} className="text-xs text-slate-600">{dateTime.format(new Date(c.createdAt))}</time>
        {c.editedAt && c.status !== 'DELETED' && <span className="text-xs text-slate-600">(edited)</span>}
        {c.pinned && <span className="text-xs font-medium text-brand-800">Pinned answer</span>}
        {c.status === 'HIDDEN' && <span className="text-xs font-medium text-coral-700">Hidden from members</span>}
      </header>
      </div>
      {c.status === 'DELETED' ? (
        <p className="mt-2 text-sm italic text-slate-600">[deleted]</p>
      ) : (
        <div className="comment-body prose prose-sm prose-slate mt-2 max-w-none prose-a:text-brand-700" dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />
      )}
      {c.awaitingCoach && c.status === 'PUBLISHED' && (
        <p className={`mt-2 text-xs font-medium ${c.answered ? 'text-brand-800' : 'text-amber-800'}`} data-testid="answer-state">{c.answered ? 'Answered by a coach' : 'Awaiting a coach'}</p>
      )}
      {c.status !== 'DELETED' && !copy && actions}
    </article>
  );
}
