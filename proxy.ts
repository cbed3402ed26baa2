// Unknown article and episode slugs never reach their pages. Those pages are cached per
// slug (ISR, revalidate 60), so a 404 rendered there would be written to the page cache
// for every junk slug a crawler or attacker tries (~70 KB each). Rewritten to a path no
// route matches, they get Next's shared not-found page instead, which is prerendered once.
import { NextResponse, type NextRequest } from 'next/server';
import { getArticle } from '@/lib/content/articles';
import { getEpisode } from '@/lib/podcast/episodes';

const NO_ROUTE = '/_unknown-content';

export function proxy(request: NextRequest) {
  const [, section, slug] = request.nextUrl.pathname.split('/');
  const known = section === 'articles' ? getArticle(slug) : getEpisode(slug);
  if (known) return NextResponse.next();
  return NextResponse.rewrite(new URL(NO_ROUTE, request.url));
}

// One segment under /articles or /podcast is a slug, except the podcast feed beside [slug].
export const config = {
  matcher: ['/articles/:slug([^/]+)', '/podcast/:slug((?!feed\\.xml$)[^/]+)'],
};
