// What a newsletter is about: a published article or episode from content/. The site has
// no publishing queue of its own: an item is out once a deploy carries it (not a draft)
// and its `published` date has arrived, so the draft job compares dates with "now".
import 'server-only';
import { z } from 'zod';
import { getAllArticles, type Article } from '@/lib/content/articles';
import { getAllEpisodes, type Episode } from '@/lib/podcast/episodes';

export const CONTENT_KINDS = ['article', 'episode'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];
export type NewsletterItem = Article | Episode;

export const contentRefSchema = z.object({ kind: z.enum(CONTENT_KINDS), slug: z.string().min(1).max(200) });

/** Out for everyone now: not a draft, and its date has come. */
export function isPublished(item: NewsletterItem, now: Date): boolean {
  return !item.draft && item.published.getTime() <= now.getTime();
}

/** Every published article and episode. */
export function publishedItems(now: Date): NewsletterItem[] {
  return [...getAllArticles(), ...getAllEpisodes()].filter((item) => isPublished(item, now));
}

export function findItem(kind: string, slug: string): NewsletterItem | undefined {
  if (kind === 'article') return getAllArticles().find((a) => a.slug === slug);
  if (kind === 'episode') return getAllEpisodes().find((e) => e.slug === slug);
  return undefined;
}

/** "Article" or "Episode 12", for staff lists. */
export function itemLabel(item: NewsletterItem): string {
  return item.kind === 'article' ? 'Article' : `Episode ${item.number}`;
}
