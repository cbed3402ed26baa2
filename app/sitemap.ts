import type { MetadataRoute } from 'next';
import { getAllArticles, getAllTags } from '@/lib/content/articles';
import { getAllEpisodes } from '@/lib/podcast/episodes';
import { absoluteUrl } from '@/lib/site';

// lastModified comes from frontmatter dates only, so it reveals nothing about premium text.
export default function sitemap(): MetadataRoute.Sitemap {
  const articles = getAllArticles();
  const episodes = getAllEpisodes();
  const newest = [articles[0]?.updated ?? articles[0]?.published, episodes[0]?.published].filter((d): d is Date => !!d);
  const latest = newest.length ? new Date(Math.max(...newest.map((d) => d.getTime()))) : undefined;
  return [
    { url: absoluteUrl('/'), lastModified: latest, changeFrequency: 'weekly', priority: 1 },
    { url: absoluteUrl('/articles'), lastModified: latest, changeFrequency: 'weekly', priority: 0.8 },
    { url: absoluteUrl('/podcast'), lastModified: episodes[0]?.published, changeFrequency: 'weekly', priority: 0.8 },
    { url: absoluteUrl('/about'), changeFrequency: 'yearly', priority: 0.5 },
    { url: absoluteUrl('/pricing'), changeFrequency: 'monthly', priority: 0.6 },
    ...articles.map((a) => ({ url: absoluteUrl(a.url), lastModified: a.updated ?? a.published, changeFrequency: 'monthly' as const, priority: 0.7 })),
    ...episodes.map((e) => ({ url: absoluteUrl(e.url), lastModified: e.published, changeFrequency: 'monthly' as const, priority: 0.6 })),
    ...getAllTags().map(({ tag }) => ({ url: absoluteUrl(`/tags/${tag}`), changeFrequency: 'weekly' as const, priority: 0.4 })),
  ];
}
