// RFC 8058 one-click unsubscribe, for every kind of list the site mails: a mail app POSTs
// "List-Unsubscribe=One-Click" to the List-Unsubscribe URL, whose token says who. Only
// POST changes anything, so a link scanner fetching the URL unsubscribes nobody.
import 'server-only';
import { clientIpOf } from '@/lib/auth/client-address';
import type { PrismaClient } from '@/lib/db/generated/client';
import { consumeRateLimit } from '@/lib/rate-limit/rate-limit';
import { rateLimits } from '@/lib/rate-limit/rules';

const plain = (status: number, text: string, extra: Record<string, string> = {}) =>
  new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...extra } });

/**
 * Only tokens that match nobody count toward the per-address limit: a mail provider posts
 * many people's real unsubscribes from one address, a guesser posts misses.
 */
export async function handleOneClick(
  request: Request,
  unsubscribe: (token: string) => Promise<boolean>,
  done: string,
  options: { db?: PrismaClient } = {},
): Promise<Response> {
  const token = new URL(request.url).searchParams.get('token') ?? '';
  const body = (await request.text().catch(() => '')).slice(0, 200);
  if (!new URLSearchParams(body).has('List-Unsubscribe')) return plain(400, 'Expected a one-click unsubscribe (List-Unsubscribe=One-Click).');
  if (!(await unsubscribe(token))) {
    const limit = await consumeRateLimit(rateLimits.unsubscribeMissPerIp, clientIpOf(request), options);
    if (!limit.allowed) return plain(429, 'Too many unsubscribe links that do not work. Try again later.', { 'Retry-After': String(limit.retryAfterSeconds) });
    return plain(404, 'This unsubscribe link is not valid.');
  }
  return plain(200, done);
}
