// GET/HEAD /media/podcast/<file> – episode audio with byte ranges (players seek, podcast
// apps resume). Members-only episodes need a signed-in entitled member; podcast apps
// use the token-bound address in the member's private feed instead.
import { getViewer } from '@/lib/viewer/viewer';
import { servePodcastAudio } from '@/lib/podcast/audio';

type Context = { params: Promise<{ file: string }> };

export async function GET(request: Request, { params }: Context) {
  return servePodcastAudio(request, (await params).file, getViewer);
}

export const HEAD = GET;
