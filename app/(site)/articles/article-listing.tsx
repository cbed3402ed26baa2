import { ArticleGrid } from '@/components/content/card-grids';
import { Pagination } from '@/components/content/pagination';
import { TagList } from '@/components/content/tag-list';
import { getAllTags, getArticlePage } from '@/lib/content/articles';
import { articleCard } from '@/lib/content/cards';

/** Shared by /articles and /articles/page/N (static pages, no query strings). */
export function ArticleListing({ page }: { page: number }) {
  const { articles, pageCount } = getArticlePage(page);
  return (
    <div className="container-page py-10 sm:py-14">
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Articles</h1>
      <p className="mt-3 max-w-2xl text-slate-700">Practical, physiotherapist-written guides to understanding and easing back pain.</p>
      <div className="mt-6">
        <h2 className="mb-2 text-sm font-semibold text-slate-700">Filter by topic</h2>
        <TagList tags={getAllTags().map((t) => t.tag)} label="Topics" />
      </div>
      <h2 className="sr-only">Page {page} of {pageCount}</h2>
      <div className="mt-8"><ArticleGrid articles={articles.map(articleCard)} /></div>
      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => (p === 1 ? '/articles' : `/articles/page/${p}`)} />
    </div>
  );
}
