// How a members-only episode appears in the public podcast feed: as a trailer with its
// public show notes and a short spoken note on how to hear it (the same audio for every
// such episode). Apple requires audio on every item, and the episode's own audio has no
// public address, so this is how podcast-app listeners learn the episode exists.
// The audio is made by tools/demo-audio/system.sh.
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { CONTENT_DIR } from '@/lib/content/load-collection';
import type { Episode } from '@/lib/podcast/episodes';
import { absoluteUrl, site } from '@/lib/site';
import { markdownToFeedHtml } from '@/lib/feeds/markdown-html';
import type { PodcastFeedItem } from '@/lib/podcast/public-feed';
import { escapeXml } from '@/lib/feeds/xml';

export const TEASER_AUDIO_FILE = 'members-only-teaser.mp3';
export const TEASER_AUDIO_PATH = path.join(CONTENT_DIR, 'podcast', 'system', TEASER_AUDIO_FILE);
const TEASER_AUDIO_SECONDS = 20;

let teaserAudioLength: number | undefined;

export function membersTeaserFeedItem(e: Episode): PodcastFeedItem {
  teaserAudioLength ??= fs.statSync(TEASER_AUDIO_PATH).size;
  const join = absoluteUrl('/pricing');
  return {
    title: `${e.title} (members only)`,
    html:
      `<p>${escapeXml(e.description)}</p>` +
      `<p>This is a members-only episode: <a href="${escapeXml(join)}">become a member</a> to hear it in full, with a transcript, on ${escapeXml(site.name)} or in your own private podcast feed.</p>` +
      markdownToFeedHtml(e.showNotes),
    link: absoluteUrl(e.url),
    guid: `steady-spine:podcast:${e.slug}:teaser`,
    published: e.published,
    enclosure: { url: absoluteUrl(`/media/podcast/${TEASER_AUDIO_FILE}`), length: teaserAudioLength, type: 'audio/mpeg' },
    author: e.author.name,
    durationSeconds: TEASER_AUDIO_SECONDS,
    numbering: { season: e.season, number: e.number },
    episodeType: 'trailer',
    explicit: e.explicit,
  };
}
