import Link from 'next/link';

export function SiteFooter({ siteName, tagline }: { siteName: string; tagline: string }) {
  return (
    <footer className="mt-24 border-t border-sand-200 bg-sand-50">
      <div className="container-page grid gap-8 py-12 text-sm text-slate-700 sm:grid-cols-3">
        <div>
          <p className="font-semibold text-ink">{siteName}</p>
          <p className="mt-2 max-w-xs">{tagline}</p>
        </div>
        <nav aria-label="Footer">
          <ul className="space-y-2">
            <li><Link className="hover:underline" href="/articles">Articles</Link></li>
            <li><Link className="hover:underline" href="/podcast">Podcast</Link></li>
            <li><Link className="hover:underline" href="/programme">The programme</Link></li>
            <li><Link className="hover:underline" href="/pricing">Membership</Link></li>
            <li><Link className="hover:underline" href="/about">About us</Link></li>
          </ul>
        </nav>
        <div>
          <p className="font-semibold text-ink">Subscribe</p>
          <ul className="mt-2 space-y-2">
            <li><a className="hover:underline" href="/feed.xml">Articles RSS feed</a></li>
            <li><a className="hover:underline" href="/podcast/feed.xml">Podcast RSS feed</a></li>
          </ul>
          <p className="mt-6 text-xs text-slate-600">
            General information, not a diagnosis. If you have new numbness, weakness, or problems with bladder or bowel control, seek urgent medical care.
          </p>
        </div>
      </div>
    </footer>
  );
}
