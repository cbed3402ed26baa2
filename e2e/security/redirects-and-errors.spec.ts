// Redirects, origins and error answers, probed as an attacker would against the
// production-mode server: return URLs never leave the site, forged cross-origin posts are
// refused, malformed or oversized requests get a 4xx page with a message instead of a
// 500.
import { expect, test, type APIRequestContext, type APIResponse, type Page } from '@playwright/test';
import { signUpAndConfirm, uniqueAddress } from './production-accounts';

const PASSWORD = 'calm-river-stone-42';

/** Return-URL payloads, as the server should receive them. */
const PAYLOADS = [
  '//evil.example',
  '///evil.example/account',
  '/\\evil.example',
  '\\\\evil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  '/%09/evil.example',
  '/%2F%2Fevil.example',
  '/%5Cevil.example',
  '/..//evil.example',
  'https://evil.example/account',
  'http://evil.example@127.0.0.2/account',
  'javascript:alert(document.domain)',
  'evil.example',
  'account',
  '%ff',
  '/%',
  '\u202E//evil.example',
];

let origin: string;
test.beforeAll(({}, info) => {
  origin = new URL(info.project.use.baseURL!).origin;
});

/** A URL from a Location header or a form field stays on the site, and so does any callbackUrl inside it. */
function expectStaysOnSite(value: string | null | undefined, what: string) {
  if (value === null || value === undefined || value === '') return;
  expect(value, `${what}: no backslash or control character`).not.toMatch(/[\\\u0000-\u001f\u007f]/);
  const url = new URL(value, origin);
  expect(url.origin, `${what}: ${JSON.stringify(value)}`).toBe(origin);
  expect(url.pathname.startsWith('//'), `${what}: ${JSON.stringify(value)}`).toBe(false);
  expectStaysOnSite(url.searchParams.get('callbackUrl'), `${what} → callbackUrl`);
}

function expectNoServerError(response: APIResponse, what: string) {
  expect(response.status(), what).toBeLessThan(500);
}

async function signedInPage(page: Page, label: string): Promise<string> {
  const email = uniqueAddress(label);
  await signUpAndConfirm(page, { name: 'Rhea Redirect', email, password: PASSWORD });
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/account$/);
  return email;
}

test.describe('return URLs stay on the site', () => {
  // Most of these sign up first, waiting for the confirmation mail over SMTP.
  test.slow();
  test('the sign-in and sign-up forms carry only safe return paths', async ({ request }) => {
    for (const payload of PAYLOADS) {
      for (const form of ['/sign-in', '/sign-up']) {
        const response = await request.get(`${form}?callbackUrl=${encodeURIComponent(payload)}`);
        expect(response.status(), `${form} with ${JSON.stringify(payload)}`).toBe(200);
        const html = await response.text();
        for (const [, value] of html.matchAll(/name="callbackUrl" value="([^"]*)"/g)) {
          expectStaysOnSite(value.replace(/&amp;/g, '&'), `${form} form field for ${JSON.stringify(payload)}`);
        }
      }
      const verify = await request.get(`/verify-email?token=x&next=${encodeURIComponent(payload)}`);
      expect(verify.status()).toBe(200);
      for (const [, value] of (await verify.text()).matchAll(/name="next" value="([^"]*)"/g)) expectStaysOnSite(value, `verify-email next for ${JSON.stringify(payload)}`);
    }
  });

  test('signed in, /sign-in?callbackUrl= redirects only within the site', async ({ page }) => {
    await signedInPage(page, 'redirect-signed-in');
    for (const payload of PAYLOADS) {
      const response = await page.request.get(`/sign-in?callbackUrl=${encodeURIComponent(payload)}`, { maxRedirects: 0 });
      expectNoServerError(response, JSON.stringify(payload));
      expect(response.status(), JSON.stringify(payload)).toBeGreaterThanOrEqual(300);
      expectStaysOnSite(response.headers()['location'], `redirect for ${JSON.stringify(payload)}`);
    }
  });

  test('in the browser, hostile sign-in links end on the site, signed in or signing in', async ({ page }) => {
    const email = await signedInPage(page, 'redirect-browser');
    for (const payload of ['/\t/evil.example', '/\\evil.example', '//evil.example']) {
      // Browsers drop tabs inside URLs and read backslashes as slashes: a redirect to
      // "/\t/evil.example" is one to //evil.example. Leaving the site fails to load here.
      await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(payload)}`).catch(() => undefined);
      expect(new URL(page.url()).origin, `signed in, ${JSON.stringify(payload)}`).toBe(origin);
    }
    await page.context().clearCookies();
    for (const payload of ['/\t/evil.example', '/%09/evil.example']) {
      await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(payload)}`);
      await page.getByLabel('Email', { exact: true }).fill(email);
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
      expect(new URL(page.url()).origin, `signing in, ${JSON.stringify(payload)}`).toBe(origin);
      await page.context().clearCookies();
    }
  });

  test('Auth.js endpoints keep every callbackUrl on the site, and never answer 500', async ({ page }) => {
    const email = await signedInPage(page, 'redirect-authjs');
    const request = page.request;
    const csrf = async (api: APIRequestContext) => ((await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string }).csrfToken;
    for (const payload of PAYLOADS) {
      const what = JSON.stringify(payload);
      const signin = await request.get(`/api/auth/signin?callbackUrl=${encodeURIComponent(payload)}`, { maxRedirects: 0 });
      expectNoServerError(signin, `GET /api/auth/signin ${what}`);
      expectStaysOnSite(signin.headers()['location'], `GET /api/auth/signin ${what}`);
      const session = await request.get(`/api/auth/session?callbackUrl=${encodeURIComponent(payload)}`, { maxRedirects: 0 });
      expectNoServerError(session, `GET /api/auth/session ${what}`);
      // The callback URL Auth.js keeps in a cookie for the next step.
      const cookie = (await page.context().cookies()).find((c) => c.name.endsWith('authjs.callback-url'));
      if (cookie) expectStaysOnSite(decodeURIComponent(cookie.value), `callback-url cookie after ${what}`);

      const credentials = await request.post('/api/auth/callback/password', {
        form: { email, password: PASSWORD, csrfToken: await csrf(request), callbackUrl: payload },
        maxRedirects: 0,
      });
      expectNoServerError(credentials, `POST /api/auth/callback/password ${what}`);
      expectStaysOnSite(credentials.headers()['location'], `POST /api/auth/callback/password ${what}`);
    }
    const signout = await request.post('/api/auth/signout', { form: { csrfToken: await csrf(request), callbackUrl: 'https://evil.example/' }, maxRedirects: 0 });
    expectNoServerError(signout, 'POST /api/auth/signout');
    expectStaysOnSite(signout.headers()['location'], 'POST /api/auth/signout');
  });
});

