// Runs before Next's cache, for the content routes only (see `matcher`):
// - Only paths that name real content reach them. Those routes are cached per path
//   (filled on the first request), so a 404 rendered there would be stored for every
//   junk slug a crawler or attacker tries (~70 KB each). Rewritten to a path no route
//   matches, junk gets Next's shared not-found page, prerendered once. OG images too.
// - A signed-in reader of an article or episode (a session cookie that decrypts with this
//   site's secret; the page checks the session row) gets its per-viewer version
//   (`<slug>/viewer`), with the members' part and their own controls in the same response;
//   everyone else, a forged or foreign cookie included, gets the cached page everyone
//   shares, so junk cookies cannot force uncached renders. That version's own address
//   answers 404: it exists only behind this rewrite.
import { NextResponse, type NextRequest } from 'next/server';
import { getAllTags, getArticle, getArticlePage } from '@/lib/content/articles';
import { getEpisode } from '@/lib/podcast/episodes';
import { readSessionToken } from '@/lib/auth/session-token';
import { hasSessionCookie } from '@/lib/viewer/session-cookie';

const NO_ROUTE = '/_unknown-content';
const VIEWER_VERSION = 'viewer';
/** Routes beside [slug] under /podcast: the public feed and members' private feeds. */
const PODCAST_ROUTES = new Set(['feed.xml', 'private']);

function isKnown(section: string, name: string, page: string | undefined): boolean {
  if (section === 'articles' && name === 'page') return /^[1-9]\d{0,3}$/.test(page ?? '') && Number(page) <= getArticlePage(1).pageCount;
  if (section === 'articles') return getArticle(name) !== undefined;
  if (section === 'podcast') return getEpisode(name) !== undefined;
  return getAllTags().some(({ tag }) => tag === name);
}

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const [, section, name, rest] = pathname.split('/');
  if (section === 'podcast' && PODCAST_ROUTES.has(name)) return NextResponse.next();
  if (!isKnown(section, name, rest) || rest === VIEWER_VERSION) return NextResponse.rewrite(new URL(NO_ROUTE, request.url));
  const isContentPage = (section === 'articles' || section === 'podcast') && rest === undefined;
  // The name first: decrypting is only for requests that carry one.
  if (isContentPage && hasSessionCookie(request.cookies.getAll().map((c) => c.name)) && (await readSessionToken(request.headers.get('cookie')))) {
    return NextResponse.rewrite(new URL(`/${section}/${name}/${VIEWER_VERSION}${request.nextUrl.search}`, request.url));
  }
  return NextResponse.next();
}

// A slug and anything under it (its OG image).
export const config = {
  matcher: ['/articles/:slug([^/]+)/:rest*', '/podcast/:slug([^/]+)/:rest*', '/tags/:tag([^/]+)/:rest*'],
};
