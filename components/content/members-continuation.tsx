'use client';
// Where a members-only article's preview ends (or an episode's teaser stands). Everyone
// gets the call to join in the prerendered HTML; a signed-in entitled member gets the
// members' part in its place, loaded through a server action that checks entitlement
// on the server.
import { useEffect, useState, type ReactNode } from 'react';
import { useMe } from '@/components/site/use-me';

export function MembersContinuation({
  load,
  children,
  loadingText = 'Loading the rest of the article for members…',
}: {
  load: () => Promise<ReactNode>;
  children: ReactNode;
  loadingText?: string;
}) {
  const me = useMe();
  const [state, setState] = useState<{ status: 'idle' | 'failed' } | { status: 'loaded'; content: ReactNode }>({ status: 'idle' });
  const entitled = me?.signedIn === true && me.entitled;

  useEffect(() => {
    if (!entitled) return;
    let cancelled = false;
    load()
      .then((content) => !cancelled && setState(content ? { status: 'loaded', content } : { status: 'failed' }))
      .catch(() => !cancelled && setState({ status: 'failed' }));
    return () => {
      cancelled = true;
    };
  }, [entitled, load]);

  if (state.status === 'loaded') return <div data-testid="members-part">{state.content}</div>;
  if (entitled && state.status === 'idle') {
    return <p role="status" className="my-10 text-slate-600">{loadingText}</p>;
  }
  return (
    <>
      {state.status === 'failed' && <p role="alert" className="my-6 text-coral-700">The members’ part could not be loaded. Please reload the page.</p>}
      {children}
    </>
  );
}
