import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { getArticlePage } from '@/lib/content/articles';
import { ArticleListing } from '../../article-listing';

export function generateStaticParams() {
  const { pageCount } = getArticlePage(1);
  return Array.from({ length: Math.max(0, pageCount - 1) }, (_, i) => ({ page: String(i + 2) }));
}

function parsePage(raw: string): number | null {
  return /^[1-9]\d{0,3}$/.test(raw) ? Number(raw) : null;
}

export async function generateMetadata({ params }: { params: Promise<{ page: string }> }): Promise<Metadata> {
  const { page } = await params;
  return { title: `Articles, page ${page}`, alternates: { canonical: `/articles/page/${page}` } };
}

export default async function ArticlesPageN({ params }: { params: Promise<{ page: string }> }) {
  const page = parsePage((await params).page);
  if (page === 1) permanentRedirect('/articles');
  if (page === null || page > getArticlePage(1).pageCount) notFound();
  return <ArticleListing page={page} />;
}
