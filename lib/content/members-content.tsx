'use server';
// The members-only part of a prerendered article or episode, fetched after load by
// entitled members. The page's HTML is the same for everyone (the public preview), so
// premium text and audio only ever leave the server here, after the entitlement check.
import { EpisodePlayer } from '@/components/media/episode-player';
import { PrivateFeedLinks } from '@/components/podcast/private-feed-links';
import { getViewer } from '@/lib/viewer/viewer';
import { ensurePrivateFeed, privateFeedUrl } from '@/lib/private-feed/tokens';
import { articleSourceFor, episodeExtrasFor } from './access';
import { getArticle } from './articles';
import { MdxContent } from './mdx';
import { getEpisode } from './podcast';

export async function loadMembersPartOfArticle(slug: string) {
  const article = typeof slug === 'string' ? getArticle(slug) : undefined;
  if (!article || article.source.premium === null) return null;
  const { source, isPreview } = articleSourceFor(article, await getViewer());
  if (isPreview) return null;
  return <MdxContent source={source.slice(article.source.preview.length)} />;
}

/** A members-only episode's player and transcript, and the member's private feed to hear it in their app. */
export async function loadMembersPartOfEpisode(slug: string) {
  const episode = typeof slug === 'string' ? getEpisode(slug) : undefined;
  if (!episode || episode.access !== 'members') return null;
  const viewer = await getViewer();
  if (!viewer.user) return null;
  const { audioPath, transcript } = episodeExtrasFor(episode, viewer);
  if (audioPath === null) return null;
  const { token } = await ensurePrivateFeed(viewer.user.id);
  return (
    <>
      <EpisodePlayer src={audioPath} type={episode.audio.type} title={episode.title} transcript={transcript} />
      <aside aria-labelledby="episode-feed-heading" className="mt-6 rounded-2xl border border-sand-200 p-5">
        <h3 id="episode-feed-heading" className="font-semibold">Listen in your podcast app</h3>
        <p className="mb-3 mt-1 text-sm text-slate-700">Your private feed has this and every other members’ episode.</p>
        <PrivateFeedLinks feedUrl={privateFeedUrl(token)} />
      </aside>
    </>
  );
}
