'use client';
// The thread under members-only content: loaded for entitled members after the page,
// reloaded whenever a comment action here succeeds.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useMe } from '@/components/site/use-me';
import { COMMENTS_CHANGED } from './comment-controls';

export function MembersThread({ load }: { load: () => Promise<ReactNode> }) {
  const me = useMe();
  const allowed = me?.signedIn === true && me.entitled; // staff count as entitled
  const [thread, setThread] = useState<ReactNode>(null);
  const [failed, setFailed] = useState(false);
  const reload = useCallback(() => {
    load().then(
      (content) => {
        setThread(content);
        setFailed(false);
      },
      () => setFailed(true),
    );
  }, [load]);
  useEffect(() => {
    if (!allowed) return;
    reload();
    window.addEventListener(COMMENTS_CHANGED, reload);
    return () => window.removeEventListener(COMMENTS_CHANGED, reload);
  }, [allowed, reload]);
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
