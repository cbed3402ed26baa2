// Short-lived, member-bound links to programme videos. The files are not in public/:
// /media/programme/… serves one only with a valid signature that has not expired, to
// the member it was made for, while they are entitled.
import 'server-only';
import crypto from 'node:crypto';
import { env } from '@/lib/env';

function secret(): string {
  if (!env.AUTH_SECRET) throw new Error('AUTH_SECRET is needed to sign media links');
  return `programme-media:${env.AUTH_SECRET}`;
}

function signature(path: string, userId: string, expires: number): string {
  return crypto.createHmac('sha256', secret()).update(`${path}|${userId}|${expires}`).digest('base64url');
}

export function signedMediaUrl(phaseSlug: string, file: string, userId: string, now = Date.now()): string {
  const path = `/media/programme/${encodeURIComponent(phaseSlug)}/${encodeURIComponent(file)}`;
  const expires = Math.floor(now / 1000) + env.MEDIA_URL_TTL_SECONDS;
  return `${path}?${new URLSearchParams({ u: userId, e: String(expires), s: signature(path, userId, expires) })}`;
}

export type MediaLinkCheck = { ok: true; userId: string } | { ok: false; reason: 'invalid' | 'expired' };

/** Checks a link's signature and expiry; the caller checks it belongs to the member asking. */
export function checkMediaLink(path: string, params: URLSearchParams, now = Date.now()): MediaLinkCheck {
  const userId = params.get('u') ?? '';
  const expires = Number(params.get('e'));
  const given = Buffer.from(params.get('s') ?? '');
  if (!userId || !Number.isInteger(expires)) return { ok: false, reason: 'invalid' };
  const expected = Buffer.from(signature(path, userId, expires));
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  if (expires * 1000 < now) return { ok: false, reason: 'expired' };
  return { ok: true, userId };
}
