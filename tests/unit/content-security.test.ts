// The Content-Security-Policy step in front of Next (scripts/content-security.mjs): a
// page Next renders for this request gets this request's nonce and keeps streaming; a
// page from a cache gets the hashes of exactly the inline scripts it carries.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContentSecurity, inlineScriptHashes, policyFor, strictTransportSecurity } from '../../scripts/content-security.mjs';

const sha = (text: string) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const scriptSrc = (policy: string) => policy.split('; ').find((d) => d.startsWith('script-src '))!;
const nonceOf = (req: http.IncomingMessage) => /'nonce-([^']+)'/.exec(String(req.headers['content-security-policy']))?.[1];

let server: http.Server;
let base: string;
const seen: { requestPolicy?: string } = {};
let release: () => void = () => {};

beforeAll(async () => {
  const security = createContentSecurity({ siteUrl: 'https://coach.example', formTargets: ['http://127.0.0.1:9'] });
  // A stand-in for Next, answering by path the ways Next does.
  server = http.createServer((req, res) => {
    security.apply(req, res);
    seen.requestPolicy = String(req.headers['content-security-policy']);
    const nonce = nonceOf(req);
    switch (req.url) {
      case '/rendered-now': {
        // Dynamic render: every script carries the request's nonce, and the page streams.
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.write(`<!DOCTYPE html><html><head><script src="/_next/a.js" async nonce="${nonce}"></script></head><body>`);
        new Promise<void>((resolve) => (release = resolve)).then(() => res.end(`<script nonce="${nonce}">self.__next_f.push([1,"é"])</script></body></html>`));
        return;
      }
      case '/from-cache':
        // Served from Next's cache: rendered earlier, with another request's nonce.
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 's-maxage=60' });
        res.write('<!DOCTYPE html><html><head><script src="/_next/a.js" async nonce="old"></script>');
        res.end('</head><body><script nonce="old">self.__next_f.push([0])</script><script>self.__next_f.push([1,"ü"])</script></body></html>');
        return;
      case '/data':
        res.setHeader('content-type', 'application/json');
        res.end('{"a":1}');
        return;
      default:
        res.statusCode = 404;
        res.setHeader('content-type', 'text/html');
        res.end('<p>none</p>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the policy', () => {
  it('allows only the site’s own scripts, frames nothing in, and upgrades on https', () => {
    const https = policyFor({ scriptSources: ["'sha256-x'"], https: true });
    expect(scriptSrc(https)).toBe("script-src 'self' 'sha256-x'");
    expect(https).not.toMatch(/script-src[^;]*unsafe/);
    expect(https).toContain("frame-ancestors 'none'");
    expect(https).toContain("object-src 'none'");
    expect(https).toContain('upgrade-insecure-requests');
    expect(policyFor({ scriptSources: [], https: false })).not.toContain('upgrade-insecure-requests');
  });

  it('lets forms reach Stripe and the configured extra targets, and the player frame YouTube', () => {
    const policy = policyFor({ scriptSources: [], https: true, formTargets: ['http://localhost:3001'] });
    expect(policy).toMatch(/form-action 'self' [^;]*https:\/\/checkout\.stripe\.com[^;]*http:\/\/localhost:3001/);
    expect(policy).toContain('frame-src https://www.youtube-nocookie.com');
  });

  it('sends HSTS only for an https site', () => {
    expect(strictTransportSecurity('https://coach.example')).toMatch(/^max-age=\d{8}; includeSubDomains$/);
    expect(strictTransportSecurity('http://localhost:3000')).toBeNull();
  });
});

describe('inline script hashes', () => {
  it('hashes each inline script’s exact bytes, skipping external scripts and data blocks', () => {
    const html = Buffer.from(
      '<script src="/a.js"></script><script>one()</script><script type="application/ld+json">{"a":1}</script>' +
        '<script type="module">two("ß")</script><script>one()</script>',
    );
    expect(inlineScriptHashes(html)).toEqual([sha('one()'), sha('two("ß")')]);
  });
});

describe('the per-request step', () => {
  it('gives Next a fresh nonce on every request, replacing any the client sent', async () => {
    await fetch(`${base}/data`, { headers: { 'content-security-policy': "script-src 'nonce-attacker'" } });
    const first = seen.requestPolicy;
    await fetch(`${base}/data`);
    expect(first).toMatch(/^script-src 'nonce-[A-Za-z0-9+/=]{24}'$/);
    expect(first).not.toContain('attacker');
    expect(seen.requestPolicy).not.toBe(first);
  });

  it('puts this request’s nonce on a page rendered for it, and streams it', async () => {
    const response = await fetch(`${base}/rendered-now`);
    const policy = response.headers.get('content-security-policy')!;
    expect(scriptSrc(policy)).toMatch(/^script-src 'self' 'nonce-[^']+'$/);
    expect(scriptSrc(policy)).toContain(nonceOf({ headers: { 'content-security-policy': seen.requestPolicy } } as never)!);
    // The headers and the head arrived while the page was still rendering.
    const reader = response.body!.getReader();
    const head = new TextDecoder().decode((await reader.read()).value);
    expect(head).toContain('<head>');
    release();
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += new TextDecoder().decode(chunk.value);
    expect(rest).toContain('</html>');
  });

  it('lists the hashes of a cached page’s inline scripts, whatever nonce they were rendered with', async () => {
    const response = await fetch(`${base}/from-cache`);
    const body = await response.text();
    const policy = response.headers.get('content-security-policy')!;
    expect(scriptSrc(policy)).toBe(`script-src 'self' ${sha('self.__next_f.push([0])')} ${sha('self.__next_f.push([1,"ü"])')}`);
    expect(scriptSrc(policy)).not.toContain('nonce');
    expect(body).toContain('ü');
    expect(response.headers.get('cache-control')).toBe('s-maxage=60');
    expect(policy).toContain("form-action 'self'");
    expect(policy).toContain('http://127.0.0.1:9');
  });

  it('tags a cached page with an ETag of its bytes and answers a matching revalidation with 304', async () => {
    const first = await fetch(`${base}/from-cache`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect((await fetch(`${base}/from-cache`)).headers.get('etag')).toBe(etag);
    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const again = await fetch(`${base}/from-cache`, { headers: { 'if-none-match': ifNoneMatch } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      expect(again.headers.get('etag')).toBe(etag);
    }
    const changed = await fetch(`${base}/from-cache`, { headers: { 'if-none-match': '"other"' } });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain('ü');
    // A page rendered for this request (nonce) has no ETag: it is never the same twice.
    release();
    const now = await fetch(`${base}/rendered-now`);
    release();
    await now.text();
    expect(now.headers.get('etag')).toBeNull();
    expect((await fetch(`${base}/missing`)).headers.get('etag')).toBeNull();
  });

  it('leaves responses that are not HTML alone, and still covers an error page', async () => {
    const data = await fetch(`${base}/data`);
    expect(data.headers.get('content-security-policy')).toBeNull();
    expect(await data.json()).toEqual({ a: 1 });
    const missing = await fetch(`${base}/missing`);
    expect(missing.status).toBe(404);
    expect(scriptSrc(missing.headers.get('content-security-policy')!)).toBe("script-src 'self'");
  });
});
