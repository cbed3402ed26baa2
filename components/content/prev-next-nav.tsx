import Link from 'next/link';

interface Neighbour {
  url: string;
  title: string;
}

/** Links to the older and newer item; `noun` is "article" or "episode". */
export function PrevNextNav({ previous, next, noun }: { previous?: Neighbour; next?: Neighbour; noun: string }) {
  if (!previous && !next) return null;
  return (
    <nav aria-label={`More ${noun}s`} className="grid gap-4 sm:grid-cols-2">
      {previous ? (
        <Link href={previous.url} rel="prev" className="rounded-2xl border border-sand-200 p-4 hover:bg-sand-50">
          <span className="text-xs text-slate-600">← Previous {noun}</span>
          <span className="mt-1 block font-semibold">{previous.title}</span>
        </Link>
      ) : <span />}
      {next && (
        <Link href={next.url} rel="next" className="rounded-2xl border border-sand-200 p-4 text-right hover:bg-sand-50">
          <span className="text-xs text-slate-600">Next {noun} →</span>
          <span className="mt-1 block font-semibold">{next.title}</span>
        </Link>
      )}
    </nav>
  );
}
