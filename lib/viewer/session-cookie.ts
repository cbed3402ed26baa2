// Whether a request carries an Auth.js session cookie at all (valid or not). proxy.ts
// sends such requests to the per-viewer version of a cached page; the page itself checks
// the session, so a stale or forged cookie only costs its sender an uncached render.
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

export function hasSessionCookie(cookieNames: Iterable<string>): boolean {
  for (const name of cookieNames) if (SESSION_COOKIE.test(name)) return true;
  return false;
}
