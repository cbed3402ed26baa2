'use client';
// The header's account link. It lives in the root layout, above pages that are shared
// by everyone; who is signed in comes from the viewer store (use-me.ts).
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { firstName } from '@/lib/auth/display-name';
import { isStaffRole } from '@/lib/auth/roles';
import { useMe } from './use-me';

export function AccountNav() {
  const me = useMe(usePathname());

  const linkClass = 'rounded-md px-2 py-2 text-slate-700 hover:bg-sand-100 hover:text-ink sm:px-3';
  if (me?.signedIn) {
    return (
      <>
        {isStaffRole(me.role) && <Link href="/staff" className={`${linkClass} hidden sm:inline-block`}>Staff</Link>}
        <Link href="/account" className={linkClass} data-testid="account-link">
          <span className="sr-only">Your account, signed in as </span>
          <bdi>{firstName(me.name) || 'Account'}</bdi>
        </Link>
      </>
    );
  }
  return <Link href="/sign-in" className={linkClass}>Sign in</Link>;
}
