'use client';
// The header's links that depend on who is viewing (wide screens; narrower ones have the menu).
// They live in the root layout, above pages that are shared by everyone; who is signed in
// comes from the viewer store (use-me.ts).
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { firstName } from '@/lib/auth/display-name';
import { isStaffRole } from '@/lib/auth/roles';
import { mayJoin } from './site-sections';
import { useMe } from './use-me';

export function AccountNav() {
  const me = useMe(usePathname());

  const linkClass = 'rounded-md px-3 py-2 text-slate-700 hover:bg-sand-100 hover:text-ink';
  const join = mayJoin(me) && (
    <Link href="/pricing" className="ml-1 rounded-full bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">Join</Link>
  );
  if (me?.signedIn) {
    return (
      <>
        {me.entitled && <Link href="/dashboard" className={linkClass}>My programme</Link>}
        {isStaffRole(me.role) && <Link href="/staff" className={linkClass}>Staff</Link>}
        <Link href="/account" className={`${linkClass} max-w-40 truncate`} data-testid="account-link">
          <span className="sr-only">Your account, signed in as </span>
          <bdi>{firstName(me.name) || 'Account'}</bdi>
        </Link>
        {join}
      </>
    );
  }
  return (
    <>
      <Link href="/sign-in" className={linkClass}>Sign in</Link>
      {join}
    </>
  );
}
