// The in-memory fast path in front of Next.js (scripts/static-pages.mjs): it must serve
// exactly the prerendered bytes with Next's headers, and step aside for anything that
// is not a plain view of a fully static route.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEDIA_LENGTH_HEADER as LIB_HEADER } from '@/lib/media/content-length';
import { loadStaticPages, serveStaticPage } from '../../scripts/static-pages.mjs';

const html = '<!DOCTYPE html><html><body><h1>Static article</h1></body></html>'.repeat(20);
let dist: string;
let server: http.Server;
let base: string;

function writeBuild(dir: string, options: { middleware?: boolean; redirect?: boolean } = {}) {
  const app = path.join(dir, 'server', 'app');
  fs.mkdirSync(path.join(app, 'articles'), { recursive: true });
  const route = (extra: object) => ({ response: 'complete', compute: 'static', initialRevalidateSeconds: false, routeType: 'page', ...extra });
  fs.writeFileSync(path.join(dir, 'prerender-manifest.json'), JSON.stringify({
    routes: {
      '/articles/static': route({}),
      '/articles/revalidating': route({ initialRevalidateSeconds: 60 }),
      '/articles/partial': route({ compute: 'dynamic' }),
      '/feed.xml': route({ routeType: 'route', initialHeaders: { 'content-type': 'application/rss+xml; charset=utf-8', 'cache-control': 'public, max-age=300' } }),
    },
  }));
  fs.writeFileSync(path.join(dir, 'routes-manifest.json'), JSON.stringify({
    headers: [{ regex: '^/articles(?:/.*)?$', headers: [{ key: 'X-Frame-Options', value: 'SAMEORIGIN' }] }],
    redirects: [
      { regex: '^(?:/((?:[^/]+?)(?:/(?:[^/]+?))*))/$', internal: true, statusCode: 308 },
      ...(options.redirect ? [{ regex: '^/articles/static$', statusCode: 307 }] : []),
    ],
    rewrites: { beforeFiles: [], afterFiles: [], fallback: [] },
  }));
  fs.writeFileSync(path.join(dir, 'server', 'middleware-manifest.json'), JSON.stringify({ middleware: options.middleware ? { '/': {} } : {}, functions: {} }));
  for (const name of ['static', 'revalidating', 'partial']) {
    fs.writeFileSync(path.join(app, 'articles', `${name}.html`), html);
    fs.writeFileSync(path.join(app, 'articles', `${name}.meta`), JSON.stringify({ headers: { 'x-nextjs-prerender': '1', 'x-next-cache-tags': 'secret-tags' } }));
  }
  fs.writeFileSync(path.join(app, 'feed.xml.body'), '<rss/>');
}

beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'static-pages-'));
  writeBuild(dist);
  const pages = loadStaticPages(dist, (page) => `policy for ${page.length} bytes`);
  server = http.createServer((req, res) => {
    if (serveStaticPage(pages, req, res)) return;
    res.setHeader('x-served-by', 'next');
    res.end('from next');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

describe('static page fast path', () => {
  it('serves a static page with the prerendered bytes and Next-compatible headers', async () => {
    const res = await fetch(`${base}/articles/static`, { headers: { 'accept-encoding': 'identity' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(html);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(html)));
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('x-nextjs-prerender')).toBe('1');
    expect(res.headers.get('content-security-policy')).toBe(`policy for ${Buffer.byteLength(html)} bytes`);
    expect(res.headers.get('vary')).toContain('rsc');
    expect(res.headers.get('x-next-cache-tags')).toBeNull();
    expect(res.headers.get('x-served-by')).toBeNull();
  });

  it('sends gzip or brotli when asked, decoding to the same page', async () => {
    const gz = await new Promise<{ encoding?: string; body: Buffer }>((resolve) => {
      http.get(`${base}/articles/static`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c)).on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
      });
    });
    expect(gz.encoding).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).toString()).toBe(html);
    const br = await new Promise<{ encoding?: string; body: Buffer }>((resolve) => {
      http.get(`${base}/articles/static`, { headers: { 'accept-encoding': 'gzip, br' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c)).on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
      });
    });
    expect(br.encoding).toBe('br');
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(html);
  });

  it('answers HEAD without a body and a matching ETag with 304', async () => {
    const head = await fetch(`${base}/articles/static`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const etag = head.headers.get('etag')!;
    const again = await fetch(`${base}/articles/static`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('serves prerendered route handlers with their own content type', async () => {
    const res = await fetch(`${base}/feed.xml`);
    expect(await res.text()).toBe('<rss/>');
    expect(res.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
  });

  it.each([
    ['an RSC navigation', '/articles/static', { rsc: '1' }, 'GET'],
    ['a router prefetch', '/articles/static', { 'next-router-prefetch': '1' }, 'GET'],
    ['a server action', '/articles/static', { 'next-action': 'abc' }, 'POST'],
    ['a query string', '/articles/static?utm_source=x', {}, 'GET'],
    ['a revalidating route', '/articles/revalidating', {}, 'GET'],
    ['a partially dynamic route', '/articles/partial', {}, 'GET'],
    ['an unknown route', '/articles/nope', {}, 'GET'],
    ['a trailing slash (Next redirects it)', '/articles/static/', {}, 'GET'],
  ])('hands %s to Next', async (_name, url, headers, method) => {
    const res = await fetch(`${base}${url}`, { headers, method });
    expect(res.headers.get('x-served-by')).toBe('next');
  });

  it('turns itself off when the build has middleware, which must see every request', () => {
    const withMiddleware = fs.mkdtempSync(path.join(os.tmpdir(), 'static-pages-mw-'));
    writeBuild(withMiddleware, { middleware: true });
    expect(loadStaticPages(withMiddleware, String).size).toBe(0);
    expect(loadStaticPages(dist, String).size).toBe(2);
    fs.rmSync(withMiddleware, { recursive: true, force: true });
  });

  it('leaves paths that next.config.js redirects to Next', () => {
    const withRedirect = fs.mkdtempSync(path.join(os.tmpdir(), 'static-pages-redirect-'));
    writeBuild(withRedirect, { redirect: true });
    expect([...loadStaticPages(withRedirect, String).keys()]).toEqual(['/feed.xml']);
    fs.rmSync(withRedirect, { recursive: true, force: true });
  });

  it('uses the same private media length header as lib/media', async () => {
    const serverModule = fs.readFileSync(path.join(process.cwd(), 'scripts', 'server.mjs'), 'utf8');
    expect(serverModule).toContain(`MEDIA_LENGTH_HEADER = '${LIB_HEADER}'`);
  });
});
