// The one item a lapsed member's private feed carries besides the public episodes: a
// short spoken note on how to get the members' episodes back. Podcast apps drop a feed
// that errors, so the feed keeps answering and the member hears why it changed.
// The audio is made by tools/demo-audio/system.sh.
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { CONTENT_DIR } from '@/lib/content/load-collection';
import type { PodcastFeedItem } from '@/lib/podcast/public-feed';
import { escapeXml } from '@/lib/feeds/xml';
import { absoluteUrl, site } from '@/lib/site';
import { privateAudioUrl } from './tokens';

export const RENEW_AUDIO_FILE = 'renew-membership.mp3';
export const RENEW_AUDIO_PATH = path.join(CONTENT_DIR, 'podcast', 'system', RENEW_AUDIO_FILE);
const RENEW_AUDIO_SECONDS = 23;

let renewAudioLength: number | undefined;

export interface Lapse {
  /** Dates the item and keys its guid: a second lapse is a new episode in the app. */
  date: Date;
  /** The membership really ended on `date` (else it is only a steady stand-in). */
  known: boolean;
}

export function renewFeedItem(token: string, lapse: Lapse): PodcastFeedItem {
  renewAudioLength ??= fs.statSync(RENEW_AUDIO_PATH).size;
  const pricing = absoluteUrl('/pricing');
  const day = lapse.date.toISOString().slice(0, 10);
  return {
    title: 'Your membership has ended: how to get the members’ episodes back',
    html:
      `<p>Your ${escapeXml(site.name)} membership ${lapse.known ? `ended on ${day}` : 'has ended'}, so this feed now carries the public episodes only.</p>` +
      `<p><a href="${escapeXml(pricing)}">Renew your membership</a> and every members’ episode comes back to this same feed. There is nothing to change in your podcast app.</p>`,
    link: pricing,
    guid: `steady-spine:private:renew:${day}`,
    published: lapse.date,
    enclosure: { url: privateAudioUrl(token, RENEW_AUDIO_FILE), length: renewAudioLength, type: 'audio/mpeg' },
    author: site.podcast.owner,
    durationSeconds: RENEW_AUDIO_SECONDS,
    episodeType: 'bonus',
    explicit: false,
  };
}
