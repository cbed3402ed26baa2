import 'server-only';
import path from 'node:path';
import { episodeExtrasFor, type ContentViewer } from '@/lib/content/access';
import { AUDIO_DIR, getEpisodeByAudioFile } from '@/lib/podcast/episodes';
import { TEASER_AUDIO_FILE, TEASER_AUDIO_PATH } from '@/lib/podcast/members-teaser';
import { serveFile } from '@/lib/media/serve-file';

const SAFE_NAME = /^[a-z0-9][a-z0-9._-]{0,120}\.(mp3|m4a|mp4|aac|ogg|wav)$/;

const plain = (status: number, text: string) => new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/**
 * Audio of an episode, only if the viewer may hear it. Unknown names are 404; a
 * members-only episode is 403 for everyone else. The file name is matched against
 * the episode list, so no path from the URL ever reaches the file system unchecked.
 * The viewer is only worked out (a session or a feed token) for members-only audio:
 * public episodes cost no database query.
 */
export async function servePodcastAudio(request: Request, fileName: string, viewerOf: () => Promise<ContentViewer>): Promise<Response> {
  if (fileName === TEASER_AUDIO_FILE) return serveFile(request, TEASER_AUDIO_PATH, { contentType: 'audio/mpeg', cacheControl: 'public, max-age=86400' });
  const episode = SAFE_NAME.test(fileName) ? getEpisodeByAudioFile(fileName) : undefined;
  if (!episode || !episode.audio.localFile) return plain(404, 'Not found');
  const membersOnly = episode.access === 'members';
  if (membersOnly && episodeExtrasFor(episode, await viewerOf()).audioPath === null) return plain(403, 'This episode is for members.');
  return serveFile(request, path.join(AUDIO_DIR, episode.audio.localFile), {
    contentType: episode.audio.type,
    // Members' audio may sit in the member's own app or browser cache, never in a shared one.
    cacheControl: membersOnly ? 'private, max-age=86400' : 'public, max-age=86400',
  });
}
