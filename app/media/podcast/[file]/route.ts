// GET/HEAD /media/podcast/<file> – public episode audio with byte ranges (players seek, podcast apps resume).
import { servePodcastAudio } from '@/lib/media/podcast-audio';

type Context = { params: Promise<{ file: string }> };

export async function GET(request: Request, { params }: Context) {
  return servePodcastAudio(request, (await params).file);
}

export async function HEAD(request: Request, { params }: Context) {
  return servePodcastAudio(request, (await params).file);
}
