// The app server's guard (scripts/request-guard.mjs): what Next would answer with a bare
// 500 gets a 4xx of its own. The e2e security spec probes the running server; this pins
// the rule itself.
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, refusalFor } from '../../scripts/request-guard.mjs';

const get = (url: string) => refusalFor({ method: 'GET', url, headers: { host: 'www.example.com' } })?.status ?? null;
const action = (headers: Record<string, string>, url = '/sign-in') =>
  refusalFor({ method: 'POST', url, headers: { host: 'www.example.com', 'content-length': '20', 'next-action': 'abc', ...headers } })?.status ?? null;

describe('refusalFor', () => {
  it('answers 400 for a path with malformed percent-encoding, and lets good ones through', () => {
    for (const url of ['/articles/%ff', '/%', '/podcast/%E0%A4%A', '/x/%zz?q=1']) expect(get(url), url).toBe(400);
    for (const url of ['/', '/articles/sciatica-myths', '/search?q=%ff', '/articles/%C3%A9t%C3%A9', '/media/podcast/..%2Fx']) expect(get(url), url).toBeNull();
  });

  it('refuses a server action from another origin (Next would answer 500), as Next decides it', () => {
    expect(action({ origin: 'https://evil.example' })).toBe(403);
    expect(action({ origin: 'null' })).toBe(403);
    expect(action({ origin: 'not a url' })).toBe(403);
    expect(action({ origin: 'https://www.example.com' })).toBeNull();
    expect(action({})).toBeNull(); // no Origin: not a browser's cross-site post
    // Behind a proxy Next compares with the first X-Forwarded-Host.
    expect(action({ origin: 'https://www.example.com', 'x-forwarded-host': 'www.example.com, internal' })).toBeNull();
    expect(action({ origin: 'https://www.example.com', 'x-forwarded-host': 'other.example' })).toBe(403);
  });

  it('treats a multipart POST as a possible action too, and leaves /api/ routes and plain forms to their handlers', () => {
    const post = (url: string, contentType: string) =>
      refusalFor({ method: 'POST', url, headers: { host: 'www.example.com', origin: 'https://evil.example', 'content-length': '20', 'content-type': contentType } })?.status ?? null;
    expect(post('/sign-in', 'multipart/form-data; boundary=x')).toBe(403);
    expect(post('/api/notifications/unsubscribe?token=t', 'multipart/form-data; boundary=x')).toBeNull();
    expect(post('/sign-in/link/continue', 'application/x-www-form-urlencoded')).toBeNull(); // its route handler checks Origin
  });

  it('answers 413 above 1 MB anywhere, and 411 for an action of unknown length', () => {
    expect(MAX_BODY_BYTES).toBe(1024 * 1024);
    const sized = (url: string, length: string) => refusalFor({ method: 'POST', url, headers: { host: 'h', 'content-length': length } })?.status ?? null;
    expect(sized('/sign-in', String(MAX_BODY_BYTES + 1))).toBe(413);
    expect(sized('/api/stripe/webhook', String(50 * 1024 * 1024))).toBe(413);
    expect(sized('/sign-in', String(MAX_BODY_BYTES))).toBeNull();
    expect(refusalFor({ method: 'POST', url: '/sign-in', headers: { host: 'h', 'next-action': 'abc', 'transfer-encoding': 'chunked' } })?.status).toBe(411);
  });
});
