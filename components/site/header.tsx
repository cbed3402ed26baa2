import Link from 'next/link';
import { AccountNav } from './account-nav';
import { SiteMenu } from './site-menu';
import { SITE_SECTIONS } from './site-sections';

const linkClass = 'rounded-md px-3 py-2 text-slate-700 hover:bg-sand-100 hover:text-ink';
const searchIcon = (
  <svg aria-hidden="true" viewBox="0 0 20 20" className="inline size-4 align-[-2px]" fill="none" stroke="currentColor" strokeWidth="2"><circle cx="8.5" cy="8.5" r="5.5" /><path d="m13 13 4.5 4.5" strokeLinecap="round" /></svg>
);

/** Wide screens: every destination in a row. Phones and tablets: search and a menu (site-menu.tsx). */
export function SiteHeader({ siteName }: { siteName: string }) {
  return (
    <header className="sticky top-0 z-30 border-b border-sand-200 bg-white/95 backdrop-blur supports-[backdrop-filter]:bg-white/80">
      <div className="container-page flex h-16 items-center gap-2 lg:gap-4">
        <Link href="/" className="flex min-w-0 shrink items-center gap-2 font-semibold tracking-tight text-ink">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src="/images/brand/logo.svg" alt="" width={32} height={32} className="shrink-0" />
          <span className="truncate max-[360px]:sr-only">{siteName}</span>
        </Link>
        <nav aria-label="Main" className="ml-auto hidden items-center gap-1 whitespace-nowrap text-sm lg:flex">
          {SITE_SECTIONS.map((item) => (
            <Link key={item.href} href={item.href} className={linkClass}>{item.label}</Link>
          ))}
          <Link href="/search" className={linkClass}>
            {searchIcon}
            <span className="ml-1">Search</span>
          </Link>
          <AccountNav />
        </nav>
        <div className="ml-auto flex shrink-0 items-center gap-1 lg:hidden">
          <Link href="/search" className="rounded-md px-2 py-2 text-slate-700 hover:bg-sand-100">
            {searchIcon}
            <span className="sr-only">Search</span>
          </Link>
          <SiteMenu />
        </div>
      </div>
    </header>
  );
}
