// An article page: the same for everyone in page.tsx (cached, shared), or for one
// signed-in viewer in viewer/page.tsx, where the members' part, a members-only thread and
// the viewer's own controls are rendered into the same response (proxy.ts picks).
import type { Metadata } from 'next';
import { Suspense } from 'react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AuthorCard } from '@/components/content/author-card';
import { Breadcrumbs } from '@/components/content/breadcrumbs';
import { ArticleGrid } from '@/components/content/card-grids';
import { FormattedDate } from '@/components/content/formatted-date';
import { JsonLd } from '@/components/content/json-ld';
import { MembersBadge } from '@/components/content/members-badge';
import { MembersCta } from '@/components/content/members-cta';
import { PrevNextNav } from '@/components/content/prev-next-nav';
import { TableOfContents } from '@/components/content/table-of-contents';
import { TagList } from '@/components/content/tag-list';
import { VideoFacade } from '@/components/media/video-facade';
import { articleSourceFor } from '@/lib/content/access';
import { getAdjacentArticles, getArticle, getRelatedArticles, tableOfContents } from '@/lib/content/articles';
import { articleCard } from '@/lib/content/cards';
import { absoluteUrl, openGraphBase, site } from '@/lib/site';
import { ANONYMOUS } from '@/lib/viewer/types';
import { ViewerState } from '@/app/_viewer/viewer-state';
import { StartingPrice } from '@/app/_billing/starting-price';
import { ArticleText } from '../../_content/cached-text';
import { ContentThread } from '../../_content/content-thread';
import { MembersPartOfArticle } from '../../_content/members-parts';

export function articleMetadata(slug: string): Metadata {
  const article = getArticle(slug);
  if (!article) return {};
  return {
    title: article.title,
    description: article.description,
    alternates: { canonical: article.url },
    authors: [{ name: article.author.name }],
    openGraph: {
      ...openGraphBase,
      type: 'article',
      title: article.title,
      description: article.description,
      url: article.url,
      publishedTime: article.published.toISOString(),
      modifiedTime: (article.updated ?? article.published).toISOString(),
      authors: [article.author.name],
      tags: article.tags,
    },
    twitter: { card: 'summary_large_image', title: article.title, description: article.description },
  };
}

