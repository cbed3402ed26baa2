'use server';
// Thread parts rendered on request, each after its own access check: the next part of a
// long thread ("Show more"), and an author's just-posted comment when the thread's first
// render stops before it. Still server actions that only read (issue 15 wants reads out
// of actions; these two are what is left).
import { z } from 'zod';
import { CommentCard, CommentItems, targetProps } from '@/components/comments/comment-thread';
import { loadThread } from './store';
import { canRead, resolveTarget, targetSchema } from './targets';
import { buildThreadTree, planMore } from './thread-plan';
import { getViewer } from '@/lib/viewer/viewer';

const commentId = z.string().min(1).max(64);

/**
 * A thread's comments, or null when the viewer may not read it. Public threads are one
 * shared page, so they never include hidden comments; members threads are rendered per
 * viewer and show staff what they hid.
 */
async function readThread(kind: unknown, slug: unknown) {
  const ref = targetSchema.safeParse({ kind, slug });
  const target = ref.success ? resolveTarget(ref.data) : null;
  if (!target) return null;
  let includeHidden = false;
  if (target.membersOnly) {
    const viewer = await getViewer();
    if (!canRead(target, viewer)) return null;
    includeHidden = viewer.isStaff;
  }
  return { target, ...(await loadThread(target, { includeHidden })) };
}

/** "Show more": the next part of one reply list (or of the top level), as list items. */
export async function loadMoreComments(kind: string, slug: string, parentId: string | null, offset: number) {
  const input = z.object({ parentId: commentId.nullable(), offset: z.number().int().min(0).max(1_000_000) }).safeParse({ parentId, offset });
  if (!input.success) return null;
  const thread = await readThread(kind, slug);
  if (!thread) return null;
  const tree = buildThreadTree(thread.comments);
  const part = planMore(tree, input.data.parentId, input.data.offset);
  if (!part) return null;
  const parentName = input.data.parentId ? tree.names.get(input.data.parentId) : undefined;
  return {
    firstId: part.items[0]?.comment.id ?? null,
    items: <CommentItems items={part.items} more={part.more} target={targetProps(thread.target)} parentName={parentName} />,
  };
}

/** One comment, for its author right after posting when the thread's first render does not show it. */
export async function loadPostedComment(kind: string, slug: string, id: string) {
  const input = commentId.safeParse(id);
  if (!input.success) return null;
  const thread = await readThread(kind, slug);
  const comment = thread?.comments.find((c) => c.id === input.data);
  if (!thread || !comment || comment.status === 'DELETED') return null;
  const replyingTo = comment.parentId ? thread.comments.find((c) => c.id === comment.parentId)?.authorName : undefined;
  return <CommentCard item={{ comment, level: 0, replyingTo, replies: [], more: null }} target={targetProps(thread.target)} copy />;
}
