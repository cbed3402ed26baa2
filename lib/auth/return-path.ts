// Where to send someone after signing in (or up, or confirming): a path on this site,
// never another origin. Used by the forms, the pages that take `callbackUrl`/`next`, and
// Auth.js's own redirect callback (auth.ts). Pure, so it never throws: anything doubtful
// becomes the fallback.
import { site } from '@/lib/site';

/** Longer than any path this site makes; a longer one is someone probing. */
const MAX_LENGTH = 2048;
/** Percent-decoding rounds checked: a path decoded once more later must still be safe. */
const MAX_DECODE_ROUNDS = 3;
/**
 * Backslashes (browsers read `/\evil.example` as `//evil.example`), control characters
 * (browsers drop tabs and newlines inside URLs, so `/\t/evil.example` is `//evil.example`),
 * format characters (bidi overrides, zero-width characters) and line or paragraph
 * separators. As written, a path has no whitespace at all; once decoded, a space
 * (`?q=back%20pain`) is fine.
 */
const FORBIDDEN_DECODED = /[\\\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const FORBIDDEN_RAW = /[\\\s\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const PLACEHOLDER_ORIGIN = 'http://return-path.invalid';

/** True when `path` is a plain same-site path (`forbidden`: the characters refused). */
function isPlainPath(path: string, forbidden: RegExp): boolean {
  return path.startsWith('/') && !path.startsWith('//') && !forbidden.test(path);
}

/**
 * A same-site path (with its query and fragment) to return to, or `fallback`. Rejects
 * `//host`, backslashes, whitespace and control characters anywhere, also after up to
 * three rounds of percent-decoding (`/%2F%2Fevil.example`, `/%5Cevil.example`), malformed
 * percent-encoding, and paths that normalise elsewhere (`/..//evil.example`).
 */
export function safeReturnPath(path: unknown, fallback = '/'): string {
  if (typeof path !== 'string' || path.length === 0 || path.length > MAX_LENGTH) return fallback;
  let decoded = path;
  for (let round = 0; ; round++) {
    if (!isPlainPath(decoded, round === 0 ? FORBIDDEN_RAW : FORBIDDEN_DECODED)) return fallback;
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return fallback; // malformed percent-encoding
    }
    if (next === decoded) break;
    if (round === MAX_DECODE_ROUNDS) return fallback;
    decoded = next;
  }
  // What a browser makes of it: dot segments resolved, unsafe characters encoded.
  let url: URL;
  try {
    url = new URL(path, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN || url.pathname.startsWith('//')) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * Auth.js's redirect callback: every callbackUrl it takes (query, form field, cookie,
 * `redirectTo`) ends on SITE_URL's origin. An absolute URL is accepted only on that
 * origin (Auth.js hands back its own earlier answers that way); its path is checked like
 * any other. The request's Host header plays no part, unlike Auth.js's default.
 */
export function safeAuthRedirect(url: string): string {
  const origin = new URL(site.url).origin;
  let path: unknown = url;
  if (!url.startsWith('/')) {
    try {
      const absolute = new URL(url);
      path = absolute.origin === origin ? `${absolute.pathname}${absolute.search}${absolute.hash}` : null;
    } catch {
      path = null;
    }
  }
  return new URL(safeReturnPath(path), origin).toString();
}
