import Link from 'next/link';
import { ArticleGrid } from '@/components/content/card-grids';
import { EpisodeCard } from '@/components/content/episode-card';
import { JsonLd } from '@/components/content/json-ld';
import { MembersCta } from '@/components/content/members-cta';
import { getAllArticles } from '@/lib/content/articles';
import { articleCard, episodeCard } from '@/lib/content/cards';
import { getAllEpisodes } from '@/lib/podcast/episodes';
import { absoluteUrl, site } from '@/lib/site';
import { StartingPrice } from '@/app/_billing/starting-price';

export default function HomePage() {
  const articles = getAllArticles().slice(0, 6);
  const episodes = getAllEpisodes().slice(0, 3);
  return (
    <>
      <JsonLd
        data={{
          '@context': 'https://schema.org',
          '@type': 'WebSite',
          name: site.name,
          url: absoluteUrl('/'),
          potentialAction: { '@type': 'SearchAction', target: `${absoluteUrl('/search')}?q={query}`, 'query-input': 'required name=query' },
        }}
      />
      <section className="bg-sand-100">
        <div className="container-page grid gap-8 py-14 sm:py-20 lg:grid-cols-[3fr_2fr] lg:items-center">
          <div>
            <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Physiotherapist-led back pain coaching</p>
            <h1 className="mt-3 text-4xl font-bold leading-tight tracking-tight text-ink sm:text-5xl">{site.tagline}</h1>
            <p className="mt-5 max-w-xl text-lg text-slate-700">{site.description}</p>
            <div className="mt-8 flex flex-wrap gap-3">
              <Link href="/articles" className="rounded-full bg-brand-600 px-6 py-3 font-semibold text-white hover:bg-brand-700">Read the articles</Link>
              <Link href="/podcast" className="rounded-full border border-brand-600 px-6 py-3 font-semibold text-brand-700 hover:bg-brand-50">Listen to the podcast</Link>
            </div>
          </div>
          <ul className="grid gap-3 text-sm text-slate-700" aria-label="What you get">
            <li className="rounded-2xl bg-white p-4 shadow-sm"><strong className="text-ink">Plain-English articles</strong> on stiffness, flare-ups, sleep, lifting and more.</li>
            <li className="rounded-2xl bg-white p-4 shadow-sm"><strong className="text-ink">A weekly podcast</strong> with two physiotherapists, with transcripts.</li>
            <li className="rounded-2xl bg-white p-4 shadow-sm"><strong className="text-ink">A follow-along programme</strong> for members, in phases you repeat until you are ready.</li>
          </ul>
        </div>
      </section>

      <section aria-labelledby="latest-articles" className="container-page mt-14">
        <div className="flex items-end justify-between gap-4">
          <h2 id="latest-articles" className="text-2xl font-bold tracking-tight">Latest articles</h2>
          <Link href="/articles" className="text-sm font-medium text-brand-700 hover:underline">All articles →</Link>
        </div>
        <div className="mt-6"><ArticleGrid articles={articles.map(articleCard)} /></div>
      </section>

      <section aria-labelledby="latest-episodes" className="container-page mt-16">
        <div className="flex items-end justify-between gap-4">
          <h2 id="latest-episodes" className="text-2xl font-bold tracking-tight">New on the podcast</h2>
          <Link href="/podcast" className="text-sm font-medium text-brand-700 hover:underline">All episodes →</Link>
        </div>
        <div className="mt-6 grid gap-4 lg:grid-cols-3">
          {episodes.map((e) => <EpisodeCard key={e.slug} episode={episodeCard(e)} />)}
        </div>
      </section>

      <div className="container-page">
        <MembersCta heading="Ready for a plan, not just tips?" price={<StartingPrice />}>
          <p>The Steady Spine programme takes you through phases of short follow-along sessions. You repeat each phase until it feels easy, and the site tells you when you are ready for the next one.</p>
        </MembersCta>
      </div>
    </>
  );
}
