// /search?q=… – full-text search across articles and episodes (rendered per request).
import type { Metadata } from 'next';
import Link from 'next/link';
import { FormattedDate } from '@/components/content/formatted-date';
import { Highlighted } from '@/components/content/highlighted';
import { Pagination } from '@/components/content/pagination';
import { RESULTS_PER_PAGE, searchContent, searchQuerySchema } from '@/lib/search/search-content';

// Rendered for each request (it reads the session or the query), so it may block.
export const instant = false;

export const metadata: Metadata = { title: 'Search', robots: { index: false, follow: true }, alternates: { canonical: '/search' } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SearchPage({ searchParams }: Props) {
  const raw = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
  const parsed = searchQuerySchema.safeParse({ q: first(raw.q), page: first(raw.page) });
  const error = parsed.success ? null : parsed.error.issues[0].message;
  const results = parsed.success && parsed.data.q ? await searchContent(parsed.data.q, parsed.data.page) : null;
  const q = parsed.success ? parsed.data.q : first(raw.q).slice(0, 200);

  return (
    <div className="container-page max-w-3xl py-10 sm:py-14">
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Search</h1>
      <form action="/search" method="get" role="search" className="mt-6 flex gap-2">
        <label htmlFor="search-q" className="sr-only">Search articles and episodes</label>
        <input
          id="search-q"
          name="q"
          type="search"
          defaultValue={q}
          maxLength={400}
          placeholder="e.g. morning stiffness, sciatica, sleep"
          aria-describedby={error ? 'search-error' : undefined}
          aria-invalid={error ? true : undefined}
          className="min-w-0 flex-1 rounded-full border border-slate-300 px-4 py-2.5 text-base"
        />
        <button type="submit" className="rounded-full bg-brand-600 px-5 py-2.5 font-medium text-white hover:bg-brand-700">Search</button>
      </form>
      {error && <p id="search-error" role="alert" className="mt-3 text-sm text-coral-700">{error}</p>}

      <div aria-live="polite" className="mt-8">
        {results && (
          <>
            <p className="text-sm text-slate-700">
              {results.total === 0 ? 'No results' : `${results.total} ${results.total === 1 ? 'result' : 'results'}`} for “{results.query}”
            </p>
            {results.total === 0 && (
              <p className="mt-3 text-slate-700">
                Try fewer or different words, or browse <Link className="text-brand-700 underline" href="/articles">all articles</Link>.
              </p>
            )}
            <ol className="mt-4 space-y-6" data-testid="search-results">
              {results.hits.map((hit) => (
                <li key={hit.url}>
                  <p className="text-xs uppercase tracking-wide text-slate-600">
                    {hit.kind === 'article' ? 'Article' : 'Podcast episode'} · <FormattedDate date={hit.published} />
                  </p>
                  <h2 className="mt-1 text-lg font-semibold">
                    <Link href={hit.url} className="text-brand-700 hover:underline"><Highlighted parts={hit.title} /></Link>
                  </h2>
                  <p className="mt-1 text-sm text-slate-700"><Highlighted parts={hit.snippet} /></p>
                </li>
              ))}
            </ol>
            <Pagination
              page={results.page}
              pageCount={Math.ceil(results.total / RESULTS_PER_PAGE)}
              hrefFor={(p) => `/search?${new URLSearchParams({ q: results.query, page: String(p) })}`}
            />
          </>
        )}
      </div>
    </div>
  );
}
