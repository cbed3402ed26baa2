// The browser's side of GET /api/comments (lib/comments/thread-parts.ts).
import type { PostedComment, ThreadPart } from '@/lib/comments/thread-parts';

type Target = { kind: string; slug: string };

async function get<T>(params: Record<string, string>): Promise<T | null> {
  const response = await fetch(`/api/comments?${new URLSearchParams(params)}`, { headers: { Accept: 'application/json' } });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`GET /api/comments answered ${response.status}`);
  return (await response.json()) as T;
}

/** The next part of one reply list (parentId null: the top level); null when it is gone. */
export function fetchThreadPart(target: Target, parentId: string | null, offset: number): Promise<ThreadPart | null> {
  return get<ThreadPart>({ kind: target.kind, slug: target.slug, parent: parentId ?? '', offset: String(offset) });
}

/** One comment of the thread; null when it is not there (deleted, hidden, unknown). */
export function fetchPostedComment(target: Target, id: string): Promise<PostedComment | null> {
  return get<PostedComment>({ kind: target.kind, slug: target.slug, id });
}
