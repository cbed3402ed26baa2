// GET /api/comments: the parts of a thread a page asks for after it has loaded, read
// through a plain request (reads do not travel through server actions):
//   ?kind&slug&parent&offset   the next part of one reply list, or of the top level
//                              (parent empty), for "Show more";
//   ?kind&slug&id              one comment, for its author right after posting when the
//                              thread's first render stops before it.
// Each after the same access check as the page: a members-only thread answers only an
// entitled viewer, and everyone else gets the 404 an unknown thread gets.
import 'server-only';
import { z } from 'zod';
import { clientIpOf } from '@/lib/auth/client-address';
import type { PrismaClient } from '@/lib/db/generated/client';
import { consumeRateLimit } from '@/lib/rate-limit/rate-limit';
import { rateLimits } from '@/lib/rate-limit/rules';
import { getViewer } from '@/lib/viewer/viewer';
import { commentView, plannedViews, type CommentView, type PlannedCommentView } from './comment-view';
import { loadThread } from './store';
import { canRead, resolveTarget, targetSchema } from './targets';
import { buildThreadTree, planMore, type MoreComments } from './thread-plan';

export interface ThreadPart {
  items: PlannedCommentView[];
  more: MoreComments | null;
  /** The author whose replies these are (for the next "Show more" label). */
  parentName: string | null;
}

export interface PostedComment {
  comment: CommentView;
  replyingTo: string | null;
}

const commentId = z.string().min(1).max(64);
const query = z.union([
  targetSchema.extend({ id: commentId }).strict(),
  targetSchema.extend({ parent: z.union([z.literal(''), commentId]), offset: z.coerce.number().int().min(0).max(1_000_000) }).strict(),
]);

type Options = { db?: PrismaClient };

const json = (status: number, body: unknown, extra: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex', ...extra } });
const notFound = () => json(404, { error: 'No such thread or comment.' });

export async function serveThreadPart(request: Request, options: Options = {}): Promise<Response> {
  const limit = await consumeRateLimit(rateLimits.threadPartsPerIp, clientIpOf(request), options);
  if (!limit.allowed) return json(429, { error: 'Too many requests. Try again later.' }, { 'Retry-After': String(limit.retryAfterSeconds) });
  const input = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!input.success) return json(400, { error: 'Bad thread request.' });
  const target = resolveTarget({ kind: input.data.kind, slug: input.data.slug });
  if (!target) return notFound();
  // Public threads are the same for everyone (hidden comments never included); a
  // members-only one is per viewer, and shows staff what they hid, as its page does.
  let includeHidden = false;
  if (target.membersOnly) {
    const viewer = await getViewer();
    if (!canRead(target, viewer)) return notFound();
    includeHidden = viewer.isStaff;
  }
  const { comments } = await loadThread(target, { db: options.db, includeHidden });

  if ('id' in input.data) {
    const comment = comments.find((c) => c.id === (input.data as { id: string }).id);
    if (!comment || comment.status === 'DELETED') return notFound();
    const replyingTo = comment.parentId ? (comments.find((c) => c.id === comment.parentId)?.authorName ?? null) : null;
    return json(200, { comment: commentView(comment), replyingTo } satisfies PostedComment);
  }
  const tree = buildThreadTree(comments);
  const parentId = input.data.parent || null;
  const part = planMore(tree, parentId, input.data.offset);
  if (!part) return notFound();
  return json(200, { items: plannedViews(part.items), more: part.more, parentName: parentId ? (tree.names.get(parentId) ?? null) : null } satisfies ThreadPart);
}
