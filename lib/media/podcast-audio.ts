import 'server-only';
import path from 'node:path';
import { ANONYMOUS, episodeExtrasFor, type Viewer } from '@/lib/content/access';
import { AUDIO_DIR, getEpisodeByAudioFile } from '@/lib/content/podcast';
import { serveFile } from './serve-file';

const SAFE_NAME = /^[a-z0-9][a-z0-9._-]{0,120}\.(mp3|m4a|mp4|aac|ogg|wav)$/;

/**
 * Audio of an episode, only if the viewer may hear it. Unknown names are 404; a
 * members-only episode is 403 for everyone else. The file name is matched against
 * the episode list, so no path from the URL ever reaches the file system unchecked.
 */
export async function servePodcastAudio(request: Request, fileName: string, viewer: Viewer = ANONYMOUS): Promise<Response> {
  const episode = SAFE_NAME.test(fileName) ? getEpisodeByAudioFile(fileName) : undefined;
  if (!episode || !episode.audio.localFile) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  if (episodeExtrasFor(episode, viewer).audioPath === null) {
    return new Response('This episode is for members.', { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  return serveFile(request, path.join(AUDIO_DIR, episode.audio.localFile), {
    contentType: episode.audio.type,
    cacheControl: 'public, max-age=86400',
  });
}
