import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Page not found', robots: { index: false } };

export default function NotFound() {
  return (
    <div className="container-page max-w-2xl py-20 text-center">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">404</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight sm:text-4xl">We could not find that page</h1>
      <p className="mt-4 text-slate-700">It may have moved, or the link may be mistyped. Try searching, or start from one of these:</p>
      <form action="/search" method="get" role="search" className="mx-auto mt-6 flex max-w-md gap-2">
        <label htmlFor="nf-q" className="sr-only">Search articles and episodes</label>
        <input id="nf-q" name="q" type="search" placeholder="Search articles and episodes" className="min-w-0 flex-1 rounded-full border border-slate-300 px-4 py-2" />
        <button type="submit" className="rounded-full bg-brand-600 px-5 py-2 font-medium text-white hover:bg-brand-700">Search</button>
      </form>
      <p className="mt-8 flex justify-center gap-6 text-sm">
        <Link className="text-brand-700 underline" href="/">Home</Link>
        <Link className="text-brand-700 underline" href="/articles">Articles</Link>
        <Link className="text-brand-700 underline" href="/podcast">Podcast</Link>
      </p>
    </div>
  );
}
