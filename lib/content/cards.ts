// View models for listings: only what a card shows, never a premium body. The card
// components (components/content) render these shapes.
import 'server-only';
import { formatDuration, type Episode } from '@/lib/podcast/episodes';
import type { Article } from './articles';

export interface ArticleCardData {
  url: string;
  title: string;
  description: string;
  published: Date;
  readingMinutes: number;
  access: 'public' | 'members';
  cover: { src: string; alt: string };
  authorName: string;
}

export interface EpisodeCardData {
  url: string;
  title: string;
  description: string;
  published: Date;
  number: number;
  season: number;
  duration: string;
  access: 'public' | 'members';
  cover?: { src: string; alt: string };
}

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
