// The paywall's price line ("From £19 a month"), in Next's own cache: the box sits in
// pages everyone shares (prerendered, or cached on their first request), which must not
// ask Stripe per render, and must still render when Stripe cannot answer.
import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { loadPlansForPage, startingPrice } from './plans';

export const PLANS_CACHE_TAG = 'plans';

/** The line, or null when no plan can be shown (billing off, Stripe unreachable). */
export async function cachedStartingPrice(): Promise<string | null> {
  'use cache';
  cacheTag(PLANS_CACHE_TAG);
  const line = startingPrice((await loadPlansForPage()).plans);
  // Without a price, try again soon (the build has no Stripe keys; Stripe may be back).
  // 'minutes' still expires after an hour, so the page stays prerenderable.
  cacheLife(line ? 'days' : 'minutes');
  return line;
}
