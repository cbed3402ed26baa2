'use client';
// The header's menu on phones and tablets (below 1024 px): every destination the viewer has, behind one button. A
// <details> disclosure, so it opens and closes without JavaScript; with it, Escape closes
// the menu and puts focus back on the button, and a navigation or a click elsewhere
// closes it. Who is viewing comes from the viewer store (use-me.ts), as in AccountNav.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { signOutAction } from '@/lib/auth/actions';
import { firstName } from '@/lib/auth/display-name';
import { isStaffRole } from '@/lib/auth/roles';
import { mayJoin, SITE_SECTIONS } from './site-sections';
import { forgetViewer, useMe } from './use-me';

const itemClass = 'block rounded-md px-3 py-3 text-base text-slate-800 hover:bg-sand-100 focus-visible:bg-sand-100';

export function SiteMenu() {
  const pathname = usePathname();
  const me = useMe(pathname);
  const menu = useRef<HTMLDetailsElement>(null);

  // A navigation closes it (the header outlives client-side navigations).
  useEffect(() => {
    menu.current?.removeAttribute('open');
  }, [pathname]);

  useEffect(() => {
    const details = menu.current;
    if (!details) return;
    const close = (returnFocus: boolean) => {
      if (!details.open) return;
      details.open = false;
      if (returnFocus) details.querySelector('summary')?.focus();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close(true);
    };
    const onPointer = (event: PointerEvent) => {
      if (!details.contains(event.target as Node)) close(false);
    };
    // Following a link closes it too, also one to the page already open (no navigation then).
    const onClick = (event: MouseEvent) => {
      if ((event.target as Element).closest('nav a')) close(false);
    };
    details.addEventListener('keydown', onKey);
    details.addEventListener('click', onClick);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      details.removeEventListener('keydown', onKey);
      details.removeEventListener('click', onClick);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, []);

  return (
    <details ref={menu} className="group lg:hidden" data-testid="site-menu">
      <summary className="flex cursor-pointer list-none items-center gap-1.5 rounded-md px-2 py-2 text-sm font-medium text-slate-800 hover:bg-sand-100 [&::-webkit-details-marker]:hidden">
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          <path className="group-open:hidden" d="M3 5h14M3 10h14M3 15h14" />
          <path className="hidden group-open:block" d="m5 5 10 10M15 5 5 15" />
        </svg>
        Menu
      </summary>
      <nav aria-label="Menu" className="absolute inset-x-0 top-full max-h-[calc(100dvh-4rem)] overflow-y-auto border-b border-sand-200 bg-white px-4 pb-4 pt-2 shadow-lg">
        <ul className="space-y-0.5">
          {SITE_SECTIONS.map((item) => (
            <li key={item.href}><Link href={item.href} className={itemClass} aria-current={pathname === item.href ? 'page' : undefined}>{item.label}</Link></li>
          ))}
          <li><Link href="/search" className={itemClass}>Search</Link></li>
        </ul>
        <ul className="mt-2 space-y-0.5 border-t border-sand-200 pt-2">
          {me?.signedIn ? (
            <>
              {me.entitled && <li><Link href="/dashboard" className={itemClass}>My programme</Link></li>}
              <li>
                <Link href="/account" className={itemClass}>
                  Account <span className="text-sm text-slate-600">(<bdi>{firstName(me.name) || 'you'}</bdi>)</span>
                </Link>
              </li>
              {isStaffRole(me.role) && <li><Link href="/staff" className={itemClass}>Staff</Link></li>}
              <li>
                <form action={signOutAction} onSubmit={forgetViewer}>
                  <button type="submit" className={`${itemClass} w-full text-left`}>Sign out</button>
                </form>
              </li>
            </>
          ) : (
            <li><Link href="/sign-in" className={itemClass}>Sign in</Link></li>
          )}
          {mayJoin(me) && (
            <li className="pt-2">
              <Link href="/pricing" className="block rounded-full bg-brand-600 px-4 py-3 text-center font-semibold text-white hover:bg-brand-700">Join</Link>
            </li>
          )}
        </ul>
      </nav>
    </details>
  );
}