test.describe('forged cross-origin posts are refused', () => {
  test('POST /sign-in/link/continue from another site: 403 with a message', async ({ request }) => {
    const next = '/api/auth/callback/email?callbackUrl=%2Faccount&token=abc&email=victim%40example.com';
    for (const headers of [{ Origin: 'https://evil.example' }, { Origin: 'null' }, { 'Sec-Fetch-Site': 'cross-site' }] as Record<string, string>[]) {
      const response = await request.post('/sign-in/link/continue', { headers, form: { next }, maxRedirects: 0 });
      expect(response.status(), JSON.stringify(headers)).toBe(403);
      expect(await response.text()).toContain('only act on forms sent from our own pages');
      expect(response.headers()['location']).toBeUndefined();
    }
    // The site's own page still works: on to Auth.js's callback.
    const own = await request.post('/sign-in/link/continue', { headers: { Origin: origin }, form: { next }, maxRedirects: 0 });
    expect(own.status()).toBe(303);
    expect(own.headers()['location']).toBe(next);
  });

  test('a forged POST to Auth.js is refused before Auth.js reads it', async ({ request }) => {
    const response = await request.post('/api/auth/signin/email', { headers: { Origin: 'https://evil.example' }, form: { email: 'victim@example.com', csrfToken: 'x' }, maxRedirects: 0 });
    expect(response.status()).toBe(403);
  });

  test('a cross-origin server action: 4xx with a message, not 500', async ({ request }) => {
    const actionId = await anActionId(request);
    const fetchAction = await request.post('/sign-in', {
      headers: { 'Next-Action': actionId, Origin: 'https://evil.example', 'Content-Type': 'text/plain;charset=UTF-8' },
      data: '[{"status":"idle"},"$K1"]',
    });
    expect(fetchAction.status()).toBe(403);
    expect(await fetchAction.text()).toContain('only act on forms sent from our own pages');
    const formAction = await request.post('/sign-in', { headers: { Origin: 'https://evil.example' }, multipart: { [`$ACTION_ID_${actionId}`]: '', email: 'victim@example.com' } });
    expect(formAction.status()).toBe(403);
    expect(await formAction.text()).toContain('This form was not sent from this site');
  });
});

test.describe('bad requests get a 4xx page with a message', () => {
  test('an oversized server-action body: 413', async ({ request }) => {
    const actionId = await anActionId(request);
    const response = await request.post('/sign-in', {
      headers: { 'Next-Action': actionId, Origin: origin, 'Content-Type': 'text/plain;charset=UTF-8' },
      data: 'a'.repeat(2 * 1024 * 1024),
    });
    expect(response.status()).toBe(413);
    expect(await response.text()).toContain('larger than this site accepts');
  });

  test('malformed percent-encoding in the path: 400, never 500', async ({ request }) => {
    for (const url of ['/articles/%ff', '/podcast/%ff', '/tags/%ff', '/articles/%E0%A4%A', '/programme/%ff', '/media/podcast/%ff', '/%ff/x']) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(400);
      expect(await response.text(), url).toContain('That address is not valid');
    }
  });
});

// ---------------------------------------------------------------------------------------

/** The id of a server action the sign-in page uses, as its HTML carries it. */
async function anActionId(request: APIRequestContext): Promise<string> {
  const html = await (await request.get('/sign-in')).text();
  const id = html.match(/&quot;id&quot;:&quot;([0-9a-f]{40,})&quot;/)?.[1];
  expect(id, 'a server action id on /sign-in').toBeTruthy();
  return id!;
}

/** The OG image path of a real article (its file name carries a build hash). */
