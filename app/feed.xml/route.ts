// GET /feed.xml – articles RSS, generated at build time.
import { buildArticlesFeed } from '@/lib/feeds/articles-feed';
import { xmlResponse } from '@/lib/feeds/xml';

export function GET() {
  return xmlResponse(buildArticlesFeed());
}
