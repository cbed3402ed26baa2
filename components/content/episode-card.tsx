import Link from 'next/link';
import { FormattedDate } from './formatted-date';
import { MembersBadge } from './members-badge';
import type { EpisodeCardData } from '@/lib/content/cards';

export function EpisodeCard({ episode, headingLevel = 'h3' }: { episode: EpisodeCardData; headingLevel?: 'h2' | 'h3' }) {
  const Heading = headingLevel;
  return (
    <article className="group relative flex gap-4 rounded-2xl border border-sand-200 bg-white p-4 shadow-sm transition hover:shadow-md">
      {episode.cover && (
        // eslint-disable-next-line @next/next/no-img-element
        <img src={episode.cover.src} alt="" width={96} height={96} loading="lazy" decoding="async" className="size-20 shrink-0 rounded-xl bg-sand-100 sm:size-24" />
      )}
      <div className="flex min-w-0 flex-col gap-1">
        <p className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
          <span>Episode {episode.number}</span>
          <span aria-hidden="true">·</span>
          <FormattedDate date={episode.published} />
          <span aria-hidden="true">·</span>
          <span>{episode.duration}</span>
          {episode.access === 'members' && <MembersBadge />}
        </p>
        <Heading className="font-semibold leading-snug text-ink">
          <Link href={episode.url} className="after:absolute after:inset-0 group-hover:underline">
            {episode.title}
          </Link>
        </Heading>
        <p className="line-clamp-2 text-sm text-slate-700">{episode.description}</p>
      </div>
    </article>
  );
}
