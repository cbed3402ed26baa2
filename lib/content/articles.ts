import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { getAuthors, type Author } from './authors';
import { ContentError, loadCollection, memoizeInProduction } from './load-collection';
import { getEpisodeMap, type Episode } from '@/lib/podcast/episodes';
import { articleFrontmatterSchema, PREVIEW_MARKER, type Access } from './schema';
import { plainText, readingMinutes, tableOfContents, type TocEntry } from './text';
import { isProduction } from '@/lib/env';

export interface Article {
  kind: 'article';
  slug: string;
  url: string;
  file: string;
  title: string;
  description: string;
  published: Date;
  updated: Date | undefined;
  author: Author;
  tags: string[];
  cover: { src: string; alt: string };
  episode: Episode | undefined;
  access: Access;
  /** A draft: listed only outside production, never emailed. */
  draft: boolean;
  /** Whole-article reading time, so a preview still tells members how long it is. */
  readingMinutes: number;
  /**
   * The MDX source, split at the preview marker. `premium` is null for public articles.
   * Read it only through lib/content/access.ts, which decides who may see it.
   */
  source: { preview: string; premium: string | null };
}

const PUBLIC_DIR = path.join(process.cwd(), 'public');

function loadArticles(): Article[] {
  const authors = getAuthors();
  const episodes = getEpisodeMap();
  const includeDrafts = !isProduction;

  const files = loadCollection('articles', articleFrontmatterSchema).filter((f) => includeDrafts || !f.data.draft);
  const articles = files.map(({ slug, file, data, body }): Article => {
    const problems: string[] = [];
    const author = authors.get(data.author);
    if (!author) problems.push(`author: no author "${data.author}" in content/authors.json`);
    const episode = data.episode ? episodes.get(data.episode) : undefined;
    if (data.episode && !episode) problems.push(`episode: no podcast episode "${data.episode}" in content/podcast/`);
    if (!fs.existsSync(path.join(PUBLIC_DIR, data.cover.src))) problems.push(`cover.src: ${data.cover.src} is not in public/`);

    const parts = body.split(new RegExp(`^\\s*${PREVIEW_MARKER.replace(/[/]/g, '\\/')}\\s*$`, 'm'));
    if (data.access === 'members' && parts.length !== 2) {
      problems.push(`access: a members-only article needs exactly one ${PREVIEW_MARKER} line where its public preview ends`);
    }
    if (data.access === 'public' && parts.length !== 1) {
      problems.push(`access: ${PREVIEW_MARKER} only belongs in members-only articles (access: members)`);
    }
    if (problems.length > 0) throw new ContentError(file, problems);

    return {
      kind: 'article',
      slug,
      url: `/articles/${slug}`,
      file,
      title: data.title,
      description: data.description,
      published: data.published,
      updated: data.updated,
      author: author!,
      tags: data.tags,
      cover: data.cover,
      episode,
      access: data.access,
      draft: data.draft,
      readingMinutes: readingMinutes(plainText(body.replace(PREVIEW_MARKER, ''))),
      source: { preview: parts[0], premium: parts.length === 2 ? parts[1] : null },
    };
  });

  return articles.sort((a, b) => b.published.getTime() - a.published.getTime() || a.slug.localeCompare(b.slug));
}

/** All published articles, newest first. */
export const getAllArticles = memoizeInProduction(loadArticles);

export function getArticle(slug: string): Article | undefined {
  return getAllArticles().find((a) => a.slug === slug);
}

export const ARTICLES_PER_PAGE = 6;

export function getArticlePage(page: number, articles = getAllArticles()) {
  const pageCount = Math.max(1, Math.ceil(articles.length / ARTICLES_PER_PAGE));
  const start = (page - 1) * ARTICLES_PER_PAGE;
  return { articles: articles.slice(start, start + ARTICLES_PER_PAGE), page, pageCount };
}

/** Tags with how many articles and episodes carry each, most used first. */
export function getAllTags(): { tag: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const a of getAllArticles()) for (const t of a.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

export function getArticlesByTag(tag: string): Article[] {
  return getAllArticles().filter((a) => a.tags.includes(tag));
}

/** Articles sharing the most tags, then the most recent. */
export function getRelatedArticles(article: Article, limit = 3): Article[] {
  return getAllArticles()
    .filter((a) => a.slug !== article.slug)
    .map((a) => ({ a, shared: a.tags.filter((t) => article.tags.includes(t)).length }))
    .sort((x, y) => y.shared - x.shared || y.a.published.getTime() - x.a.published.getTime())
    .slice(0, limit)
    .map(({ a }) => a);
}

/** Neighbours in publication order: `previous` is older, `next` is newer. */
export function getAdjacentArticles(article: Article): { previous?: Article; next?: Article } {
  const all = getAllArticles();
  const index = all.findIndex((a) => a.slug === article.slug);
  return { next: index > 0 ? all[index - 1] : undefined, previous: all[index + 1] };
}

export type { TocEntry };
export { tableOfContents };
