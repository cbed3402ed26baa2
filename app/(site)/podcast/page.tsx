import type { Metadata } from 'next';
import { EpisodeGrid } from '@/components/content/card-grids';
import { episodeCard } from '@/lib/content/cards';
import { getAllEpisodes } from '@/lib/podcast/episodes';
import { site } from '@/lib/site';

export const metadata: Metadata = {
  title: 'Podcast',
  description: site.podcast.description,
  alternates: { canonical: '/podcast', types: { 'application/rss+xml': '/podcast/feed.xml' } },
};

export default function PodcastPage() {
  const episodes = getAllEpisodes();
  return (
    <div className="container-page py-10 sm:py-14">
      <div className="flex flex-col gap-6 sm:flex-row sm:items-center">
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src="/images/podcast/show-cover.svg" alt="" width={160} height={160} className="size-32 rounded-2xl shadow-md sm:size-40" />
        <div>
          <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{site.podcast.title}</h1>
          <p className="mt-3 max-w-2xl text-slate-700">{site.podcast.description}</p>
          <p className="mt-4 text-sm">
            <a href="/podcast/feed.xml" className="font-medium text-brand-700 underline">RSS feed</a>
            <span className="text-slate-600"> (paste it into any podcast app)</span>
          </p>
        </div>
      </div>
      <section aria-labelledby="episodes-heading" className="mt-10">
        <h2 id="episodes-heading" className="text-xl font-semibold">All episodes</h2>
        <div className="mt-4"><EpisodeGrid episodes={episodes.map(episodeCard)} /></div>
      </section>
    </div>
  );
}
