// @ts-check
// In-memory fast path for fully static prerendered routes, in front of Next.js's handler.
//
// `next build` writes each prerendered page's HTML and headers to .next/server/app.
// Next re-reads and re-checks them on every request and compresses per request; this
// serves the same bytes and headers from memory, compressed once at start-up, the way a
// CDN in front of the app would. Anything that is not plainly a static page view falls
// through to Next: RSC/navigation requests, server actions, query strings, methods other
// than GET/HEAD, routes that revalidate or are partially dynamic, and every route when
// the build has middleware/proxy (which must see each request).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** @typedef {{ body: Buffer, gzip: Buffer, brotli: Buffer, etag: string, headers: Record<string, string> }} StaticPage */

const NEXT_REQUEST_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-action', 'next-url'];

/** @param {string} file */
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

/**
 * Loads every route that is safe to serve from memory. Returns an empty map (fast path
 * off) when the build has middleware, so nothing ever skips it.
 * @param {string} distDir the .next directory
 * @param {(html: Buffer) => string} policyForPage the page's Content-Security-Policy
 * @returns {Map<string, StaticPage>}
 */
export function loadStaticPages(distDir, policyForPage) {
  const pages = new Map();
  const middleware = readJson(path.join(distDir, 'server', 'middleware-manifest.json'));
  if (Object.keys(middleware.middleware ?? {}).length > 0 || Object.keys(middleware.functions ?? {}).length > 0) return pages;
  if (fs.existsSync(path.join(distDir, 'server', 'proxy.js')) || fs.existsSync(path.join(distDir, 'server', 'middleware.js'))) return pages;

  const { routes } = readJson(path.join(distDir, 'prerender-manifest.json'));
  const routesManifest = readJson(path.join(distDir, 'routes-manifest.json'));
  /** @type {{ regex: string, has?: unknown, missing?: unknown, headers: { key: string, value: string }[] }[]} */
  const configHeaders = routesManifest.headers ?? [];
  // Paths that next.config.js redirects or rewrites first are Next's to answer, and so
  // are paths with conditional headers (has/missing), which depend on the request.
  /** @type {{ regex: string, internal?: boolean }[]} */
  const rules = [
    ...(routesManifest.redirects ?? []).filter((/** @type {{ internal?: boolean }} */ r) => !r.internal),
    ...(Array.isArray(routesManifest.rewrites) ? routesManifest.rewrites : (routesManifest.rewrites?.beforeFiles ?? [])),
    ...configHeaders.filter((h) => h.has || h.missing),
  ];
  const handledByNext = (/** @type {string} */ route) => rules.some((r) => new RegExp(r.regex).test(route));

  for (const [route, info] of Object.entries(routes)) {
    if (info.initialRevalidateSeconds !== false || info.response !== 'complete' || info.compute !== 'static') continue;
    if (handledByNext(route)) continue;
    const base = path.join(distDir, 'server', 'app', route === '/' ? 'index' : route.slice(1));
    const isPage = info.routeType === 'page';
    const file = isPage ? `${base}.html` : `${base}.body`;
    if (!fs.existsSync(file)) continue;
    const meta = fs.existsSync(`${base}.meta`) ? readJson(`${base}.meta`) : {};
    if ((meta.status ?? 200) !== 200 || meta.postponed) continue;

    /** @type {Record<string, string>} */
    const headers = {};
    for (const rule of configHeaders) {
      if (new RegExp(rule.regex).test(route)) for (const h of rule.headers) headers[h.key.toLowerCase()] = h.value;
    }
    for (const [key, value] of Object.entries({ ...(info.initialHeaders ?? {}), ...(meta.headers ?? {}) })) {
      if (key !== 'x-next-cache-tags') headers[key.toLowerCase()] = String(value);
    }
    if (isPage) {
      headers['content-type'] = 'text/html; charset=utf-8';
      headers['cache-control'] ??= 's-maxage=31536000';
    }
    headers['content-type'] ??= 'application/octet-stream';
    headers['vary'] = 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding';
    headers['x-nextjs-cache'] = 'HIT';

    const body = fs.readFileSync(file);
    if (isPage) headers['content-security-policy'] = policyForPage(body);
    pages.set(route, {
      body,
      gzip: zlib.gzipSync(body, { level: 9 }),
      brotli: zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
      etag: `"${crypto.createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`,
      headers,
    });
  }
  return pages;
}

/**
 * The path of a request that is a plain page view (GET or HEAD, no query, no Next.js
 * navigation or action headers), the only kind an in-memory copy may answer; else null.
 * @param {import('node:http').IncomingMessage} req
 */
export function plainViewPath(req) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return null;
  const url = req.url ?? '';
  if (url.includes('?') || url.includes('%')) return null;
  if (NEXT_REQUEST_HEADERS.some((h) => req.headers[h] !== undefined)) return null;
  return url;
}

/**
 * Answers the request from memory if it is a plain view of a static route.
 * @param {Map<string, StaticPage>} pages
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @returns {boolean} whether it answered
 */
export function serveStaticPage(pages, req, res) {
  const url = pages.size === 0 ? null : plainViewPath(req);
  if (url === null) return false;
  // Exact paths only: Next redirects "/about/" to "/about", so that stays Next's job.
  const page = pages.get(url);
  if (!page) return false;

  for (const [key, value] of Object.entries(page.headers)) res.setHeader(key, value);
  res.setHeader('etag', page.etag);
  if (req.headers['if-none-match'] === page.etag) {
    res.statusCode = 304;
    res.end();
    return true;
  }
  const accepts = String(req.headers['accept-encoding'] ?? '');
  const [encoding, bytes] = /\bbr\b/.test(accepts) ? ['br', page.brotli] : /\bgzip\b/.test(accepts) ? ['gzip', page.gzip] : [null, page.body];
  if (encoding) res.setHeader('content-encoding', encoding);
  res.setHeader('content-length', bytes.length);
  res.statusCode = 200;
  res.end(req.method === 'HEAD' ? undefined : bytes);
  return true;
}
