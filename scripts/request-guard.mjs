// @ts-check
// Requests Next.js would answer with a bare 500, answered here with a 4xx page that says
// what was wrong (scripts/server.mjs calls this first):
//   - a path with malformed percent-encoding (`/articles/%ff`): Next fails to decode the
//     dynamic parameter and its 400 page is not found in an App Router build;
//   - a server action from another origin: Next refuses it (Origin against Host, as
//     below) but with status 500;
//   - a request body over 1 MB, Next's server-action limit (which also answers 500); no
//     route here takes more. A server action without a Content-Length (a chunked body,
//     which browsers never send) is refused too, as its size is unknown until read.
// /api/ routes are route handlers, never server actions: they do their own checks (the
// Stripe webhook, the one-click unsubscribe POST from mail providers).

/** Next's default `serverActions.bodySizeLimit` ("1mb"). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Refused bodies up to this size are read and dropped; larger ones end the connection. */
const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024;

/** @typedef {{ status: number, title: string, message: string, retryAfterSeconds?: number }} Refusal */

/**
 * Why Next should not see this request, or null when it may.
 * @param {{ method?: string, url?: string, headers: import('node:http').IncomingHttpHeaders }} req
 * @returns {Refusal | null}
 */
export function refusalFor(req) {
  const url = req.url ?? '/';
  const pathname = url.split('?')[0];
  try {
    decodeURIComponent(pathname);
  } catch {
    return { status: 400, title: 'That address is not valid', message: 'The address has a broken %-encoding, so there is no page to show.' };
  }
  const length = req.headers['content-length'];
  if (length !== undefined && !(Number(length) <= MAX_BODY_BYTES)) {
    return { status: 413, title: 'Too much to send', message: 'That request was larger than this site accepts (1 MB).' };
  }
  if (req.method !== 'POST' || pathname.startsWith('/api/') || !mayBeServerAction(req.headers)) return null;
  if (length === undefined) return { status: 411, title: 'Length required', message: 'Forms sent to this site must say how long they are.' };
  if (!sameOriginAsHost(req.headers)) {
    return { status: 403, title: 'This form was not sent from this site', message: 'For your safety we only act on forms sent from our own pages. Go back to the site and try again there.' };
  }
  return null;
}

/**
 * What Next's action handler treats as a possible server action: a `Next-Action` header
 * (fetch actions) or a multipart form post (forms that work without JavaScript).
 * @param {import('node:http').IncomingHttpHeaders} headers
 */
function mayBeServerAction(headers) {
  return typeof headers['next-action'] === 'string' || String(headers['content-type'] ?? '').startsWith('multipart/form-data');
}

/**
 * Next's own CSRF rule for server actions, so this refuses exactly what Next would: an
 * Origin header, when present, names the host the request was sent to (the first
 * X-Forwarded-Host, else Host). No Origin: not a browser's cross-site post; Next lets it by.
 * @param {import('node:http').IncomingHttpHeaders} headers
 */
function sameOriginAsHost(headers) {
  const origin = headers.origin;
  if (origin === undefined) return true;
  let originHost;
  try {
    originHost = origin === 'null' ? 'null' : new URL(origin).host;
  } catch {
    return false;
  }
  const forwarded = headers['x-forwarded-host'];
  const forwardedHost = (Array.isArray(forwarded) ? forwarded[0] : forwarded?.split(',')[0])?.trim();
  return originHost === (forwardedHost || headers.host);
}

/** @param {string} text */
const escape = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Answers the request itself when Next should not see it. True when it did.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} [contentSecurityPolicy] the site's policy for a page without scripts
 * @param {(req: import('node:http').IncomingMessage) => Refusal | null} [moreRefusals] e.g. the database gate's
 */
export function guardRequest(req, res, contentSecurityPolicy, moreRefusals) {
  const refusal = refusalFor(req) ?? moreRefusals?.(req) ?? null;
  if (!refusal) return false;
  const body = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escape(refusal.title)}</title></head>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5">
<p style="color:#0f766e;font-weight:600">${refusal.status}</p><h1>${escape(refusal.title)}</h1><p>${escape(refusal.message)}</p>
<p><a href="/">Go to the home page</a> or <a href="/search">search the site</a>.</p>
</body></html>
`;
  // The request's body is read and dropped, so a client still sending it gets this answer
  // rather than a broken pipe; one of unknown length, or far larger than any client would
  // send, ends the connection.
  const length = req.headers['content-length'];
  const hangUp = length === undefined ? req.headers['transfer-encoding'] !== undefined : !(Number(length) <= DRAIN_LIMIT_BYTES);
  if (!hangUp) req.resume();
  res.writeHead(refusal.status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    ...(contentSecurityPolicy ? { 'Content-Security-Policy': contentSecurityPolicy } : {}),
    ...(hangUp ? { Connection: 'close' } : {}),
    ...(refusal.retryAfterSeconds ? { 'Retry-After': String(refusal.retryAfterSeconds) } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}
