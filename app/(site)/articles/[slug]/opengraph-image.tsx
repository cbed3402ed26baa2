// OG image for an article: title and public description only, never premium text.
import { ImageResponse } from 'next/og';
import { OG_SIZE, OgCard } from '@/components/og/og-card';
import { getAllArticles, getArticle } from '@/lib/content/articles';
import { site } from '@/lib/site';

export const size = OG_SIZE;
export const contentType = 'image/png';
export const alt = 'Article summary card';

export function generateStaticParams() {
  return getAllArticles().map((a) => ({ slug: a.slug }));
}

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const article = getArticle((await params).slug);
  return new ImageResponse(
    <OgCard
      eyebrow={site.name}
      title={article?.title ?? site.name}
      description={article?.description ?? site.description}
      footer={article ? `${article.author.name} · ${article.readingMinutes} min read` : site.tagline}
      members={article?.access === 'members'}
    />,
    size,
  );
}
