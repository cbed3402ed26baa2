// @ts-check
// Content-Security-Policy for every HTML page: only the site's own scripts run.
//
// Next stamps a nonce on every script of a page it renders for this request when the
// request carries a CSP header naming one (what Next's docs do from proxy.ts), so the
// server puts a fresh nonce on each request. Pages Next serves from its cache (static
// and ISR) were rendered earlier, with no nonce or another request's, so those get the
// SHA-256 of each inline script instead, computed from the bytes actually sent. Which
// one applies is read from the page itself: its first <script> tag carries this
// request's nonce or it does not. Shared-cacheable pages always get hashes, so a copy a
// cache replays never depends on a nonce.
//
// A hashed page is the same bytes on every request until its cache entry changes, so its
// policy is kept by the body's digest (scanning and hashing each script of a 100 KB page
// took about a tenth of a cached page's time), and that digest is the page's ETag: Next's
// own (next.config.js turns it off) ran a JavaScript hash over the whole page per request.
import crypto from 'node:crypto';

/** Origins a form may post to or be redirected to: Stripe's hosted pages, OAuth providers. */
const FORM_TARGETS = ['https://checkout.stripe.com', 'https://billing.stripe.com', 'https://accounts.google.com', 'https://github.com'];
/** The YouTube player the video facade loads on click (components/media/video-facade.tsx). */
const FRAME_SOURCES = ['https://www.youtube-nocookie.com'];

/**
 * The policy text for one page.
 * @param {{ scriptSources: string[], https: boolean, formTargets?: string[] }} options
 */
export function policyFor({ scriptSources, https, formTargets = [] }) {
  return [
    "default-src 'self'",
    ['script-src', "'self'", ...scriptSources].join(' '),
    // React renders style attributes; styles cannot run code, so they stay allowed.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    `frame-src ${FRAME_SOURCES.join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    ['form-action', "'self'", ...FORM_TARGETS, ...formTargets].join(' '),
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const EXECUTABLE_TYPE = /^\s*(?:text\/javascript|application\/javascript|module)?\s*$/i;

/**
 * `'sha256-…'` for every inline script that runs (not `src=`, not a data block such as
 * JSON-LD), in document order, without repeats.
 * @param {Buffer} html
 */
export function inlineScriptHashes(html) {
  // latin1 maps each byte to one character, so slices give back the exact bytes.
  const text = html.toString('latin1');
  const hashes = new Set();
  for (const [, attributes, body] of text.matchAll(SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes)) continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]*)/i.exec(attributes)?.[1] ?? '';
    if (!EXECUTABLE_TYPE.test(type)) continue;
    hashes.add(`'sha256-${crypto.createHash('sha256').update(Buffer.from(body, 'latin1')).digest('base64')}'`);
  }
  return [...hashes];
}

/** @param {unknown} chunk @param {unknown} encoding */
const toBuffer = (chunk, encoding) =>
  Buffer.isBuffer(chunk) ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk) : Buffer.from(String(chunk), typeof encoding === 'string' ? /** @type {BufferEncoding} */ (encoding) : 'utf8');

/**
 * The site's policy: `forPage(html)` for a page whose bytes are known (hashes),
 * `forScriptlessPage` for one the server writes itself, and
 * `apply(req, res)`, the per-request step that gives the request a nonce for Next, then
 * sets the policy on the HTML response once its first script tag (or its end) shows
 * which kind it is.
 * @param {{ siteUrl: string, formTargets?: string[] }} options
 */
