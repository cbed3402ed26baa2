// The members-only part of an article or episode, in the per-viewer version of its page
// (proxy.ts sends signed-in readers there): rendered after the entitlement check, for
// this viewer only, so premium text and audio never enter the page everyone shares.
// Anyone else gets `fallback`, the call to join.
import type { ReactNode } from 'react';
import { EpisodePlayer } from '@/components/media/episode-player';
import { PrivateFeedLinks } from '@/components/podcast/private-feed-links';
import { articleSourceFor, episodeExtrasFor } from '@/lib/content/access';
import type { Article } from '@/lib/content/articles';
import { MdxContent } from '@/lib/content/mdx';
import type { Episode } from '@/lib/podcast/episodes';
import { ensurePrivateFeed, privateFeedUrl } from '@/lib/podcast/private-feed/tokens';
import { getViewer } from '@/lib/viewer/viewer';

export async function MembersPartOfArticle({ article, fallback }: { article: Article; fallback: ReactNode }) {
  const { source, isPreview } = articleSourceFor(article, await getViewer());
  if (isPreview) return fallback;
  return (
    <div data-testid="members-part">
      <MdxContent source={source.slice(article.source.preview.length)} />
    </div>
  );
}

/** A members-only episode's player and transcript, and the member's private feed to hear it in their app. */
export async function MembersPartOfEpisode({ episode, fallback }: { episode: Episode; fallback: ReactNode }) {
  const viewer = await getViewer();
  const { audioPath, transcript } = episodeExtrasFor(episode, viewer);
  if (audioPath === null || !viewer.user) return fallback;
  const { token } = await ensurePrivateFeed(viewer.user.id);
  return (
    <div data-testid="members-part">
      <EpisodePlayer src={audioPath} type={episode.audio.type} title={episode.title} transcript={transcript} />
      <aside aria-labelledby="episode-feed-heading" className="mt-6 rounded-2xl border border-sand-200 p-5">
        <h3 id="episode-feed-heading" className="font-semibold">Listen in your podcast app</h3>
        <p className="mb-3 mt-1 text-sm text-slate-700">Your private feed has this and every other members’ episode.</p>
        <PrivateFeedLinks feedUrl={privateFeedUrl(token)} />
      </aside>
    </div>
  );
}
