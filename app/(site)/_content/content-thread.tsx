// The thread under an article or episode. A public thread is rendered into the page and
// cached with it (lib/comments/public-thread.ts). A members-only thread is rendered only
// for the viewer who may read it, in the per-viewer version of the page (proxy.ts sends
// signed-in readers there), so it never reaches the page everyone shares.
import { Suspense } from 'react';
import { CommentThread } from '@/components/comments/comment-thread';
import { MembersThreadPlaceholder } from '@/components/comments/members-thread-placeholder';
import { loadThread } from '@/lib/comments/store';
import { loadPublicThread } from '@/lib/comments/public-thread';
import { canRead, resolveTarget } from '@/lib/comments/targets';
import { getViewer } from '@/lib/viewer/viewer';

type Props = { kind: 'article' | 'episode'; slug: string; membersOnly: boolean; forViewer: boolean };

const loading = <p role="status" className="mt-14 text-sm text-slate-600">Loading questions and answers…</p>;

export function ContentThread({ kind, slug, membersOnly, forViewer }: Props) {
  if (membersOnly && !forViewer) return <MembersThreadPlaceholder />;
  return <Suspense fallback={loading}>{membersOnly ? <MembersThread kind={kind} slug={slug} /> : <PublicThread kind={kind} slug={slug} />}</Suspense>;
}

async function PublicThread({ kind, slug }: { kind: Props['kind']; slug: string }) {
  const thread = await loadPublicThread({ kind, slug });
  return thread && <CommentThread target={thread.target} comments={thread.comments} locked={thread.locked} />;
}

/** Per viewer: staff also see what they hid. */
async function MembersThread({ kind, slug }: { kind: Props['kind']; slug: string }) {
  const target = resolveTarget({ kind, slug });
  const viewer = await getViewer();
  if (!target || !canRead(target, viewer)) return <MembersThreadPlaceholder />;
  const { comments, locked } = await loadThread(target, { includeHidden: viewer.isStaff });
  return <CommentThread target={target} comments={comments} locked={locked} />;
}
