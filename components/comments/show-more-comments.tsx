'use client';
// "Show N more replies": loads the next part of a long thread in place of the button
// and moves focus to the first comment it brought, so keyboard and screen reader users
// carry on reading from there.
import { useEffect, useState, type ReactNode } from 'react';
import { loadMoreComments } from '@/lib/comments/thread-loader';
import type { MoreComments } from '@/lib/comments/thread-plan';

export function ShowMoreComments({ target, more, label }: { target: { kind: string; slug: string }; more: MoreComments; label: ReactNode }) {
  const [loaded, setLoaded] = useState<{ firstId: string | null; items: ReactNode } | null>(null);
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!loaded?.firstId) return;
    document.querySelector<HTMLElement>(`#comment-${CSS.escape(loaded.firstId)} > article`)?.focus();
  }, [loaded]);

  if (loaded) return loaded.items;

  async function load() {
    if (pending) return;
    setPending(true);
    setFailed(false);
    try {
      const part = await loadMoreComments(target.kind, target.slug, more.parentId, more.offset);
      if (part) setLoaded(part);
      else setFailed(true);
    } catch {
      setFailed(true);
    } finally {
      setPending(false);
    }
  }

  return (
    <li className="list-none">
      <button
        type="button"
        onClick={load}
        aria-busy={pending}
        className="rounded-full border border-slate-300 px-4 py-2 text-sm font-medium text-brand-800 hover:bg-sand-100"
      >
        {pending ? 'Loading…' : label}
      </button>
      {failed && <p role="alert" className="mt-2 text-sm text-coral-700">These comments could not be loaded. Check your connection and try again.</p>}
    </li>
  );
}
