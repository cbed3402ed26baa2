'use server';
// Thread parts rendered on request, each after its own access check: a members-only
// thread (the page around it is the same prerendered HTML for everyone, so the thread
// only leaves the server after the check), the next part of a long thread ("Show
// more"), and an author's just-posted comment when the thread's first render stops
// before it.
import { z } from 'zod';
import { CommentCard, CommentItems, CommentThread } from '@/components/comments/comment-thread';
import { loadThread } from './store';
import { canRead, resolveTarget, targetSchema, type CommentTarget } from './targets';
import { buildThreadTree, planMore } from './thread-plan';
import { currentCommentViewer } from './viewer';

const commentId = z.string().min(1).max(64);

/**
 * The target and whether hidden comments are shown, or null when the viewer may not read
 * it. Public threads are one shared page, so they never include hidden comments; members
 * threads are rendered per viewer and show staff what they hid.
 */
async function readableThread(kind: unknown, slug: unknown): Promise<{ target: CommentTarget; includeHidden: boolean } | null> {
  const ref = targetSchema.safeParse({ kind, slug });
  const target = ref.success ? resolveTarget(ref.data) : null;
  if (!target) return null;
  if (!target.membersOnly) return { target, includeHidden: false };
  const { viewer } = await currentCommentViewer();
  return canRead(target, viewer) ? { target, includeHidden: viewer.isStaff } : null;
}

export async function loadMembersThread(kind: string, slug: string) {
  const thread = await readableThread(kind, slug);
  if (!thread || !thread.target.membersOnly) return null;
  const { comments, locked } = await loadThread(thread.target, { includeHidden: thread.includeHidden });
  return <CommentThread target={thread.target} comments={comments} locked={locked} />;
}

/** "Show more": the next part of one reply list (or of the top level), as list items. */
export async function loadMoreComments(kind: string, slug: string, parentId: string | null, offset: number) {
  const input = z.object({ parentId: commentId.nullable(), offset: z.number().int().min(0).max(1_000_000) }).safeParse({ parentId, offset });
  if (!input.success) return null;
  const thread = await readableThread(kind, slug);
  if (!thread) return null;
  const { comments } = await loadThread(thread.target, { includeHidden: thread.includeHidden });
  const tree = buildThreadTree(comments);
  const part = planMore(tree, input.data.parentId, input.data.offset);
  if (!part) return null;
  const parentName = input.data.parentId ? tree.names.get(input.data.parentId) : undefined;
  const target = { kind: thread.target.kind, slug: thread.target.slug, membersOnly: thread.target.membersOnly };
  return {
    firstId: part.items[0]?.comment.id ?? null,
    items: <CommentItems items={part.items} more={part.more} target={target} parentName={parentName} />,
  };
}

/** One comment, for its author right after posting when the thread's first render does not show it. */
export async function loadPostedComment(kind: string, slug: string, id: string) {
  const input = commentId.safeParse(id);
  if (!input.success) return null;
  const thread = await readableThread(kind, slug);
  if (!thread) return null;
  const { comments } = await loadThread(thread.target, { includeHidden: thread.includeHidden });
  const comment = comments.find((c) => c.id === input.data);
  if (!comment || comment.status === 'DELETED') return null;
  const replyingTo = comment.parentId ? comments.find((c) => c.id === comment.parentId)?.authorName : undefined;
  const target = { kind: thread.target.kind, slug: thread.target.slug, membersOnly: thread.target.membersOnly };
  return <CommentCard item={{ comment, level: 0, replyingTo, replies: [], more: null }} target={target} copy />;
}
