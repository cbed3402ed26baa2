// A public thread as everyone sees it, cached ('use cache') with the page that shows it.
// Tagged with the thread and with every author in it, so a new comment, a moderation
// step, or an author renaming or deleting their account refreshes it (lib/cache/tags.ts).
import { cacheLife, cacheTag } from 'next/cache';
import { memberTag, threadTag } from '@/lib/cache/tags';
import { loadThread } from './store';
import { resolveTarget, type TargetRef } from './targets';

export async function loadPublicThread(ref: TargetRef) {
  'use cache';
  const target = resolveTarget(ref);
  // Members-only threads are per viewer: never in a shared cache.
  if (!target || target.membersOnly) return null;
  const thread = await loadThread(target);
  const authors = new Set(thread.comments.flatMap((c) => (c.authorId ? [c.authorId] : [])));
  cacheTag(threadTag(target.kind, target.slug), ...[...authors].map(memberTag));
  // Tags refresh it on every change; the hour is only a backstop.
  cacheLife('hours');
  return { target, ...thread };
}
