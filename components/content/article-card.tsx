import Link from 'next/link';
import { FormattedDate } from './formatted-date';
import { MembersBadge } from './members-badge';
import type { ArticleCardData } from '@/lib/content/cards';

export function ArticleCard({ article, headingLevel = 'h3' }: { article: ArticleCardData; headingLevel?: 'h2' | 'h3' }) {
  const Heading = headingLevel;
  return (
    <article className="group relative flex flex-col overflow-hidden rounded-2xl border border-sand-200 bg-white shadow-sm transition hover:shadow-md">
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={article.cover.src} alt="" width={1200} height={630} loading="lazy" decoding="async" className="aspect-[40/21] w-full bg-sand-100 object-cover" />
      <div className="flex flex-1 flex-col gap-2 p-5">
        <div className="flex items-center gap-2 text-xs text-slate-600">
          <FormattedDate date={article.published} />
          <span aria-hidden="true">·</span>
          <span>{article.readingMinutes} min read</span>
          {article.access === 'members' && <MembersBadge />}
        </div>
        <Heading className="text-lg font-semibold leading-snug text-ink">
          <Link href={article.url} className="after:absolute after:inset-0 group-hover:underline">
            {article.title}
          </Link>
        </Heading>
        <p className="line-clamp-3 text-sm text-slate-700">{article.description}</p>
        <p className="mt-auto pt-2 text-xs text-slate-600">By {article.authorName}</p>
      </div>
    </article>
  );
}
