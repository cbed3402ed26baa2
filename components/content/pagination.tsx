import Link from 'next/link';

export function Pagination({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pagination" className="mt-10 flex items-center justify-between gap-4 text-sm">
      {page > 1 ? (
        <Link rel="prev" href={hrefFor(page - 1)} className="rounded-full border border-sand-200 px-4 py-2 hover:bg-sand-100">
          ← Newer
        </Link>
      ) : <span />}
      <span>Page {page} of {pageCount}</span>
      {page < pageCount ? (
        <Link rel="next" href={hrefFor(page + 1)} className="rounded-full border border-sand-200 px-4 py-2 hover:bg-sand-100">
          Older →
        </Link>
      ) : <span />}
    </nav>
  );
}
