// The CDN-like cache in front of Next (scripts/shared-cache.mjs): it keeps only what Next
// marks shareable, for as long as it says, uncompressed (compression runs per response in
// front of it, as in scripts/server.mjs), and forgets a path on purge.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import compression from 'compression';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSharedCache } from '../../scripts/shared-cache.mjs';

let clock = 1_000_000;
const cache = createSharedCache({ now: () => clock });
let calls = 0;
let server: http.Server;
let base: string;

// A stand-in for Next: what it answers depends on the path.
function next(req: http.IncomingMessage, res: http.ServerResponse) {
  calls++;
  const path = req.url ?? '';
  const body = `page ${path} #${calls}`;
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('content-security-policy', `script-src 'self' 'sha256-page${calls}'`);
  if (path === '/private') res.setHeader('cache-control', 'private, no-cache, no-store');
  else res.setHeader('cache-control', 's-maxage=60, stale-while-revalidate=31535940');
  if (path === '/cookie') res.setHeader('set-cookie', 'a=b');
  if (path === '/stale') res.setHeader('x-nextjs-cache', 'STALE');
  if (path === '/missing') res.statusCode = 404;
  res.write(body.slice(0, 3));
  res.end(body.slice(3));
}

beforeAll(async () => {
  const compress = compression({ threshold: 0 });
  server = http.createServer((req, res) => {
    compress(req as never, res as never, () => {});
    if (cache.serve(req, res)) return;
    cache.capture(req, res);
    next(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  calls = 0;
  clock += 3_600_000; // everything from earlier tests has expired
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers: { 'accept-encoding': 'identity', ...headers } });

describe('shared cache', () => {
  it('serves a shareable page from memory until its s-maxage passes', async () => {
    const first = await (await get('/articles/a')).text();
    const second = await get('/articles/a');
    expect(second.headers.get('x-shared-cache')).toBe('HIT');
    expect(await second.text()).toBe(first);
    // The policy holds the hashes of these very bytes, so it is replayed with them.
    expect(second.headers.get('content-security-policy')).toBe("script-src 'self' 'sha256-page1'");
    expect(calls).toBe(1);
    clock += 61_000;
    expect(await (await get('/articles/a')).text()).not.toBe(first);
    expect(calls).toBe(2);
  });

  it('forgets a path when the app purges it', async () => {
    await get('/articles/b');
    cache.purge('/articles/b');
    await get('/articles/b');
    expect(calls).toBe(2);
  });

  it('keeps one uncompressed copy, compressed again for each client that asks', async () => {
    const gzip = await fetch(`${base}/articles/c`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(await gzip.text()).toBe('page /articles/c #1');
    const plain = await get('/articles/c');
    expect(plain.headers.get('x-shared-cache')).toBe('HIT');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe('page /articles/c #1');
    const gzipAgain = await fetch(`${base}/articles/c`, { headers: { 'accept-encoding': 'gzip' } });
    expect([gzipAgain.headers.get('x-shared-cache'), gzipAgain.headers.get('content-encoding')]).toEqual(['HIT', 'gzip']);
    expect(await gzipAgain.text()).toBe('page /articles/c #1');
    expect(calls).toBe(1);
  });

  it.each([
    ['a private page', '/private', {}],
    ['a page setting a cookie', '/cookie', {}],
    ['a stale page Next is regenerating', '/stale', {}],
    ['an error page', '/missing', {}],
    ['a query string', '/articles/d?x=1', {}],
    ['an RSC request', '/articles/e', { rsc: '1' }],
  ])('never keeps %s', async (_, path, headers) => {
    await get(path, headers as Record<string, string>);
    await get(path, headers as Record<string, string>);
    expect(calls).toBe(2);
  });

  it('leaves other methods to the app', async () => {
    await fetch(`${base}/articles/f`, { method: 'POST' });
    await fetch(`${base}/articles/f`, { method: 'POST' });
    expect(calls).toBe(2);
  });
});
