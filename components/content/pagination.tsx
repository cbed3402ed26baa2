import Link from 'next/link';

/** Newest-first lists by default: the previous page is newer. */
export function Pagination({ page, pageCount, hrefFor, labels = { previous: '← Newer', next: 'Older →' } }: { page: number; pageCount: number; hrefFor: (page: number) => string; labels?: { previous: string; next: string } }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pagination" className="mt-10 flex items-center justify-between gap-4 text-sm">
      {page > 1 ? (
        <Link rel="prev" href={hrefFor(page - 1)} className="rounded-full border border-sand-200 px-4 py-2 hover:bg-sand-100">
          {labels.previous}
        </Link>
      ) : <span />}
      <span>Page {page} of {pageCount}</span>
      {page < pageCount ? (
        <Link rel="next" href={hrefFor(page + 1)} className="rounded-full border border-sand-200 px-4 py-2 hover:bg-sand-100">
          {labels.next}
        </Link>
      ) : <span />}
    </nav>
  );
}
