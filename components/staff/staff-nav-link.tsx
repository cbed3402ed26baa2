'use client';
// A staff navigation link that marks the page it is on (aria-current) and carries a count.
import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import type { ReactNode } from 'react';

export function StaffNavLink({ href, exact, count, countLabel, children }: { href: string; exact?: boolean; count?: number; countLabel?: string; children: ReactNode }) {
  const pathname = usePathname();
  const view = useSearchParams().get('view');
  const [path, search] = href.split('?');
  let current = exact ? pathname === path : pathname === path || pathname.startsWith(`${path}/`);
  // The inbox and its reports list share a path: the view tells them apart.
  if (current && path === '/staff/inbox') current = (new URLSearchParams(search ?? '').get('view') === 'reports') === (view === 'reports');
  return (
    <Link href={href} aria-current={current ? 'page' : undefined} className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-2.5 py-1.5 font-medium ${current ? 'bg-white text-ink shadow-sm' : 'text-slate-700 hover:bg-sand-100'}`}>
      {children}
      {count !== undefined && (
        <span className={`rounded-full px-1.5 text-xs ${count > 0 ? 'bg-coral-700 text-white' : 'bg-sand-200 text-slate-700'}`}>
          {count}<span className="sr-only"> {countLabel}</span>
        </span>
      )}
    </Link>
  );
}
