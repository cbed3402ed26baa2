// GET/HEAD /podcast/private/<token>/feed.xml – a member's private podcast feed (lib/podcast/private-feed).
import { servePrivateFeed } from '@/lib/podcast/private-feed/serve';

type Context = { params: Promise<{ token: string }> };

export async function GET(request: Request, { params }: Context) {
  return servePrivateFeed(request, (await params).token);
}

export const HEAD = GET;
