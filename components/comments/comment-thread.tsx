// A comment thread, rendered on the server so public threads are in the page's HTML.
// Replies indent to four levels; deeper ones continue flat, saying whom they answer.
// Each comment is an article headed by who wrote it and whom they reply to, inside
// nested lists, so a screen reader hears the structure. A render shows at most
// RENDER_BUDGET comments (lib/comments/thread-plan.ts); "Show more" buttons load the rest.
import type { ReactNode } from 'react';
import { renderCommentHtml } from '@/lib/comments/markdown';
import type { ThreadComment } from '@/lib/comments/store';
import type { CommentTarget } from '@/lib/comments/targets';
import { buildThreadTree, MAX_INDENT, planThread, type MoreComments, type PlannedComment } from '@/lib/comments/thread-plan';
import { CommentActions, CommentComposer, ThreadLockControl, type TargetProps } from './comment-controls';
import { DisplayName } from '@/components/site/display-name';
import { ShowMoreComments } from './show-more-comments';

const dateTime = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

/** What the client controls need of a target (its title and URL stay on the server). */
export const targetProps = (target: CommentTarget): TargetProps => ({ kind: target.kind, slug: target.slug, membersOnly: target.membersOnly });

/**
 * One comment's card. `copy`: the author's own just-posted comment shown beside the
 * composer when the thread's first render does not reach it (no id, so the real one wins).
 */
export function CommentCard({ item, target, copy = false }: { item: PlannedComment; target: TargetProps; copy?: boolean }) {
  const c = item.comment;
  const headingId = copy ? `posted-${c.id}-by` : `comment-${c.id}-by`;
  return (
    <article aria-labelledby={headingId} tabIndex={-1} data-posted-copy={copy ? c.id : undefined} className={`rounded-xl border p-4 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 ${c.byStaff ? 'border-brand-600/40 bg-brand-50/40' : 'border-sand-200'} ${c.status === 'HIDDEN' ? 'opacity-70' : ''}`}>
      <header className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
        <h3 id={headingId} className="text-sm font-semibold">
          <DisplayName name={c.authorName} />
          {c.byStaff && <span className="ml-2 rounded-full bg-brand-700 px-2 py-0.5 text-xs font-medium text-white">Coach</span>}
          {item.replyingTo && <span className={item.level >= MAX_INDENT || copy ? 'ml-1 font-normal text-slate-600' : 'sr-only'}>, replying to <DisplayName name={item.replyingTo} /></span>}
        </h3>
        <time dateTime={c.createdAt.toISOString()} className="text-xs text-slate-600">{dateTime.format(c.createdAt)}</time>
        {c.editedAt && c.status !== 'DELETED' && <span className="text-xs text-slate-600">(edited)</span>}
        {c.pinned && <span className="text-xs font-medium text-brand-800">Pinned answer</span>}
        {c.status === 'HIDDEN' && <span className="text-xs font-medium text-coral-700">Hidden from members</span>}
      </header>
      {c.status === 'DELETED' ? (
        <p className="mt-2 text-sm italic text-slate-600">[deleted]</p>
      ) : (
        <div className="comment-body prose prose-sm prose-slate mt-2 max-w-none prose-a:text-brand-700" dangerouslySetInnerHTML={{ __html: renderCommentHtml(c.body) }} />
      )}
      {c.awaitingCoach && c.status === 'PUBLISHED' && (
        <p className={`mt-2 text-xs font-medium ${c.answered ? 'text-brand-800' : 'text-amber-800'}`} data-testid="answer-state">{c.answered ? 'Answered by a coach' : 'Awaiting a coach'}</p>
      )}
      {c.status !== 'DELETED' && !copy && (
        <CommentActions
          comment={{ id: c.id, authorId: c.authorId, authorName: c.authorName, body: c.body, createdAt: c.createdAt.toISOString(), status: c.status, pinned: c.pinned }}
          target={target}
        />
      )}
    </article>
  );
}

function CommentItem({ item, target }: { item: PlannedComment; target: TargetProps }) {
  const c = item.comment;
  const flat = item.level === MAX_INDENT - 1;
  return (
    <li id={`comment-${c.id}`} className="scroll-mt-24">
      <CommentCard item={item} target={target} />
      {(item.replies.length > 0 || item.more) && (
        <ol aria-label={`Replies to ${c.authorName}`} className={`mt-3 space-y-3 ${flat ? '' : 'border-l-2 border-sand-200 pl-3 sm:pl-6'}`}>
          <CommentItems items={item.replies} more={item.more} target={target} parentName={c.authorName} />
        </ol>
      )}
    </li>
  );
}

/** A run of list items: comments, then a "Show more" button where the render stopped. */
export function CommentItems({ items, more, target, parentName }: { items: PlannedComment[]; more: MoreComments | null; target: TargetProps; parentName?: string }) {
  return (
    <>
      {items.map((item) => <CommentItem key={item.comment.id} item={item} target={target} />)}
      {more && <ShowMoreComments target={{ kind: target.kind, slug: target.slug }} more={more} label={showMoreLabel(more, parentName)} />}
    </>
  );
}

function showMoreLabel(more: MoreComments, parentName: string | undefined): ReactNode {
  const noun = more.parentId ? (more.count === 1 ? 'reply' : 'replies') : more.count === 1 ? 'comment' : 'comments';
  const further = more.offset > 0 ? ' more' : '';
  return (
    <>
      Show {more.count}{further} {noun}
      {more.parentId && parentName ? <> to <DisplayName name={parentName} /></> : null}
    </>
  );
}

export function CommentThread({ target, comments, locked }: { target: CommentTarget; comments: ThreadComment[]; locked: boolean }) {
  const plan = planThread(buildThreadTree(comments));
  const count = comments.filter((c) => c.status === 'PUBLISHED').length;
  const props = targetProps(target);
  return (
    <section aria-labelledby="comments-heading" id="comments" className="mt-14 scroll-mt-24">
      <h2 id="comments-heading" className="text-2xl font-bold tracking-tight">Questions and answers <span className="text-base font-normal text-slate-600">({count})</span></h2>
      <p className="mt-1 text-sm text-slate-700">Ask the coaches about anything here. Members’ questions are answered by Maya and Tom themselves.</p>
      <ThreadLockControl target={{ kind: target.kind, slug: target.slug }} locked={locked} />
      {locked ? (
        <p className="mt-4 rounded-lg bg-sand-100 px-4 py-3 text-sm">This thread is locked: it takes no new comments.</p>
      ) : (
        <CommentComposer target={props} returnTo={`${target.url}#comments`} />
      )}
      {plan.items.length === 0 ? (
        <p className="mt-6 text-sm text-slate-600">No questions yet.</p>
      ) : (
        <ol aria-label="Comments" className="mt-6 space-y-4">
          <CommentItems items={plan.items} more={plan.more} target={props} />
        </ol>
      )}
    </section>
  );
}
