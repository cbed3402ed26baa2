// The thread under an article or episode. Public threads are rendered into the page
// (cached with it, refreshed when someone comments); members-only threads are fetched
// after load by entitled members, so they never reach the shared HTML.
import { loadThread } from '@/lib/comments/store';
import { resolveTarget } from '@/lib/comments/targets';
import { loadMembersThread } from '@/lib/comments/thread-loader';
import { CommentThread } from './comment-thread';
import { MembersThread } from './members-thread';

export async function ContentThread({ kind, slug, membersOnly }: { kind: 'article' | 'episode'; slug: string; membersOnly: boolean }) {
  if (membersOnly) return <MembersThread load={loadMembersThread.bind(null, kind, slug)} />;
  const target = resolveTarget({ kind, slug });
  if (!target) return null;
  const { comments, locked } = await loadThread(target);
  return <CommentThread target={target} comments={comments} locked={locked} />;
}
