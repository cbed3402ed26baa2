// /articles/[slug] as everyone shares it: rendered on its first request and cached
// (Cache Components) with its public thread, which is tagged (lib/comments/public-thread.ts)
// so a comment, a moderation step or an author's new name refreshes it at once. Signed-in
// readers get viewer/page.tsx instead (proxy.ts).
import type { Metadata } from 'next';
import { ArticleView, articleMetadata } from './article-view';

// Not at build time: the thread lives in the database, which the build does not open.
// Cache Components needs one listed path to check the route at build; `_shell` names no
// article (the proxy answers it with 404).
export function generateStaticParams() {
  return [{ slug: '_shell' }];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return articleMetadata((await params).slug);
}

export default async function ArticlePage({ params }: Props) {
  return <ArticleView slug={(await params).slug} forViewer={false} />;
}
