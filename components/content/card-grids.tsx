import type { ArticleCardData, EpisodeCardData } from '@/lib/content/cards';
import { ArticleCard } from './article-card';
import { EpisodeCard } from './episode-card';

export function ArticleGrid({ articles }: { articles: ArticleCardData[] }) {
  return (
    <div className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
      {articles.map((a) => <ArticleCard key={a.url} article={a} />)}
    </div>
  );
}

export function EpisodeGrid({ episodes }: { episodes: EpisodeCardData[] }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {episodes.map((e) => <EpisodeCard key={e.url} episode={e} />)}
    </div>
  );
}
