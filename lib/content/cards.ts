// View models for listings: only what a card shows, never a premium body.
import 'server-only';
import type { ArticleCardData } from '@/components/content/article-card';
import type { EpisodeCardData } from '@/components/content/episode-card';
import type { Article } from './articles';
import { formatDuration, type Episode } from '@/lib/podcast/episodes';

export function articleCard(article: Article): ArticleCardData {
  return {
    url: article.url,
    title: article.title,
    description: article.description,
    published: article.published,
    readingMinutes: article.readingMinutes,
    access: article.access,
    cover: article.cover,
    authorName: article.author.name,
  };
}

export function episodeCard(episode: Episode): EpisodeCardData {
  return {
    url: episode.url,
    title: episode.title,
    description: episode.description,
    published: episode.published,
    number: episode.number,
    season: episode.season,
    duration: formatDuration(episode.durationSeconds),
    access: episode.access,
    cover: episode.cover,
  };
}