export function ArticleView({ slug, forViewer }: { slug: string; forViewer: boolean }) {
  const article = getArticle(slug);
  if (!article) notFound();
  // The page's own text is the anonymous view in both versions; the members' part is apart.
  const { source, isPreview } = articleSourceFor(article, ANONYMOUS);
  const toc = tableOfContents(source);
  const hasToc = toc.length >= 2; // TableOfContents renders nothing for fewer
  const related = getRelatedArticles(article);
  const { previous, next } = getAdjacentArticles(article);
  const video = article.episode?.youtube;
  const joinCta = (
    <>
      <p className="mt-6 text-sm italic text-slate-600">The rest of this article is for members.</p>
      <MembersCta heading="Keep reading with a membership" price={<StartingPrice />}>
        <p>This is a members-only article. Join to read the full guide, follow the programme and ask our coaches your questions.</p>
      </MembersCta>
    </>
  );

  return (
    <>
      {/* Not behind a boundary: the header reads it as the page hydrates, before it would ask. */}
      {forViewer && <ViewerState />}
      <JsonLd
        data={[
          {
            '@context': 'https://schema.org',
            '@type': 'Article',
            headline: article.title,
            description: article.description,
            image: absoluteUrl(article.cover.src),
            datePublished: article.published.toISOString(),
            dateModified: (article.updated ?? article.published).toISOString(),
            author: { '@type': 'Person', name: article.author.name, jobTitle: article.author.role },
            publisher: { '@type': 'Organization', name: site.name, logo: { '@type': 'ImageObject', url: absoluteUrl('/images/brand/logo.svg') } },
            mainEntityOfPage: absoluteUrl(article.url),
            keywords: article.tags.join(', '),
            isAccessibleForFree: !isPreview,
            ...(isPreview ? { hasPart: { '@type': 'WebPageElement', isAccessibleForFree: false, cssSelector: '.members-only' } } : {}),
          },
          {
            '@context': 'https://schema.org',
            '@type': 'BreadcrumbList',
            itemListElement: [
              { '@type': 'ListItem', position: 1, name: 'Home', item: absoluteUrl('/') },
              { '@type': 'ListItem', position: 2, name: 'Articles', item: absoluteUrl('/articles') },
              { '@type': 'ListItem', position: 3, name: article.title, item: absoluteUrl(article.url) },
            ],
          },
        ]}
      />
      <article className={`container-page grid gap-x-12 py-8 sm:py-12 ${hasToc ? 'max-w-6xl lg:grid-cols-[minmax(0,1fr)_16rem]' : 'max-w-3xl'}`}>
        <div className="min-w-0 max-w-3xl">
        <header>
          <Breadcrumbs items={[{ name: 'Home', href: '/' }, { name: 'Articles', href: '/articles' }, { name: article.title, href: article.url }]} />
          <div className="mt-6"><TagList tags={article.tags} /></div>
          <h1 className="mt-4 text-3xl font-bold leading-tight tracking-tight sm:text-4xl lg:text-5xl">{article.title}</h1>
          <p className="mt-4 text-lg text-slate-700">{article.description}</p>
          <div className="mt-6 flex items-center gap-3 text-sm">
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src={article.author.avatar} alt="" width={44} height={44} className="size-11 rounded-full bg-sand-100" />
            <div>
              <p className="font-semibold text-ink">{article.author.name}</p>
              <p className="flex flex-wrap items-center gap-x-2 text-slate-600">
                <FormattedDate date={article.published} />
                {article.updated && (<><span aria-hidden="true">·</span><span>Updated <FormattedDate date={article.updated} /></span></>)}
                <span aria-hidden="true">·</span>
                <span>{article.readingMinutes} min read</span>
                {article.access === 'members' && <MembersBadge />}
              </p>
            </div>
          </div>
        </header>

        <div className="mt-8">
          {video && article.episode ? (
            <section aria-labelledby="watch-heading">
              <h2 id="watch-heading" className="sr-only">Watch the episode</h2>
              <VideoFacade videoId={video} title={article.episode.title} poster={article.cover.src} />
              <p className="mt-2 text-sm text-slate-600">
                Prefer to listen? <Link className="text-brand-700 underline" href={article.episode.url}>Episode {article.episode.number}: {article.episode.title}</Link>
              </p>
            </section>
          ) : (
            // eslint-disable-next-line @next/next/no-img-element
            <img src={article.cover.src} alt={article.cover.alt} width={1200} height={630} className="aspect-[40/21] w-full rounded-2xl bg-sand-100 object-cover" />
          )}
        </div>

        <div className="mt-10 lg:hidden"><TableOfContents items={toc} /></div>
        <div className="prose prose-slate mt-10 max-w-none prose-headings:scroll-mt-24 prose-headings:tracking-tight prose-a:text-brand-700 prose-img:w-full lg:prose-lg">
          <ArticleText slug={article.slug} />
        </div>
        {isPreview && (
          <div className="members-only prose prose-slate max-w-none prose-headings:scroll-mt-24 prose-headings:tracking-tight prose-a:text-brand-700 prose-img:w-full lg:prose-lg">
            {forViewer ? (
              <Suspense fallback={<p role="status" className="my-10 text-slate-600">Loading the rest of the article for members…</p>}>
                <MembersPartOfArticle article={article} fallback={joinCta} />
              </Suspense>
            ) : (
              joinCta
            )}
          </div>
        )}

        <footer className="mt-14 space-y-12">
          <AuthorCard author={article.author} heading={`About ${article.author.name}`} as="section" />
          <PrevNextNav previous={previous} next={next} noun="article" />
        </footer>
        <ContentThread kind="article" slug={article.slug} membersOnly={article.access === 'members'} forViewer={forViewer} />
        </div>
        {hasToc && (
          <div className="hidden lg:block">
            <div className="sticky top-24 mt-2"><TableOfContents items={toc} /></div>
          </div>
        )}
      </article>

      {related.length > 0 && (
        <section aria-labelledby="related-heading" className="container-page">
          <h2 id="related-heading" className="text-2xl font-bold tracking-tight">Related articles</h2>
          <div className="mt-6"><ArticleGrid articles={related.map(articleCard)} /></div>
        </section>
      )}
    </>
  );
}
