'use server';
// A members-only thread, fetched after load: the page around it is the same prerendered
// HTML for everyone, so the thread only leaves the server after the access check.
import { CommentThread } from '@/components/comments/comment-thread';
import { loadThread } from './store';
import { canRead, resolveTarget, targetSchema } from './targets';
import { currentCommentViewer } from './viewer';

export async function loadMembersThread(kind: string, slug: string) {
  const ref = targetSchema.safeParse({ kind, slug });
  const target = ref.success ? resolveTarget(ref.data) : null;
  if (!target) return null;
  const { viewer } = await currentCommentViewer();
  if (!canRead(target, viewer)) return null;
  const { comments, locked } = await loadThread(target);
  return <CommentThread target={target} comments={comments} locked={locked} />;
}
