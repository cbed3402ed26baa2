// GET/HEAD /media/podcast/private/<token>/<file> – members-only episode audio for the
// podcast app holding a member's private feed, with byte ranges.
import { servePrivateAudio } from '@/lib/podcast/private-feed/serve';

type Context = { params: Promise<{ token: string; file: string }> };

export async function GET(request: Request, { params }: Context) {
  const { token, file } = await params;
  return servePrivateAudio(request, token, file);
}

export const HEAD = GET;
