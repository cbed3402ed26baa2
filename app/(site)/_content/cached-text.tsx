// The rendered text of an article (its public part) and of an episode's show notes, each
// cached on its own ('use cache', keyed by slug): when a page is rendered again because
// its thread changed, or for a signed-in reader, the MDX is not rendered again. The text
// changes only with a deploy, so it never expires.
import { cacheLife } from 'next/cache';
import { articleSourceFor } from '@/lib/content/access';
import { getArticle } from '@/lib/content/articles';
import { MdxContent } from '@/lib/content/mdx';
import { getEpisode } from '@/lib/podcast/episodes';
import { ANONYMOUS } from '@/lib/viewer/types';

export async function ArticleText({ slug }: { slug: string }) {
  'use cache';
  cacheLife('max');
  const article = getArticle(slug);
  return article ? <MdxContent source={articleSourceFor(article, ANONYMOUS).source} /> : null;
}

export async function EpisodeNotes({ slug }: { slug: string }) {
  'use cache';
  cacheLife('max');
  const episode = getEpisode(slug);
  return episode ? <MdxContent source={episode.showNotes} /> : null;
}
