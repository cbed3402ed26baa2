'use client';
// Who is viewing, for the client parts of a page (header, comment controls). A page
// rendered for this request puts the answer in the response (PublishViewer); only a page
// served from the shared cache, the same HTML for everyone, asks /api/me, once, after it
// loaded. Client-side navigations keep the answer: the layout and this store outlive them.
import { useEffect, useSyncExternalStore } from 'react';
import type { Me } from '@/lib/viewer/me';

export type { Me };

let current: Me | null = null; // null: not known yet
let asked = false;
/** The answer a sign-in or sign-out made stale: a page still showing it must not bring it back. */
let forgotten: string | null = null;
const listeners = new Set<() => void>();

function set(me: Me | null) {
  current = me;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The answer a page rendered for this request carries (PublishViewer). */
export function publishViewer(me: Me) {
  const answer = JSON.stringify(me);
  if (answer === forgotten) return;
  forgotten = null;
  asked = true;
  if (answer !== JSON.stringify(current)) set(me);
}

/** Signing in or out changes the answer: ask again on the next page that needs it. */
export function forgetViewer() {
  forgotten = JSON.stringify(current);
  asked = false;
  set(null);
}

function askOnce() {
  if (asked || current) return;
  // A page rendered for this request carries the answer (PublishViewer). Its part of the
  // HTML may still be streaming, or not yet hydrated: read it from the page once loaded.
  const inPage = document.querySelector<HTMLElement>('[data-viewer]')?.dataset.viewer;
  if (inPage && inPage !== forgotten) return publishViewer(JSON.parse(inPage) as Me);
  if (document.readyState !== 'complete') {
    window.addEventListener('load', askOnce, { once: true });
    return;
  }
  asked = true;
  fetch('/api/me', { cache: 'no-store' })
    .then((r) => (r.ok ? (r.json() as Promise<Me>) : null))
    .then((me) => {
      if (!me || current) return;
      forgotten = null;
      set(me);
    })
    .catch(() => {
      asked = false; // offline: try again on the next page
    });
}

/**
 * The viewer, once known. `page` (the header passes the path) lets the question be asked
 * again after a sign-in or sign-out, which ends on another page; while the answer is
 * known, a navigation asks nothing.
 */
export function useMe(page?: string): Me | null {
  const me = useSyncExternalStore(subscribe, () => current, () => null);
  useEffect(() => {
    // After this commit's effects: a PublishViewer in the same page has answered by then.
    const timer = setTimeout(askOnce, 0);
    return () => clearTimeout(timer);
  }, [page]);
  return me;
}
