// Whether a request carries an Auth.js session cookie at all (valid or not): a cheap
// first look, before proxy.ts decrypts it (lib/auth/session-token.ts) to decide whether
// the reader gets the per-viewer version of a cached page.
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

export function hasSessionCookie(cookieNames: Iterable<string>): boolean {
  for (const name of cookieNames) if (SESSION_COOKIE.test(name)) return true;
  return false;
}
