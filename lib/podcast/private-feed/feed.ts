// A member's private feed: every episode while they are entitled (members-only audio
// through token-bound URLs), and once their membership lapses the public episodes plus
// one note on how to renew, at the same address, so podcast apps keep polling it and
// fill up again on renewal.
import 'server-only';
import crypto from 'node:crypto';
import type { Entitlements } from '@/lib/billing/entitlements';
import { episodeExtrasFor } from '@/lib/content/access';
import { ANONYMOUS } from '@/lib/viewer/types';
import { getAllEpisodes, type Episode } from '@/lib/podcast/episodes';
import { episodeFeedItem, podcastFeedXml, type PodcastFeedItem } from '@/lib/podcast/public-feed';
import { absoluteUrl } from '@/lib/site';
import { renewFeedItem, type Lapse } from './renew-episode';
import { privateAudioUrl, privateFeedUrl, type PrivateFeedOwner } from './tokens';

export interface PrivateFeedInput {
  token: string;
  memberName: string;
  entitled: boolean;
  /** When the membership ended (dates the renew item); only read when not entitled. */
  lapse: Lapse;
}

function enclosureUrl(episode: Episode, token: string): string | null {
  if (episode.access === 'members') return episode.audio.localFile ? privateAudioUrl(token, episode.audio.localFile) : null;
  const publicPath = episodeExtrasFor(episode, ANONYMOUS).audioPath;
  return publicPath === null ? null : absoluteUrl(publicPath);
}

export function buildPrivateFeed(input: PrivateFeedInput): string {
  const episodes = getAllEpisodes().filter((e) => input.entitled || e.access === 'public');
  const items: PodcastFeedItem[] = episodes.flatMap((e) => {
    const url = enclosureUrl(e, input.token);
    return url === null ? [] : [episodeFeedItem(e, url)];
  });
  if (!input.entitled) items.unshift(renewFeedItem(input.token, input.lapse));
  return podcastFeedXml(items, { memberName: input.memberName, selfUrl: privateFeedUrl(input.token) });
}

/**
 * The end of the membership the renew item talks about: the last subscription's end.
 * Without one (a complimentary membership ran out) the date is not known, and the feed's
 * start keeps the item's date and guid steady.
 */
export function lapseOf(entitlements: Entitlements, owner: PrivateFeedOwner): Lapse {
  const sub = entitlements.subscription;
  const ended = sub?.endedAt ?? sub?.currentPeriodEnd ?? null;
  return ended ? { date: ended, known: true } : { date: owner.createdAt, known: false };
}

// ---------------------------------------------------------------------------------------
// Per-member cache. A feed is rebuilt only when something in it changes: the episode list
// (publishing one), the member's entitlement, their name or the address. Those are the
// cache key, and the entitlement is decided afresh on every fetch (one query), so a
// renewal, a lapse or a comp grant shows on the next poll on every app instance, with
// no invalidation message to miss. Bounded, least recently used out first.

const MAX_CACHED_FEEDS = 5_000;
const cache = new Map<string, { key: string; xml: string; etag: string }>();

/** Changes when an episode is published, edited or removed. */
function episodesVersion(): string {
  return getAllEpisodes()
    .map((e) => `${e.slug}|${e.published.getTime()}|${e.access}|${e.audio.length}|${e.title}`)
    .join('\n');
}

export function cachedPrivateFeed(feedId: string, input: PrivateFeedInput): { xml: string; etag: string; fromCache: boolean } {
  const key = JSON.stringify([input.token, input.memberName, input.entitled, input.entitled ? null : [input.lapse.date.getTime(), input.lapse.known], episodesVersion()]);
  const hit = cache.get(feedId);
  if (hit?.key === key) {
    cache.delete(feedId);
    cache.set(feedId, hit); // most recently used last
    return { ...hit, fromCache: true };
  }
  const xml = buildPrivateFeed(input);
  const entry = { key, xml, etag: `"${crypto.createHash('sha256').update(xml).digest('base64url').slice(0, 27)}"` };
  cache.delete(feedId);
  cache.set(feedId, entry);
  if (cache.size > MAX_CACHED_FEEDS) cache.delete(cache.keys().next().value!);
  return { ...entry, fromCache: false };
}
