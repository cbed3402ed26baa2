'use client';
// A thread loaded after the page, reloaded whenever a comment action here succeeds: under
// members-only content for entitled members only. A public thread comes as `rendered`
// (server-rendered into the page), or, in the copy the build prerenders without a
// database, is loaded for everyone. Both public forms go through this one component, so
// when a comment action re-renders the page (the build's copy becoming the rendered one)
// React keeps the composer's state ("Your comment is posted.").
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useMe } from '@/components/site/use-me';
import { COMMENTS_CHANGED } from './comment-controls';

type Props = { load: () => Promise<ReactNode>; everyone?: boolean; rendered?: undefined } | { rendered: ReactNode; load?: undefined; everyone?: undefined };

export function MembersThread({ load, everyone = false, rendered }: Props) {
  const me = useMe();
  const allowed = everyone || (me?.signedIn === true && me.entitled); // staff count as entitled
  const [thread, setThread] = useState<ReactNode>(null);
  const [failed, setFailed] = useState(false);
  const reload = useCallback(() => {
    load?.().then(
      (content) => {
        setThread(content);
        setFailed(false);
      },
      () => setFailed(true),
    );
  }, [load]);
  useEffect(() => {
    if (!allowed || !load) return;
    reload();
    window.addEventListener(COMMENTS_CHANGED, reload);
    return () => window.removeEventListener(COMMENTS_CHANGED, reload);
  }, [allowed, load, reload]);
  if (rendered !== undefined) return rendered;
  if (!allowed) {
    return (
      <section aria-labelledby="comments-heading" className="mt-14">
        <h2 id="comments-heading" className="text-2xl font-bold tracking-tight">Questions and answers</h2>
        <p className="mt-2 text-sm text-slate-700">Members ask the coaches questions here.</p>
      </section>
    );
  }
  if (failed) return <p role="alert" className="mt-14 text-coral-700">The questions and answers could not be loaded. Please reload the page.</p>;
  return thread ?? <p role="status" className="mt-14 text-sm text-slate-600">Loading questions and answers…</p>;
}
