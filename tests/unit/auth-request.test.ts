// What Auth.js is handed on /api/auth/*: the site's origin, and a callbackUrl (query or
// cookie) it will not answer 500 to and that stays on the site.
import { describe, expect, it } from 'vitest';
import { requestForAuthJs } from '@/lib/auth/auth-request';
import { site } from '@/lib/site';

const SITE = new URL(site.url).origin;

describe('requestForAuthJs', () => {
  it('moves the request onto SITE_URL, whatever address the server listens on', () => {
    const out = requestForAuthJs(new Request('http://localhost:39999/api/auth/callback/email?token=t&email=a%40b.example'));
    expect(out.url).toBe(`${SITE}/api/auth/callback/email?token=t&email=a%40b.example`);
  });

  it.each(['foo', '%ff', 'javascript:alert(1)', '\\\\evil.example', '//evil.example', 'https://evil.example/x', '/\t/evil.example'])(
    'turns the query callbackUrl %j into a same-site URL',
    (payload) => {
      const out = requestForAuthJs(new Request(`${SITE}/api/auth/session?callbackUrl=${encodeURIComponent(payload)}`));
      const callbackUrl = new URL(new URL(out.url).searchParams.get('callbackUrl')!);
      expect(callbackUrl.origin).toBe(SITE);
      expect(callbackUrl.pathname).toBe('/');
    },
  );

  it('keeps a good callbackUrl, as an absolute URL on the site', () => {
    const out = requestForAuthJs(new Request(`${SITE}/api/auth/signin?callbackUrl=%2Fpricing%3Fplan%3Dannual`));
    expect(new URL(out.url).searchParams.get('callbackUrl')).toBe(`${SITE}/pricing?plan=annual`);
  });

  it('makes the callback-url cookie safe and leaves other cookies alone', () => {
    const cookie = `authjs.csrf-token=abc%7Cdef; authjs.callback-url=javascript%3Aalert(1); theme=dark; __Secure-authjs.callback-url=%2Faccount`;
    const out = requestForAuthJs(new Request(`${SITE}/api/auth/session`, { headers: { cookie } }));
    expect(out.headers.get('cookie')).toBe(
      `authjs.csrf-token=abc%7Cdef; authjs.callback-url=${encodeURIComponent(`${SITE}/`)}; theme=dark; __Secure-authjs.callback-url=${encodeURIComponent(`${SITE}/account`)}`,
    );
  });

  it('passes a POST body and headers through', async () => {
    const out = requestForAuthJs(
      new Request('http://localhost:39999/api/auth/callback/password', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-test': '1' },
        body: 'email=a%40b.example&password=p&callbackUrl=%2Faccount',
      }),
    );
    expect(out.method).toBe('POST');
    expect(out.headers.get('x-test')).toBe('1');
    expect(await out.text()).toBe('email=a%40b.example&password=p&callbackUrl=%2Faccount');
  });

  it('hands over the same request when nothing needs changing', () => {
    const request = new Request(`${SITE}/api/auth/session`, { headers: { cookie: 'theme=dark' } });
    expect(requestForAuthJs(request)).toBe(request);
  });
});
