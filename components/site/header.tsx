import Link from 'next/link';
import { AccountNav } from './account-nav';

const nav = [
  { href: '/articles', label: 'Articles', className: '' },
  { href: '/podcast', label: 'Podcast', className: '' },
  { href: '/programme', label: 'Programme', className: 'hidden sm:inline-block' },
  // On phones Programme and About live in the footer, so the header fits without scrolling.
  { href: '/about', label: 'About', className: 'hidden sm:inline-block' },
];

export function SiteHeader({ siteName }: { siteName: string }) {
  return (
    <header className="sticky top-0 z-30 border-b border-sand-200 bg-white/95 backdrop-blur supports-[backdrop-filter]:bg-white/80">
      <div className="container-page flex h-16 items-center gap-4">
        <Link href="/" className="flex shrink-0 items-center gap-2 font-semibold tracking-tight text-ink">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src="/images/brand/logo.svg" alt="" width={32} height={32} />
          <span className="max-[360px]:sr-only">{siteName}</span>
        </Link>
        <nav aria-label="Main" className="ml-auto flex items-center gap-1 text-sm sm:gap-2">
          {nav.map((item) => (
            <Link key={item.href} href={item.href} className={`rounded-md px-2 py-2 text-slate-700 hover:bg-sand-100 hover:text-ink sm:px-3 ${item.className}`}>
              {item.label}
            </Link>
          ))}
          <Link href="/search" className="rounded-md px-2 py-2 text-slate-700 hover:bg-sand-100 hover:text-ink sm:px-3">
            <svg aria-hidden="true" viewBox="0 0 20 20" className="inline size-4 align-[-2px] sm:mr-1" fill="none" stroke="currentColor" strokeWidth="2"><circle cx="8.5" cy="8.5" r="5.5" /><path d="m13 13 4.5 4.5" strokeLinecap="round" /></svg>
            <span className="sr-only sm:not-sr-only">Search</span>
          </Link>
          <AccountNav />
          <Link href="/pricing" className="ml-1 hidden rounded-full bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 sm:inline-block">
            Join
          </Link>
        </nav>
      </div>
    </header>
  );
}
