// What a comment thread hangs under, and who may read and post there.
import 'server-only';
import { z } from 'zod';
import { getArticle } from '@/lib/content/articles';
import { getEpisode } from '@/lib/podcast/episodes';
import { getPhase } from '@/lib/content/programme';
import type { Viewer } from '@/lib/viewer/types';

export const targetSchema = z.object({
  kind: z.enum(['article', 'episode', 'phase']),
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(120),
});
export type TargetRef = z.infer<typeof targetSchema>;

export interface CommentTarget extends TargetRef {
  title: string;
  url: string;
  /** Members-only content and programme phases: entitled members and staff only. */
  membersOnly: boolean;
}

export function resolveTarget(ref: TargetRef): CommentTarget | null {
  if (ref.kind === 'article') {
    const a = getArticle(ref.slug);
    return a ? { ...ref, title: a.title, url: a.url, membersOnly: a.access === 'members' } : null;
  }
  if (ref.kind === 'episode') {
    const e = getEpisode(ref.slug);
    return e ? { ...ref, title: e.title, url: e.url, membersOnly: e.access === 'members' } : null;
  }
  const p = getPhase(ref.slug);
  return p ? { ...ref, title: p.title, url: p.url, membersOnly: true } : null;
}

/** Public threads: everyone reads. Members-only: the entitled (staff count as entitled). */
export function canRead(target: CommentTarget, viewer: Pick<Viewer, 'entitled'>): boolean {
  return !target.membersOnly || viewer.entitled;
}

/** Public threads: any signed-in person. Members-only: entitled members and staff. */
export function canPost(target: CommentTarget, viewer: Pick<Viewer, 'user' | 'entitled'>): boolean {
  return viewer.user !== null && canRead(target, viewer);
}
