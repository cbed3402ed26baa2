// Return URLs are same-origin paths only: a corpus of open-redirect payloads (the shapes
// collected by PayloadsAllTheThings and OWASP's cheat sheets) must all become the
// fallback, without throwing, while the site's own paths pass unchanged.
import { describe, expect, it } from 'vitest';
import { safeAuthRedirect, safeReturnPath } from '@/lib/auth/return-path';
import { site } from '@/lib/site';

const SITE = new URL(site.url).origin;

const payloads = [
  // other origins, written plainly
  'https://evil.example', 'http://evil.example/account', '//evil.example', '//evil.example/%2F..', '///evil.example', '////evil.example',
  'evil.example', 'account', '.', '', ' ', 'javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'mailto:a@evil.example',
  // backslashes: browsers read them as slashes
  '/\\evil.example', '\\\\evil.example', '/\\/evil.example', '\\/evil.example', '/account\\..\\..\\evil', '/a\\b',
  // whitespace and control characters: browsers drop tabs and newlines inside URLs
  '/\t/evil.example', '/\n/evil.example', '/\r/evil.example', '/\r\n/evil.example', ' /account', '/account ', '/acc ount', '\t//evil.example', '/\u0000/evil.example',
  '/\u0008/evil.example', '/\u001f/evil.example', '/\u007f/evil.example', '/\u0085/evil.example', '/\u00a0/evil.example', '/\u3000/evil.example',
  '/\u2028/evil.example', '/\u2029/evil.example', '/account\u202e', '/\u200b/evil.example', '/\ufeff/evil.example', '/\u2066/evil.example',
  // percent-encoded versions of the same, for any later decoding
  '/%2F/evil.example', '/%2f%2fevil.example', '/%5Cevil.example', '/%5c/evil.example', '/%09/evil.example', '/%0a/evil.example', '/%0D%0A/evil.example',
  '/%00/evil.example', '/%E2%80%AE/account', '/%E2%80%A8/evil.example', '/%252F/evil.example', '/%25252F%25252Fevil.example', '/%2525252F%2525252Fevil.example',
  '/%255C/evil.example', '%2F%2Fevil.example', '%2Fevil.example',
  // malformed percent-encoding: refused, never thrown
  '/%', '/%ff', '/%E0%A4%A', '/account%', '/%zz', '/search?q=%ff',
  // dot segments that normalise to another origin's shape
  '/..//evil.example', '/.//evil.example', '/./..//evil.example', '/a/../..//evil.example', '/%2e%2e//evil.example',
  // very long
  `/${'a'.repeat(3000)}`,
];

describe('safeReturnPath', () => {
  it.each(payloads.map((p) => [JSON.stringify(p), p]))('refuses %s', (_, payload) => {
    expect(safeReturnPath(payload)).toBe('/');
    expect(safeReturnPath(payload, '/account')).toBe('/account');
  });

  it('refuses what is not a string, without throwing', () => {
    for (const value of [undefined, null, 42, {}, ['/account'], true]) expect(safeReturnPath(value)).toBe('/');
  });

  it.each([
    '/',
    '/account',
    '/pricing?plan=monthly',
    '/programme/phase-one/single-leg-balance',
    '/articles/understanding-your-mri-report#comments',
    '/search?q=back%20pain',
    '/sign-in?callbackUrl=%2Fpricing%3Fplan%3Dannual',
    '/api/auth/callback/email?callbackUrl=http%3A%2F%2Fexample.com%2Faccount&token=abc&email=a%40b.example',
  ])('keeps the site path %s as it is', (path) => {
    expect(safeReturnPath(path)).toBe(path);
  });

  it('gives the path a browser would open (dot segments resolved, stray characters encoded)', () => {
    expect(safeReturnPath('/articles/../account')).toBe('/account');
    expect(safeReturnPath('/search?q="<x>"')).toBe('/search?q=%22%3Cx%3E%22');
  });
});

describe('safeAuthRedirect (Auth.js redirect callback)', () => {
  it('puts every answer on the site origin', () => {
    for (const payload of [...payloads, 'http://evil.example@' + new URL(SITE).host + '/x']) {
      const answer = new URL(safeAuthRedirect(payload));
      expect(answer.origin, JSON.stringify(payload)).toBe(SITE);
      expect(answer.pathname.startsWith('//'), JSON.stringify(payload)).toBe(false);
    }
  });

  it('keeps same-origin URLs and paths, dropping anything else to the home page', () => {
    expect(safeAuthRedirect('/account')).toBe(`${SITE}/account`);
    expect(safeAuthRedirect(`${SITE}/pricing?plan=monthly`)).toBe(`${SITE}/pricing?plan=monthly`);
    expect(safeAuthRedirect('https://evil.example/account')).toBe(`${SITE}/`);
    expect(safeAuthRedirect(`${SITE}//evil.example`)).toBe(`${SITE}/`);
    expect(safeAuthRedirect(`${SITE}/\\evil.example`)).toBe(`${SITE}/`);
  });
});
