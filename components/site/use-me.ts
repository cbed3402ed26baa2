'use client';
// Who is signed in, asked once per page load and shared by every component that needs
// it (header, members-only continuations): public pages are prerendered for everyone.
import { useEffect, useState } from 'react';

export type Me = { signedIn: false } | { signedIn: true; id: string; name: string; role: 'MEMBER' | 'COACH' | 'ADMIN'; entitled: boolean };

let inFlight: Promise<Me | null> | undefined;

function fetchMe(): Promise<Me | null> {
  // Components mounting together share one request; a later mount (after signing in or
  // out) asks again, so the answer is never stale.
  inFlight ??= fetch('/api/me', { cache: 'no-store' })
    .then((r) => (r.ok ? (r.json() as Promise<Me>) : null))
    .catch(() => null)
    .finally(() => {
      inFlight = undefined;
    });
  return inFlight;
}

/**
 * Asked when the component mounts, and again whenever `refreshKey` changes: the header
 * outlives navigations (it is in the root layout), so it passes the path to notice a
 * sign-in or sign-out, which always ends on another page. Keeps the last answer meanwhile.
 */
export function useMe(refreshKey?: string): Me | null {
  const [me, setMe] = useState<Me | null>(null);
  useEffect(() => {
    let cancelled = false;
    fetchMe().then((data) => !cancelled && setMe(data));
    return () => {
      cancelled = true;
    };
  }, [refreshKey]);
  return me;
}
