import 'server-only';
import { ANONYMOUS, episodeExtrasFor } from '@/lib/content/access';
import { formatFeedDuration, getAllEpisodes } from '@/lib/content/podcast';
import { absoluteUrl, site } from '@/lib/site';
import { markdownToFeedHtml } from './markdown-html';
import { cdata, escapeXml, rfc2822 } from './xml';

/**
 * The public podcast RSS feed, with every tag Apple Podcasts and Spotify require.
 * Only episodes the anonymous viewer may hear are listed: an item without a playable
 * enclosure is rejected by podcast apps, and premium audio must not be linked.
 */
export function buildPodcastFeed(): string {
  const episodes = getAllEpisodes().filter((e) => episodeExtrasFor(e, ANONYMOUS).audioPath !== null);
  const items = episodes.map((e) => {
    const audioPath = episodeExtrasFor(e, ANONYMOUS).audioPath!;
    const notes = markdownToFeedHtml(e.showNotes);
    return `    <item>
      <title>${escapeXml(e.title)}</title>
      <description>${cdata(`<p>${escapeXml(e.description)}</p>${notes}`)}</description>
      <content:encoded>${cdata(`<p>${escapeXml(e.description)}</p>${notes}`)}</content:encoded>
      <link>${escapeXml(absoluteUrl(e.url))}</link>
      <guid isPermaLink="false">steady-spine:podcast:${escapeXml(e.slug)}</guid>
      <pubDate>${rfc2822(e.published)}</pubDate>
      <enclosure url="${escapeXml(absoluteUrl(audioPath))}" length="${e.audio.length}" type="${escapeXml(e.audio.type)}"/>
      <itunes:title>${escapeXml(e.title)}</itunes:title>
      <itunes:author>${escapeXml(e.author.name)}</itunes:author>
      <itunes:duration>${formatFeedDuration(e.durationSeconds)}</itunes:duration>
      <itunes:season>${e.season}</itunes:season>
      <itunes:episode>${e.number}</itunes:episode>
      <itunes:episodeType>full</itunes:episodeType>
      <itunes:explicit>${e.explicit ? 'true' : 'false'}</itunes:explicit>
    </item>`;
  });
  const latest = episodes[0]?.published ?? new Date(0);
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:podcast="https://podcastindex.org/namespace/1.0">
  <channel>
    <title>${escapeXml(site.podcast.title)}</title>
    <link>${escapeXml(absoluteUrl('/podcast'))}</link>
    <atom:link href="${escapeXml(absoluteUrl('/podcast/feed.xml'))}" rel="self" type="application/rss+xml"/>
    <description>${escapeXml(site.podcast.description)}</description>
    <language>${site.language.toLowerCase()}</language>
    <copyright>${escapeXml(`© ${latest.getUTCFullYear()} ${site.name}`)}</copyright>
    <lastBuildDate>${rfc2822(latest)}</lastBuildDate>
    <podcast:locked>no</podcast:locked>
    <itunes:author>${escapeXml(site.podcast.owner)}</itunes:author>
    <itunes:owner>
      <itunes:name>${escapeXml(site.podcast.owner)}</itunes:name>
      <itunes:email>${escapeXml(site.contactEmail)}</itunes:email>
    </itunes:owner>
    <itunes:image href="${escapeXml(absoluteUrl(site.podcast.artwork))}"/>
    <image>
      <url>${escapeXml(absoluteUrl(site.podcast.artwork))}</url>
      <title>${escapeXml(site.podcast.title)}</title>
      <link>${escapeXml(absoluteUrl('/podcast'))}</link>
    </image>
    <itunes:category text="${escapeXml(site.podcast.category)}">
      <itunes:category text="${escapeXml(site.podcast.subcategory)}"/>
    </itunes:category>
    <itunes:explicit>false</itunes:explicit>
    <itunes:type>episodic</itunes:type>
${items.join('\n')}
  </channel>
</rss>
`;
}
