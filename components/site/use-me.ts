'use client';
// Who is signed in, asked once per page load and shared by every component that needs
// it (header, members-only continuations): public pages are prerendered for everyone.
import { useEffect, useState } from 'react';

export type Me = { signedIn: false } | { signedIn: true; name: string; role: 'MEMBER' | 'COACH' | 'ADMIN'; entitled: boolean };

let pending: { promise: Promise<Me | null>; at: number } | undefined;

function fetchMe(): Promise<Me | null> {
  // Shared for a few seconds: enough for one page's components, fresh after sign-in.
  if (!pending || Date.now() - pending.at > 5_000) {
    pending = {
      at: Date.now(),
      promise: fetch('/api/me', { cache: 'no-store' })
        .then((r) => (r.ok ? (r.json() as Promise<Me>) : null))
        .catch(() => null),
    };
  }
  return pending.promise;
}

export function useMe(): Me | null {
  const [me, setMe] = useState<Me | null>(null);
  useEffect(() => {
    let cancelled = false;
    fetchMe().then((data) => !cancelled && setMe(data));
    return () => {
      cancelled = true;
    };
  }, []);
  return me;
}