export function createContentSecurity({ siteUrl, formTargets = [] }) {
  const https = new URL(siteUrl).protocol === 'https:';
  /** @param {string[]} scriptSources */
  const policy = (scriptSources) => policyFor({ scriptSources, https, formTargets });
  /** @param {Buffer} html */
  const forPage = (html) => policy(inlineScriptHashes(html));
  /** Policies of hashed pages by body digest; a few hundred pages fill it, oldest out first. */
  const policies = new Map();
  /** @param {Buffer} html @param {string} digest */
  const cachedPolicy = (html, digest) => {
    let known = policies.get(digest);
    if (known === undefined) {
      known = forPage(html);
      if (policies.size >= 500) policies.delete(policies.keys().next().value);
      policies.set(digest, known);
    }
    return known;
  };

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  function apply(req, res) {
    const nonce = crypto.randomBytes(18).toString('base64');
    // Always replaced: a nonce the client sent must never reach the renderer.
    req.headers['content-security-policy'] = `script-src 'nonce-${nonce}'`;
    delete req.headers['content-security-policy-report-only'];

    // Headers go out only when the first bytes do, so the policy can still join them.
    const writeHead = res.writeHead.bind(res);
    const originalWrite = res.write.bind(res);
    const originalEnd = res.end.bind(res);
    const sendHead = () => {
      if (!res.headersSent) writeHead(res.statusCode);
    };
    /** @param {any} chunk @param {any} [encoding] @param {any} [callback] */
    const write = (chunk, encoding, callback) => {
      sendHead();
      return originalWrite(chunk, encoding, callback);
    };
    /** @param {any} [chunk] @param {any} [encoding] @param {any} [callback] */
    const end = (chunk, encoding, callback) => {
      sendHead();
      return originalEnd(chunk, encoding, callback);
    };
    /** @type {'undecided' | 'sniff' | 'hash' | 'pass'} */
    let mode = 'undecided';
    /** @type {Buffer[]} */
    let held = [];

    // Headers given to writeHead are kept on the response until then.
    res.writeHead = /** @type {typeof res.writeHead} */ ((/** @type {number} */ status, /** @type {any[]} */ ...rest) => {
      if (res.headersSent) return writeHead(status, ...rest);
      res.statusCode = status;
      const headers = typeof rest[0] === 'string' ? rest[1] : rest[0];
      if (typeof rest[0] === 'string') res.statusMessage = rest[0];
      if (Array.isArray(headers)) for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(String(headers[i]), headers[i + 1]);
      else if (headers) for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
      return res;
    });

    const decide = () => {
      const isHtml = String(res.getHeader('content-type') ?? '').startsWith('text/html');
      mode = isHtml && req.method === 'GET' && res.statusCode !== 304 && !res.hasHeader('content-security-policy') ? 'sniff' : 'pass';
    };
    const shareable = () => /\b(?:s-maxage|public)\b/.test(String(res.getHeader('cache-control') ?? ''));
    const flush = () => {
      for (const chunk of held) write(chunk);
      held = [];
    };
    /** Reads the first script tag once it has arrived: nonce mode streams on from here. */
    const sniff = () => {
      const text = Buffer.concat(held).toString('latin1');
      const tag = /<script\b[^>]*>/i.exec(text);
      if (!tag) return;
      if (!shareable() && tag[0].includes(`nonce="${nonce}"`)) {
        res.setHeader('content-security-policy', policy([`'nonce-${nonce}'`]));
        mode = 'pass';
        flush();
      } else {
        mode = 'hash';
      }
    };

    res.write = /** @type {typeof res.write} */ ((/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ callback) => {
      if (mode === 'undecided') decide();
      if (mode === 'pass') return write(chunk, encoding, callback);
      held.push(toBuffer(chunk, encoding));
      if (mode === 'sniff') sniff();
      const done = typeof encoding === 'function' ? encoding : callback;
      if (typeof done === 'function') process.nextTick(done);
      return true;
    });
    res.end = /** @type {typeof res.end} */ ((/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ callback) => {
      if (mode === 'undecided') decide();
      if (mode === 'pass') return end(chunk, encoding, callback);
      if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') held.push(toBuffer(chunk, encoding));
      const body = Buffer.concat(held);
      held = [];
      const digest = crypto.createHash('sha256').update(body).digest('base64url');
      res.setHeader('content-security-policy', cachedPolicy(body, digest));
      const done = [chunk, encoding, callback].find((a) => typeof a === 'function');
      if (res.statusCode === 200 && !res.hasHeader('etag')) {
        const etag = `"${digest.slice(0, 27)}"`;
        res.setHeader('etag', etag);
        if (matchesEtag(req.headers['if-none-match'], etag)) {
          res.statusCode = 304;
          for (const name of ['content-length', 'content-type']) res.removeHeader(name);
          return end(undefined, done);
        }
      }
      if (res.hasHeader('content-length')) res.setHeader('content-length', body.length);
      return end(body, done);
    });
  }
  return { apply, forPage, forScriptlessPage: policy([]) };
}

/**
 * If-None-Match names this ETag (or is `*`); weak and strong forms compare equal, as RFC 9110
 * asks for GET.
 * @param {string | undefined} header @param {string} etag
 */
function matchesEtag(header, etag) {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}

/**
 * HSTS for an https site: a year, subdomains included (browsers then never try http).
 * @param {string} siteUrl
 */
export const strictTransportSecurity = (siteUrl) => (new URL(siteUrl).protocol === 'https:' ? 'max-age=31536000; includeSubDomains' : null);
