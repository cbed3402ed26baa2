// The one gating function for content: every channel (pages, feeds, search, sitemap,
// OG images, media) asks here what a viewer may see. Pure rules over the viewer that
// lib/viewer/viewer.ts reads once per request (only `entitled` matters here).
import 'server-only';
import type { Article } from './articles';
import type { Episode } from '@/lib/podcast/episodes';
import type { TranscriptLine } from './schema';
import { plainText } from './text';
import { ANONYMOUS, type Viewer } from '@/lib/viewer/types';

/** What the content rules look at: whether the viewer may see premium content now. */
export type ContentViewer = Pick<Viewer, 'entitled'>;

export function canSeeFull(item: Article | Episode, viewer: ContentViewer): boolean {
  return item.access === 'public' || viewer.entitled;
}

/** The MDX a viewer may read, and whether it stops at the preview. */
export function articleSourceFor(article: Article, viewer: ContentViewer): { source: string; isPreview: boolean } {
  if (article.source.premium === null) return { source: article.source.preview, isPreview: false };
  if (canSeeFull(article, viewer)) {
    return { source: `${article.source.preview}\n${article.source.premium}`, isPreview: false };
  }
  return { source: article.source.preview, isPreview: true };
}

/** Text that may appear anywhere public: feeds, search index, sitemap, OG images. */
export function publicTextOf(item: Article | Episode): string {
  if (item.kind === 'article') return plainText(articleSourceFor(item, ANONYMOUS).source);
  const transcript = episodeExtrasFor(item, ANONYMOUS).transcript.map((l) => l.text).join('\n');
  return [plainText(item.showNotes), transcript].filter(Boolean).join('\n');
}

/**
 * What of an episode a viewer gets beyond its public show notes. A members-only
 * episode's audio URL and transcript are omitted entirely for others, so they are
 * not in the HTML, the RSC payload or any feed.
 */
export function episodeExtrasFor(
  episode: Episode,
  viewer: ContentViewer,
): { audioPath: string | null; transcript: TranscriptLine[]; isTeaser: boolean } {
  if (!canSeeFull(episode, viewer)) return { audioPath: null, transcript: [], isTeaser: true };
  const audioPath = episode.audio.localFile ? `/media/podcast/${episode.audio.localFile}` : (episode.audio.remoteUrl ?? null);
  return { audioPath, transcript: episode.transcript, isTeaser: false };
}
