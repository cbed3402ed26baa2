// GET/HEAD /podcast/private/<token>/feed.xml – a member's private podcast feed (lib/private-feed).
import { servePrivateFeed } from '@/lib/private-feed/serve';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ token: string }> };

export async function GET(request: Request, { params }: Context) {
  return servePrivateFeed(request, (await params).token);
}

export const HEAD = GET;
