// The request Auth.js sees on /api/auth/*: on SITE_URL's origin, with any callbackUrl it
// would read (query or cookie) already made safe. Auth.js builds its redirects (error
// pages such as an expired link's, OAuth callback addresses) on the request's origin, and
// the URL Next hands a route handler names the address the server listens on
// (http://localhost:3000), not the site. And Auth.js answers 500 ("server configuration")
// to a callbackUrl that is not an http(s) URL before any callback runs; here it becomes
// the same-site address our redirect callback would choose.
import 'server-only';
import { site } from '@/lib/site';
import { safeAuthRedirect } from './return-path';

const CALLBACK_COOKIE = /^(?:__Secure-)?authjs\.callback-url$/;

function safeCookieHeader(header: string): string {
  return header
    .split(';')
    .map((pair) => {
      const at = pair.indexOf('=');
      const name = (at < 0 ? pair : pair.slice(0, at)).trim();
      if (at < 0 || !CALLBACK_COOKIE.test(name)) return pair;
      let value = pair.slice(at + 1).trim();
      try {
        value = decodeURIComponent(value);
      } catch {
        // a malformed value is checked as it is
      }
      return ` ${name}=${encodeURIComponent(safeAuthRedirect(value))}`;
    })
    .join(';')
    .trim();
}

/**
 * A plain Request, not a NextRequest, which would rename any 127.x.x.x host "localhost"
 * again. Auth.js reads only its url, method, headers and body.
 */
export function requestForAuthJs(request: Request): Request {
  const { origin } = new URL(site.url);
  const incoming = new URL(request.url);
  const url = new URL(`${origin}${incoming.pathname}${incoming.search}`);
  const callbackUrl = url.searchParams.get('callbackUrl');
  if (callbackUrl !== null) url.searchParams.set('callbackUrl', safeAuthRedirect(callbackUrl));
  const headers = new Headers(request.headers);
  const cookie = headers.get('cookie');
  if (cookie) headers.set('cookie', safeCookieHeader(cookie));
  if (url.href === incoming.href && headers.get('cookie') === cookie) return request;
  return new Request(url, { method: request.method, headers, body: request.body, duplex: 'half', redirect: 'manual' } as RequestInit);
}
