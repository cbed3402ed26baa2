// When each scheduled lifecycle email is due, as pure functions of `now` (tests move the
// clock). The job (job.ts) asks the database for the members these windows select; the
// keys here make each occasion one LifecycleEmail row, so it is sent once.
import { TIMING } from './kinds';

export interface Window {
  /** Exclusive. */
  after: Date;
  /** Inclusive. */
  until: Date;
}

const shift = (date: Date, ms: number) => new Date(date.getTime() + ms);

/** Cancelled memberships whose paid period ends within the next 3 days. */
export function endingSoonWindow(now: Date): Window {
  return { after: now, until: shift(now, TIMING.endingSoonMs) };
}

/** One ending-soon email per subscription and period end (a renewed, re-cancelled period is a new occasion). */
export function endingSoonKey(subscriptionId: string, periodEnd: Date): string {
  return `${subscriptionId}@${Math.floor(periodEnd.getTime() / 1000)}`;
}

/** Memberships that ended at least 7 days ago, and at most a week before that (a paused job catches up, no further). */
export function lapsedWindow(now: Date): Window {
  const until = shift(now, -TIMING.lapsedAfterMs);
  return { after: shift(until, -TIMING.lapsedCatchUpMs), until };
}

/** A member with access is quiet from their last completed session, or from when their access began if later. */
export function quietSince(lastCompletion: Date | null, accessBegan: Date | null): Date | null {
  const times = [lastCompletion, accessBegan].filter((d): d is Date => d !== null).map((d) => d.getTime());
  return times.length ? new Date(Math.max(...times)) : null;
}

/** The latest `since` that counts as gone quiet at `now`. */
export function quietCutoff(now: Date): Date {
  return shift(now, -TIMING.quietAfterMs);
}

/** No gone-quiet email if one went out after this. */
export function quietRepeatCutoff(now: Date): Date {
  return shift(now, -TIMING.quietRepeatMs);
}

/**
 * One gone-quiet email per quiet spell and fortnight of it: the 10th day, the 24th, the
 * 38th… Two job runs at once compute the same key, so only one of them sends.
 */
export function goneQuietKey(since: Date, now: Date): string {
  const fortnight = Math.max(0, Math.floor((now.getTime() - since.getTime() - TIMING.quietAfterMs) / TIMING.quietRepeatMs));
  return `${since.toISOString()}/${fortnight}`;
}

/** Whole days since `since`, for the email. */
export function daysSince(since: Date, now: Date): number {
  return Math.floor((now.getTime() - since.getTime()) / 86_400_000);
}

/** Completions this recent may have made a member ready for the next phase. */
export function readyLookbackStart(now: Date): Date {
  return shift(now, -TIMING.readyLookbackMs);
}
