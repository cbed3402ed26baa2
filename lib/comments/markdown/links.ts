// Which link destinations a comment may carry, and in what exact form.

export const MAX_URL_LENGTH = 2048;
/** Scheme and what must follow it, checked on the raw destination, before the WHATWG parser forgives anything. */
const SAFE_URL_START = /^(?:https?:\/\/[^/?#\\@]|mailto:[^/?#\\])/i;
/** mailto: one or more plain addresses, comma-separated (RFC 6068), percent-encoding allowed. */
const MAILTO_ADDRESSES = /^[A-Za-z0-9.!#$%&*+/=?^_{|}~'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?:,[A-Za-z0-9.!#$%&*+/=?^_{|}~'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*)*$/;
/** Whitespace, control and invisible formatting characters, backslashes: a browser would strip or reinterpret them. */
const UNSAFE_URL_CHARACTER = /[\u0000-\u0020\u007f-\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff\ufff9-\ufffb\\]/;

/**
 * The href to write for a link destination, or undefined when the link must be shown as
 * plain text: only an absolute http(s) URL with a host and no user:password@, or a
 * mailto: address. Entities are not decoded in comments, so `&#106;avascript:` is just
 * text that does not start with an allowed scheme.
 */
export function safeHref(destination: string): string | undefined {
  if (destination.length > MAX_URL_LENGTH) return undefined;
  if (!SAFE_URL_START.test(destination) || UNSAFE_URL_CHARACTER.test(destination)) return undefined;
  let url: URL;
  try {
    url = new URL(destination);
  } catch {
    return undefined;
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    if (url.hostname === '' || url.username !== '' || url.password !== '') return undefined;
  } else if (url.protocol === 'mailto:') {
    if (!MAILTO_ADDRESSES.test(url.pathname)) return undefined;
  } else {
    return undefined;
  }
  // The serialiser percent-encodes most of what could matter in an attribute, not all of
  // it (an apostrophe in a path, a quote in a mailto:): finish the job.
  return url.href.replace(/["'<>`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

