import 'server-only';
import { getAllArticles } from '@/lib/content/articles';
import { absoluteUrl, site } from '@/lib/site';
import { escapeXml, rfc2822 } from './xml';

function lastChange(articles: { published: Date; updated?: Date }[]): Date {
  return new Date(Math.max(0, ...articles.map((a) => (a.updated ?? a.published).getTime())));
}

/** RSS 2.0 of articles: titles, public descriptions and links only, never a premium body. */
export function buildArticlesFeed(): string {
  const articles = getAllArticles().slice(0, 50);
  const items = articles
    .map(
      (a) => `    <item>
      <title>${escapeXml(a.title)}</title>
      <link>${escapeXml(absoluteUrl(a.url))}</link>
      <guid isPermaLink="false">steady-spine:article:${escapeXml(a.slug)}</guid>
      <pubDate>${rfc2822(a.published)}</pubDate>
      <dc:creator>${escapeXml(a.author.name)}</dc:creator>
${a.tags.map((t) => `      <category>${escapeXml(t)}</category>`).join('\n')}
      <description>${escapeXml(a.access === 'members' ? `${a.description} (Members-only article: a preview is free to read.)` : a.description)}</description>
    </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>${escapeXml(`${site.name} articles`)}</title>
    <link>${escapeXml(absoluteUrl('/articles'))}</link>
    <atom:link href="${escapeXml(absoluteUrl('/feed.xml'))}" rel="self" type="application/rss+xml"/>
    <description>${escapeXml(site.description)}</description>
    <language>${site.language.toLowerCase()}</language>
    <lastBuildDate>${rfc2822(lastChange(articles))}</lastBuildDate>
${items}
  </channel>
</rss>
`;
}
