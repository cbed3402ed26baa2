import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Breadcrumbs } from '@/components/content/breadcrumbs';
import { ArticleGrid, EpisodeGrid } from '@/components/content/card-grids';
import { tagLabel } from '@/components/content/tag-list';
import { getAllTags, getArticlesByTag } from '@/lib/content/articles';
import { articleCard, episodeCard } from '@/lib/content/cards';
import { getAllEpisodes } from '@/lib/podcast/episodes';

export function generateStaticParams() {
  return getAllTags().map(({ tag }) => ({ tag }));
}

export async function generateMetadata({ params }: { params: Promise<{ tag: string }> }): Promise<Metadata> {
  const { tag } = await params;
  return {
    title: `Articles about ${tagLabel(tag)}`,
    description: `Everything we have written and recorded about ${tagLabel(tag)} and back pain.`,
    alternates: { canonical: `/tags/${tag}` },
  };
}

export default async function TagPage({ params }: { params: Promise<{ tag: string }> }) {
  const { tag } = await params;
  const articles = getArticlesByTag(tag);
  if (articles.length === 0) notFound();
  const episodes = getAllEpisodes().filter((e) => e.tags.includes(tag));
  return (
    <div className="container-page py-10 sm:py-14">
      <Breadcrumbs items={[{ name: 'Home', href: '/' }, { name: 'Articles', href: '/articles' }, { name: `#${tagLabel(tag)}`, href: `/tags/${tag}` }]} />
      <h1 className="mt-4 text-3xl font-bold tracking-tight sm:text-4xl">
        <span className="text-slate-500">#</span>{tagLabel(tag)}
      </h1>
      <p className="mt-2 text-slate-700">{articles.length} {articles.length === 1 ? 'article' : 'articles'}{episodes.length > 0 && ` and ${episodes.length} ${episodes.length === 1 ? 'episode' : 'episodes'}`}</p>
      <section aria-labelledby="tag-articles" className="mt-8">
        <h2 id="tag-articles" className="sr-only">Articles</h2>
        <ArticleGrid articles={articles.map(articleCard)} />
      </section>
      {episodes.length > 0 && (
        <section aria-labelledby="tag-episodes" className="mt-12">
          <h2 id="tag-episodes" className="text-xl font-semibold">Podcast episodes</h2>
          <div className="mt-4"><EpisodeGrid episodes={episodes.map(episodeCard)} /></div>
        </section>
      )}
    </div>
  );
}
