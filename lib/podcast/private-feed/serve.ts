// The two public endpoints of private feeds: the feed itself and its members-only audio.
// Both answer from the token alone (podcast apps send no cookies), and decide the
// member's entitlement afresh on every request.
import 'server-only';
import { clientIpOf } from '@/lib/auth/client-address';
import { loadEntitlements } from '@/lib/billing/entitlements';
import type { PrismaClient } from '@/lib/db/generated/client';
import { matchesEtag, serveFile } from '@/lib/media/serve-file';
import { servePodcastAudio } from '@/lib/podcast/audio';
import { consumeRateLimit } from '@/lib/rate-limit/rate-limit';
import { rateLimits } from '@/lib/rate-limit/rules';
import { absoluteUrl } from '@/lib/site';
import { cachedPrivateFeed, lapseOf } from './feed';
import { RENEW_AUDIO_FILE, RENEW_AUDIO_PATH } from './renew-episode';
import { pollPrivateFeed } from './poll';
import { feedClientOf } from './sharing';
import { findPrivateFeed } from './tokens';

type Options = { db?: PrismaClient; now?: Date };

const text = (status: number, body: string, extra: Record<string, string> = {}) =>
  new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...extra } });

/** GET/HEAD of a private feed: 200 with the member's feed (304 when the app has it), 404 for an unknown or reset address. */
export async function servePrivateFeed(request: Request, token: string, options: Options = {}): Promise<Response> {
  const poll = await pollPrivateFeed(token, feedClientOf(request.headers), options);
  if (!poll) {
    const limit = await consumeRateLimit(rateLimits.privateFeedMissPerIp, clientIpOf(request), options);
    if (!limit.allowed) return text(429, 'Too many unknown feed addresses. Try again later.', { 'Retry-After': String(limit.retryAfterSeconds) });
    return text(404, `This feed address does not work any more: it was reset, or never existed. Members find their current private feed on ${absoluteUrl('/account')}.`);
  }
  const { owner, entitlements } = poll;
  const { xml, etag } = cachedPrivateFeed(owner.feedId, {
    token,
    memberName: owner.memberName,
    entitled: entitlements.premium,
    lapse: lapseOf(entitlements, owner),
  });
  const headers = new Headers({
    'Content-Type': 'application/rss+xml; charset=utf-8',
    // The member's own: never in a shared cache, always revalidated (cheaply, by ETag).
    'Cache-Control': 'private, no-cache',
    ETag: etag,
    'X-Robots-Tag': 'noindex, nofollow',
    'Referrer-Policy': 'no-referrer',
  });
  if (matchesEtag(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
  return new Response(request.method === 'HEAD' ? null : xml, { status: 200, headers });
}

/** GET/HEAD of audio through a feed's token: 403 without a valid token, or for members' audio once the membership has lapsed. */
export async function servePrivateAudio(request: Request, token: string, fileName: string, options: Options = {}): Promise<Response> {
  const owner = await findPrivateFeed(token, options);
  if (!owner) return text(403, 'This address does not give access to members’ audio.');
  if (fileName === RENEW_AUDIO_FILE) return serveFile(request, RENEW_AUDIO_PATH, { contentType: 'audio/mpeg', cacheControl: 'private, max-age=86400' });
  return servePodcastAudio(request, fileName, async () => ({ entitled: (await loadEntitlements(owner.userId, options)).premium }));
}
