'use client';
// The comments of a thread as nested lists: replies indent to four levels, deeper ones
// continue flat, saying whom they answer. Each comment is an article headed by who wrote
// it, inside nested lists, so a screen reader hears the structure. The server renders the
// first RENDER_BUDGET comments (lib/comments/thread-plan.ts); "Show more" fetches the next
// part (GET /api/comments) and renders it here, in place of the button.
import { useEffect, useState, type ReactNode } from 'react';
import { DisplayName } from '@/components/site/display-name';
import type { PlannedCommentView } from '@/lib/comments/comment-view';
import { MAX_INDENT, type MoreComments } from '@/lib/comments/thread-plan';
import type { ThreadPart } from '@/lib/comments/thread-parts';
import { CommentCard } from './comment-card';
import { CommentActions, type TargetProps } from './comment-controls';
import { fetchThreadPart } from './thread-api';

function CommentItem({ item, target }: { item: PlannedCommentView; target: TargetProps }) {
  const c = item.comment;
  const flat = item.level === MAX_INDENT - 1;
  return (
    <li id={`comment-${c.id}`} className="scroll-mt-24">
      <CommentCard
        item={item}
        actions={<CommentActions comment={{ id: c.id, authorId: c.authorId, authorName: c.authorName, body: c.body, createdAt: c.createdAt, status: c.status, pinned: c.pinned }} target={target} />}
      />
      {(item.replies.length > 0 || item.more) && (
        <ol aria-label={`Replies to ${c.authorName}`} className={`mt-3 space-y-3 ${flat ? '' : 'border-l-2 border-sand-200 pl-3 sm:pl-6'}`}>
          <CommentItems items={item.replies} more={item.more} target={target} parentName={c.authorName} />
        </ol>
      )}
    </li>
  );
}

/** A run of list items: comments, then a "Show more" button where the render stopped. */
export function CommentItems({ items, more, target, parentName }: { items: PlannedCommentView[]; more: MoreComments | null; target: TargetProps; parentName?: string | null }) {
  return (
    <>
      {items.map((item) => <CommentItem key={item.comment.id} item={item} target={target} />)}
      {more && <ShowMoreComments target={target} more={more} label={showMoreLabel(more, parentName)} />}
    </>
  );
}

function showMoreLabel(more: MoreComments, parentName: string | null | undefined): ReactNode {
  const noun = more.parentId ? (more.count === 1 ? 'reply' : 'replies') : more.count === 1 ? 'comment' : 'comments';
  const further = more.offset > 0 ? ' more' : '';
  return (
    <>
      Show {more.count}{further} {noun}
      {more.parentId && parentName ? <> to <DisplayName name={parentName} /></> : null}
    </>
  );
}

/**
 * "Show N more replies": loads the next part in place of the button and moves focus to
 * the first comment it brought, so keyboard and screen reader users carry on from there.
 */
function ShowMoreComments({ target, more, label }: { target: TargetProps; more: MoreComments; label: ReactNode }) {
  const [loaded, setLoaded] = useState<ThreadPart | null>(null);
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const firstId = loaded?.items[0]?.comment.id;
    if (firstId) document.querySelector<HTMLElement>(`#comment-${CSS.escape(firstId)} > article`)?.focus();
  }, [loaded]);

  if (loaded) return <CommentItems items={loaded.items} more={loaded.more} target={target} parentName={loaded.parentName} />;

  async function load() {
    if (pending) return;
    setPending(true);
    setFailed(false);
    try {
      const part = await fetchThreadPart(target, more.parentId, more.offset);
      if (part) setLoaded(part);
      else setFailed(true);
    } catch {
      setFailed(true);
    } finally {
      setPending(false);
    }
  }

  return (
    <li className="list-none">
      <button
        type="button"
        onClick={load}
        aria-busy={pending}
        className="rounded-full border border-slate-300 px-4 py-2 text-sm font-medium text-brand-800 hover:bg-sand-100"
      >
        {pending ? 'Loading…' : label}
      </button>
      {failed && <p role="alert" className="mt-2 text-sm text-coral-700">These comments could not be loaded. Check your connection and try again.</p>}
    </li>
  );
}
