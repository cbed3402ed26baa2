import { ImageResponse } from 'next/og';
import { OG_SIZE, OgCard } from '@/components/og/og-card';
import { formatDuration, getAllEpisodes, getEpisode } from '@/lib/podcast/episodes';
import { site } from '@/lib/site';

export const size = OG_SIZE;
export const contentType = 'image/png';
export const alt = 'Podcast episode summary card';

export function generateStaticParams() {
  return getAllEpisodes().map((e) => ({ slug: e.slug }));
}

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const episode = getEpisode((await params).slug);
  return new ImageResponse(
    <OgCard
      eyebrow={site.podcast.title}
      title={episode?.title ?? site.podcast.title}
      description={episode?.description ?? site.podcast.description}
      footer={episode ? `Episode ${episode.number} · ${formatDuration(episode.durationSeconds)}` : site.tagline}
      members={episode?.access === 'members'}
    />,
    size,
  );
}
