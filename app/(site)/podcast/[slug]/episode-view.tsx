// An episode page: the same for everyone in page.tsx (cached, shared), or for one
// signed-in listener in viewer/page.tsx, where the members' part, a members-only thread
// and the viewer's own controls are rendered into the same response (proxy.ts picks).
import type { Metadata } from 'next';
import { Suspense } from 'react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Breadcrumbs } from '@/components/content/breadcrumbs';
import { FormattedDate } from '@/components/content/formatted-date';
import { JsonLd } from '@/components/content/json-ld';
import { MembersBadge } from '@/components/content/members-badge';
import { MembersCta } from '@/components/content/members-cta';
import { PrevNextNav } from '@/components/content/prev-next-nav';
import { TagList } from '@/components/content/tag-list';
import { EpisodePlayer } from '@/components/media/episode-player';
import { VideoFacade } from '@/components/media/video-facade';
import { episodeExtrasFor } from '@/lib/content/access';
import { ANONYMOUS } from '@/lib/viewer/types';
import { getAllArticles } from '@/lib/content/articles';
import { formatDuration, getAdjacentEpisodes, getEpisode } from '@/lib/podcast/episodes';
import { absoluteUrl, openGraphBase, site } from '@/lib/site';
import { ViewerState } from '@/app/_viewer/viewer-state';
import { StartingPrice } from '@/app/_billing/starting-price';
import { EpisodeNotes } from '../../_content/cached-text';
import { ContentThread } from '../../_content/content-thread';
import { MembersPartOfEpisode } from '../../_content/members-parts';

export function episodeMetadata(slug: string): Metadata {
  const episode = getEpisode(slug);
  if (!episode) return {};
  return {
    title: `${episode.title} (episode ${episode.number})`,
    description: episode.description,
    alternates: { canonical: episode.url },
    openGraph: { ...openGraphBase, type: 'article', title: episode.title, description: episode.description, url: episode.url, publishedTime: episode.published.toISOString() },
    twitter: { card: 'summary_large_image', title: episode.title, description: episode.description },
  };
}

export function EpisodeView({ slug, forViewer }: { slug: string; forViewer: boolean }) {
  const episode = getEpisode(slug);
  if (!episode) notFound();
  const { audioPath, transcript, isTeaser } = episodeExtrasFor(episode, ANONYMOUS);
  const { previous, next } = getAdjacentEpisodes(episode);
  const companion = getAllArticles().find((a) => a.episode?.slug === episode.slug);
  const joinCta = (
    <MembersCta heading="This episode is for members" price={<StartingPrice />}>
      <p>Members listen to every episode on the site or in their own private podcast feed, with full transcripts.</p>
    </MembersCta>
  );

  return (
    <>
      {/* Not behind a boundary: the header reads it as the page hydrates, before it would ask. */}
      {forViewer && <ViewerState />}
      <JsonLd
        data={[
          {
            '@context': 'https://schema.org',
            '@type': 'PodcastEpisode',
            name: episode.title,
            description: episode.description,
            url: absoluteUrl(episode.url),
            episodeNumber: episode.number,
            datePublished: episode.published.toISOString().slice(0, 10),
            timeRequired: `PT${Math.floor(episode.durationSeconds / 60)}M${episode.durationSeconds % 60}S`,
            isAccessibleForFree: !isTeaser,
            partOfSeries: { '@type': 'PodcastSeries', name: site.podcast.title, url: absoluteUrl('/podcast') },
            ...(audioPath ? { associatedMedia: { '@type': 'MediaObject', contentUrl: absoluteUrl(audioPath), encodingFormat: episode.audio.type } } : {}),
          },
          {
            '@context': 'https://schema.org',
            '@type': 'BreadcrumbList',
            itemListElement: [
              { '@type': 'ListItem', position: 1, name: 'Home', item: absoluteUrl('/') },
              { '@type': 'ListItem', position: 2, name: 'Podcast', item: absoluteUrl('/podcast') },
              { '@type': 'ListItem', position: 3, name: episode.title, item: absoluteUrl(episode.url) },
            ],
          },
        ]}
      />
      <article className="container-page mx-auto max-w-3xl py-8 sm:py-12">
        <header>
          <Breadcrumbs items={[{ name: 'Home', href: '/' }, { name: 'Podcast', href: '/podcast' }, { name: episode.title, href: episode.url }]} />
          <div className="mt-6 flex flex-col gap-5 sm:flex-row sm:items-start">
            {episode.cover && (
              // eslint-disable-next-line @next/next/no-img-element
              <img src={episode.cover.src} alt={episode.cover.alt} width={160} height={160} className="size-32 shrink-0 rounded-2xl bg-sand-100 shadow-sm sm:size-40" />
            )}
            <div>
              <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
                <span>Season {episode.season}, episode {episode.number}</span>
                <span aria-hidden="true">·</span>
                <FormattedDate date={episode.published} />
                <span aria-hidden="true">·</span>
                <span>{formatDuration(episode.durationSeconds)}</span>
                {episode.access === 'members' && <MembersBadge />}
              </p>
              <h1 className="mt-2 text-3xl font-bold leading-tight tracking-tight sm:text-4xl">{episode.title}</h1>
              <p className="mt-3 text-lg text-slate-700">{episode.description}</p>
              <div className="mt-4"><TagList tags={episode.tags} /></div>
            </div>
          </div>
        </header>

        <section aria-labelledby="listen-heading" className="mt-8">
          <h2 id="listen-heading" className="sr-only">Listen</h2>
          {audioPath ? (
            <EpisodePlayer src={audioPath} type={episode.audio.type} title={episode.title} transcript={transcript} />
          ) : (
            forViewer ? (
              <Suspense fallback={<p role="status" className="my-10 text-slate-600">Loading the episode for members…</p>}>
                <MembersPartOfEpisode episode={episode} fallback={joinCta} />
              </Suspense>
            ) : (
              joinCta
            )
          )}
        </section>

        {episode.youtube && !isTeaser && (
          <section aria-labelledby="watch-heading" className="mt-10">
            <h2 id="watch-heading" className="text-xl font-semibold">Watch</h2>
            <div className="mt-4"><VideoFacade videoId={episode.youtube} title={episode.title} poster={episode.cover?.src} /></div>
          </section>
        )}

        <section aria-labelledby="notes-heading" className="mt-10">
          <h2 id="notes-heading" className="text-xl font-semibold">Show notes</h2>
          <div className="prose prose-slate mt-4 max-w-none prose-a:text-brand-700">
            <EpisodeNotes slug={episode.slug} />
          </div>
          {companion && (
            <p className="mt-6 rounded-xl bg-sand-50 p-4 text-sm">
              Read the companion article: <Link href={companion.url} className="font-medium text-brand-700 underline">{companion.title}</Link>
            </p>
          )}
        </section>

        <div className="mt-12"><PrevNextNav previous={previous} next={next} noun="episode" /></div>
        <ContentThread kind="episode" slug={episode.slug} membersOnly={episode.access === 'members'} forViewer={forViewer} />
      </article>
    </>
  );
}
