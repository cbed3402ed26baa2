// GET /podcast/feed.xml – the public podcast RSS feed (Apple Podcasts / Spotify), built at build time.
import { buildPodcastFeed } from '@/lib/podcast/public-feed';
import { xmlResponse } from '@/lib/feeds/xml';

export function GET() {
  return xmlResponse(buildPodcastFeed());
}
