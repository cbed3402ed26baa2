// @ts-check
// A CDN-like cache in front of Next.js for pages it marks shared-cacheable: a plain GET
// answered 200 with `Cache-Control: s-maxage=N` and no Set-Cookie, e.g. an article page
// (regenerated at most once a minute because its comment thread changes). The bytes
// are kept for N seconds, per path (compressed per response), so these pages are served from
// memory like the fully static ones. The app purges a path the moment its content
// changes (purgeSharedCache in lib/cache/shared-cache.ts), so an author sees their own
// comment at once; other instances catch up within N seconds.
// Stale answers (Next serving while it regenerates) are passed on but never stored.

/** @typedef {{ status: number, headers: Record<string, string | string[]>, body: Buffer, expires: number }} Entry */

import { plainViewPath } from './static-pages.mjs';

export const SHARED_CACHE_KEY = Symbol.for('steady-spine.shared-cache');

/** @param {import('node:http').IncomingMessage} req */
function cacheablePath(req) {
  const url = plainViewPath(req);
  return url === null || url.startsWith('/_next/') || url.startsWith('/api/') ? null : url;
}

export function createSharedCache({ maxEntries = 1000, now = () => Date.now() } = {}) {
  /** @type {Map<string, Entry>} */
  const entries = new Map();

  /**
   * Answers from memory if a fresh copy is there.
   * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
   */
  function serve(req, res) {
    const key = cacheablePath(req);
    if (!key) return false;
    const entry = entries.get(key);
    if (!entry || entry.expires <= now()) return false;
    for (const [name, value] of Object.entries(entry.headers)) res.setHeader(name, value);
    res.setHeader('x-shared-cache', 'HIT');
    const etag = entry.headers.etag;
    if (etag && req.headers['if-none-match'] === etag) {
      res.statusCode = 304;
      res.end();
      return true;
    }
    res.setHeader('content-length', entry.body.length);
    res.statusCode = entry.status;
    res.end(req.method === 'HEAD' ? undefined : entry.body);
    return true;
  }

  /**
   * Lets Next answer, keeping a copy of the answer if it may be shared.
   * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
   */
  function capture(req, res) {
    const key = req.method === 'GET' ? cacheablePath(req) : null;
    if (!key) return;
    /** @type {Buffer[]} */
    const chunks = [];
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    // Decided once the headers are out: most responses (media, dynamic pages) are not
    // shareable, and their bytes must not pile up here.
    /** @type {boolean | undefined} */
    let shareable;
    /** @param {unknown} chunk @param {unknown} [encoding] */
    const keep = (chunk, encoding) => {
      shareable ??= res.statusCode === 200 && /s-maxage=\d+/.test(String(res.getHeader('cache-control') ?? ''));
      if (!shareable || chunk === undefined || chunk === null || typeof chunk === 'function') return;
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(/** @type {string} */ (chunk), typeof encoding === 'string' ? /** @type {BufferEncoding} */ (encoding) : 'utf8'));
    };
    res.write = /** @type {typeof res.write} */ ((/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ cb) => {
      keep(chunk, encoding);
      return write(chunk, encoding, cb);
    });
    res.end = /** @type {typeof res.end} */ ((/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ cb) => {
      keep(chunk, encoding);
      if (shareable) store(key, res, Buffer.concat(chunks));
      return end(chunk, encoding, cb);
    });
  }

  /** @param {string} key @param {import('node:http').ServerResponse} res @param {Buffer} body */
  function store(key, res, body) {
    if (res.statusCode !== 200 || res.getHeader('set-cookie') !== undefined) return;
    const cacheControl = String(res.getHeader('cache-control') ?? '');
    const maxAge = /(?:^|,)\s*s-maxage=(\d+)/.exec(cacheControl);
    if (!maxAge || /private|no-store|no-cache/.test(cacheControl)) return;
    if (String(res.getHeader('x-nextjs-cache') ?? '').toUpperCase() === 'STALE') return;
    /** @type {Record<string, string | string[]>} */
    const headers = {};
    // The copy is taken before compression (scripts/server.mjs), which runs again on
    // replay; it keeps the page's Content-Security-Policy (hashes of these very bytes).
    const perResponse = ['content-length', 'date', 'connection', 'transfer-encoding', 'content-encoding'];
    for (const [name, value] of Object.entries(res.getHeaders())) {
      if (value !== undefined && !perResponse.includes(name)) headers[name] = typeof value === 'number' ? String(value) : value;
    }
    entries.delete(key); // re-insert: the map's order is the eviction order
    entries.set(key, { status: 200, headers, body, expires: now() + Number(maxAge[1]) * 1000 });
    while (entries.size > maxEntries) entries.delete(/** @type {string} */ (entries.keys().next().value));
  }

  /** @param {string} path */
  function purge(path) {
    entries.delete(path);
  }

  return { serve, capture, purge, size: () => entries.size };
}
