import 'server-only';
import { episodeExtrasFor } from '@/lib/content/access';
import { ANONYMOUS } from '@/lib/viewer/types';
import { formatFeedDuration, getAllEpisodes, type Episode } from '@/lib/podcast/episodes';
import { absoluteUrl, site } from '@/lib/site';
import { markdownToFeedHtml } from '@/lib/feeds/markdown-html';
import { membersTeaserFeedItem } from '@/lib/podcast/members-teaser';
import { cdata, escapeXml, rfc2822 } from '@/lib/feeds/xml';

/** One <item>: an episode, or the private feed's "how to renew" message. */
export interface PodcastFeedItem {
  title: string;
  /** HTML for description and content:encoded. */
  html: string;
  link: string;
  guid: string;
  published: Date;
  enclosure: { url: string; length: number; type: string };
  author: string;
  durationSeconds: number;
  /** Season and number, for real episodes only. */
  numbering?: { season: number; number: number };
  episodeType: 'full' | 'trailer' | 'bonus';
  explicit: boolean;
}

/** A private feed: the member's name in the title, kept out of every directory. */
export interface PrivateChannel {
  memberName: string;
  selfUrl: string;
}

/** An episode as a feed item, its audio at `enclosureUrl` (absolute). */
export function episodeFeedItem(e: Episode, enclosureUrl: string): PodcastFeedItem {
  return {
    title: e.title,
    html: `<p>${escapeXml(e.description)}</p>${markdownToFeedHtml(e.showNotes)}`,
    link: absoluteUrl(e.url),
    guid: `steady-spine:podcast:${e.slug}`,
    published: e.published,
    enclosure: { url: enclosureUrl, length: e.audio.length, type: e.audio.type },
    author: e.author.name,
    durationSeconds: e.durationSeconds,
    numbering: { season: e.season, number: e.number },
    episodeType: 'full',
    explicit: e.explicit,
  };
}

function itemXml(item: PodcastFeedItem): string {
  const numbering = item.numbering
    ? `
      <itunes:season>${item.numbering.season}</itunes:season>
      <itunes:episode>${item.numbering.number}</itunes:episode>`
    : '';
  return `    <item>
      <title>${escapeXml(item.title)}</title>
      <description>${cdata(item.html)}</description>
      <content:encoded>${cdata(item.html)}</content:encoded>
      <link>${escapeXml(item.link)}</link>
      <guid isPermaLink="false">${escapeXml(item.guid)}</guid>
      <pubDate>${rfc2822(item.published)}</pubDate>
      <enclosure url="${escapeXml(item.enclosure.url)}" length="${item.enclosure.length}" type="${escapeXml(item.enclosure.type)}"/>
      <itunes:title>${escapeXml(item.title)}</itunes:title>
      <itunes:author>${escapeXml(item.author)}</itunes:author>
      <itunes:duration>${formatFeedDuration(item.durationSeconds)}</itunes:duration>${numbering}
      <itunes:episodeType>${item.episodeType}</itunes:episodeType>
      <itunes:explicit>${item.explicit ? 'true' : 'false'}</itunes:explicit>
    </item>`;
}

/**
 * A podcast RSS document with every tag Apple Podcasts and Spotify require. Items are
 * listed in the order given (newest first). A private channel says `itunes:block` and
 * `podcast:locked` so no directory lists it and no host imports it.
 */
export function podcastFeedXml(items: PodcastFeedItem[], privateChannel?: PrivateChannel): string {
  const latest = items.reduce((max, i) => (i.published > max ? i.published : max), new Date(0));
  const title = privateChannel ? `${site.podcast.title} (members' feed for ${privateChannel.memberName})` : site.podcast.title;
  const description = privateChannel
    ? `${site.podcast.description} This is the private members' feed of ${privateChannel.memberName}: every episode, members-only ones included. Please keep its address to yourself.`
    : site.podcast.description;
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:podcast="https://podcastindex.org/namespace/1.0">
  <channel>
    <title>${escapeXml(title)}</title>
    <link>${escapeXml(absoluteUrl('/podcast'))}</link>
    <atom:link href="${escapeXml(privateChannel?.selfUrl ?? absoluteUrl('/podcast/feed.xml'))}" rel="self" type="application/rss+xml"/>
    <description>${escapeXml(description)}</description>
    <language>${site.language.toLowerCase()}</language>
    <copyright>${escapeXml(`© ${latest.getUTCFullYear()} ${site.name}`)}</copyright>
    <lastBuildDate>${rfc2822(latest)}</lastBuildDate>
    <podcast:locked>${privateChannel ? 'yes' : 'no'}</podcast:locked>${privateChannel ? '\n    <itunes:block>Yes</itunes:block>' : ''}
    <itunes:author>${escapeXml(site.podcast.owner)}</itunes:author>
    <itunes:owner>
      <itunes:name>${escapeXml(site.podcast.owner)}</itunes:name>
      <itunes:email>${escapeXml(site.contactEmail)}</itunes:email>
    </itunes:owner>
    <itunes:image href="${escapeXml(absoluteUrl(site.podcast.artwork))}"/>
    <image>
      <url>${escapeXml(absoluteUrl(site.podcast.artwork))}</url>
      <title>${escapeXml(title)}</title>
      <link>${escapeXml(absoluteUrl('/podcast'))}</link>
    </image>
    <itunes:category text="${escapeXml(site.podcast.category)}">
      <itunes:category text="${escapeXml(site.podcast.subcategory)}"/>
    </itunes:category>
    <itunes:explicit>false</itunes:explicit>
    <itunes:type>episodic</itunes:type>
${items.map(itemXml).join('\n')}
  </channel>
</rss>
`;
}

/**
 * The public podcast feed: every episode the anonymous viewer may hear, and each
 * members-only one as a trailer (its public show notes, a short note on how to hear it)
 * that never links the episode's own audio. Members get the real thing in their
 * private feed (lib/podcast/private-feed).
 */
export function buildPodcastFeed(): string {
  const items = getAllEpisodes().map((e) => {
    const audioPath = episodeExtrasFor(e, ANONYMOUS).audioPath;
    return audioPath === null ? membersTeaserFeedItem(e) : episodeFeedItem(e, absoluteUrl(audioPath));
  });
  return podcastFeedXml(items);
}
