// A comment thread, rendered on the server so public threads are in the page's HTML.
// Replies indent to four levels; deeper ones continue flat, saying whom they answer.
// Each comment is an article headed by who wrote it and whom they reply to, inside
// nested lists, so a screen reader hears the structure.
import { renderCommentHtml } from '@/lib/comments/markdown';
import type { ThreadComment } from '@/lib/comments/store';
import type { CommentTarget } from '@/lib/comments/targets';
import { CommentActions, CommentComposer, ThreadLockControl } from './comment-controls';

const MAX_INDENT = 4;
const dateTime = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

interface Node {
  comment: ThreadComment;
  children: Node[];
}

function buildTree(comments: ThreadComment[]): Node[] {
  const nodes = new Map(comments.map((c) => [c.id, { comment: c, children: [] as Node[] }]));
  const roots: Node[] = [];
  for (const node of nodes.values()) {
    const parent = node.comment.parentId ? nodes.get(node.comment.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  // A pinned answer comes first among its siblings; otherwise oldest first.
  const order = (list: Node[]) => {
    list.sort((a, b) => Number(b.comment.pinned) - Number(a.comment.pinned) || a.comment.createdAt.getTime() - b.comment.createdAt.getTime());
    list.forEach((n) => order(n.children));
  };
  order(roots);
  return roots;
}

/** Everything below a node, oldest first, for the flat continuation past the indent limit. */
function descendants(node: Node): Node[] {
  return node.children.flatMap((c) => [c, ...descendants(c)]).sort((a, b) => a.comment.createdAt.getTime() - b.comment.createdAt.getTime());
}

function CommentItem({ node, level, names, target }: { node: Node; level: number; names: Map<string, string>; target: CommentTarget }) {
  const c = node.comment;
  const replyingTo = c.parentId ? names.get(c.parentId) : undefined;
  const flatContinuation = level >= MAX_INDENT - 1;
  const replies = flatContinuation ? descendants(node) : node.children;
  return (
    <li id={`comment-${c.id}`} className="scroll-mt-24">
      <article aria-labelledby={`comment-${c.id}-by`} className={`rounded-xl border p-4 ${c.byStaff ? 'border-brand-600/40 bg-brand-50/40' : 'border-sand-200'} ${c.status === 'HIDDEN' ? 'opacity-70' : ''}`}>
        <header className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
          <h3 id={`comment-${c.id}-by`} className="text-sm font-semibold">
            {c.authorName}
            {c.byStaff && <span className="ml-2 rounded-full bg-brand-700 px-2 py-0.5 text-xs font-medium text-white">Coach</span>}
            {replyingTo && <span className={level >= MAX_INDENT ? 'ml-1 font-normal text-slate-600' : 'sr-only'}>, replying to {replyingTo}</span>}
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
        {c.status !== 'DELETED' && (
          <CommentActions
            comment={{ id: c.id, authorId: c.authorId, authorName: c.authorName, body: c.body, createdAt: c.createdAt.toISOString(), status: c.status, pinned: c.pinned }}
            target={{ kind: target.kind, slug: target.slug, membersOnly: target.membersOnly }}
          />
        )}
      </article>
      {replies.length > 0 && (
        <ol aria-label={`Replies to ${c.authorName}`} className={`mt-3 space-y-3 ${flatContinuation ? '' : 'border-l-2 border-sand-200 pl-3 sm:pl-6'}`}>
          {replies.map((r) => (
            <CommentItem key={r.comment.id} node={flatContinuation ? { comment: r.comment, children: [] } : r} level={flatContinuation ? MAX_INDENT : level + 1} names={names} target={target} />
          ))}
        </ol>
      )}
    </li>
  );
}

export function CommentThread({ target, comments, locked }: { target: CommentTarget; comments: ThreadComment[]; locked: boolean }) {
  const roots = buildTree(comments);
  const names = new Map(comments.map((c) => [c.id, c.authorName]));
  const count = comments.filter((c) => c.status === 'PUBLISHED').length;
  return (
    <section aria-labelledby="comments-heading" id="comments" className="mt-14 scroll-mt-24">
      <h2 id="comments-heading" className="text-2xl font-bold tracking-tight">Questions and answers <span className="text-base font-normal text-slate-600">({count})</span></h2>
      <p className="mt-1 text-sm text-slate-700">Ask the coaches about anything here. Members’ questions are answered by Maya and Tom themselves.</p>
      <ThreadLockControl target={{ kind: target.kind, slug: target.slug }} locked={locked} />
      {locked ? (
        <p className="mt-4 rounded-lg bg-sand-100 px-4 py-3 text-sm">This thread is locked: it takes no new comments.</p>
      ) : (
        <CommentComposer target={{ kind: target.kind, slug: target.slug, membersOnly: target.membersOnly }} returnTo={`${target.url}#comments`} />
      )}
      {roots.length === 0 ? (
        <p className="mt-6 text-sm text-slate-600">No questions yet.</p>
      ) : (
        <ol aria-label="Comments" className="mt-6 space-y-4">
          {roots.map((node) => <CommentItem key={node.comment.id} node={node} level={0} names={names} target={target} />)}
        </ol>
      )}
    </section>
  );
}
