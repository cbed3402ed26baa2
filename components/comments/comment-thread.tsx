// A comment thread, rendered on the server so public threads are in the page's HTML. A
// render shows at most RENDER_BUDGET comments (lib/comments/thread-plan.ts); the list
// (comment-list.tsx) loads the rest in place.
import { plannedViews } from '@/lib/comments/comment-view';
import type { ThreadComment } from '@/lib/comments/store';
import type { CommentTarget } from '@/lib/comments/targets';
import { buildThreadTree, planThread } from '@/lib/comments/thread-plan';
import { CommentComposer, ThreadLockControl, type TargetProps } from './comment-controls';
import { CommentItems } from './comment-list';

/** What the client controls need of a target (its title and URL stay on the server). */
const targetProps = (target: CommentTarget): TargetProps => ({ kind: target.kind, slug: target.slug, membersOnly: target.membersOnly });

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
          <CommentItems items={plannedViews(plan.items)} more={plan.more} target={props} />
        </ol>
      )}
    </section>
  );
}
