// The Origin check of state-changing route handlers (lib/http/origin.ts).
import { describe, expect, it } from 'vitest';
import { checkOrigin, refuseCrossOrigin } from '@/lib/http/origin';
import { site } from '@/lib/site';

const SITE = 'https://www.steadyspine.example';
const verdict = (headers: Record<string, string>) => checkOrigin(new Headers(headers), SITE).allowed;

describe('checkOrigin', () => {
  it('allows exactly the site origin', () => {
    expect(verdict({ Origin: SITE })).toBe(true);
    expect(verdict({ Origin: `${SITE}/` })).toBe(true); // not what browsers send, but the same origin
  });

  it.each([
    'https://evil.example',
    'http://www.steadyspine.example', // other scheme
    'https://www.steadyspine.example:8443', // other port
    'https://steadyspine.example', // a sibling: same site, other origin
    'https://www.steadyspine.example.evil.example',
    'null', // sandboxed frames, data: pages
    'file://',
    'not a url',
    `${SITE}, https://evil.example`,
    '',
  ])('refuses Origin %j', (origin) => {
    expect(verdict({ Origin: origin })).toBe(false);
  });

  it('without Origin, follows Sec-Fetch-Site', () => {
    expect(verdict({ 'Sec-Fetch-Site': 'same-origin' })).toBe(true);
    expect(verdict({ 'Sec-Fetch-Site': 'none' })).toBe(true);
    expect(verdict({ 'Sec-Fetch-Site': 'same-site' })).toBe(false);
    expect(verdict({ 'Sec-Fetch-Site': 'cross-site' })).toBe(false);
  });

  it('lets a request with neither header through: not a browser, so no victim cookies', () => {
    expect(verdict({})).toBe(true);
    expect(verdict({ 'Content-Type': 'application/x-www-form-urlencoded' })).toBe(true);
  });

  it('a present Origin wins over Sec-Fetch-Site', () => {
    expect(verdict({ Origin: 'https://evil.example', 'Sec-Fetch-Site': 'same-origin' })).toBe(false);
  });

  it('compares with SITE_URL by default', () => {
    const own = new URL(site.url).origin;
    expect(checkOrigin(new Headers({ Origin: own })).allowed).toBe(true);
    expect(checkOrigin(new Headers({ Origin: 'https://evil.example' })).allowed).toBe(false);
  });
});

describe('refuseCrossOrigin', () => {
  it('answers 403 with a page that says why, and nothing for the site itself', async () => {
    const own = new URL(site.url).origin;
    expect(refuseCrossOrigin(new Request(`${own}/x`, { method: 'POST', headers: { Origin: own } }))).toBeNull();
    const refused = refuseCrossOrigin(new Request(`${own}/x`, { method: 'POST', headers: { Origin: 'https://evil.example' } }));
    expect(refused?.status).toBe(403);
    expect(refused?.headers.get('content-type')).toContain('text/html');
    expect(await refused?.text()).toContain('only act on forms sent from our own pages');
  });
});
