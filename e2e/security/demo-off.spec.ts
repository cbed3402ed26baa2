// Probes against a real site started the README's way on a database an operator once
// tried the demo on (scripts/e2e-production-server.ts, e2e/security/earlier-demo.ts):
// the outbox full of sign-in links stays closed, the demo accounts' published passwords
// open nothing, and billing without Stripe keys sells nothing (no emulator, no test mode).
import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO_USERS } from '../../lib/demo/demo-users';
import { formAlert, signInWithPassword } from '../helpers';
import { EARLIER_DEMO_EMAIL_ID } from './earlier-demo';
import { signUpAndConfirm, uniqueAddress } from './production-accounts';

const OUTBOX_PATHS = ['/dev/outbox', '/dev/outbox?to=admin%40steadyspine.example', `/dev/outbox/${EARLIER_DEMO_EMAIL_ID}`];

/** Signs in through Auth.js's own credentials endpoint, as a script would; true when a session results. */
async function directPasswordSignIn(request: APIRequestContext, email: string, password: string): Promise<boolean> {
  const csrf = await request.get('/api/auth/csrf');
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  // Same-origin, as the site's own form would post it: only the password is being tried.
  const headers = { origin: new URL(csrf.url()).origin };
  await request.post('/api/auth/callback/password', { form: { csrfToken, email, password, callbackUrl: '/account' }, headers, maxRedirects: 0 });
  const me = (await (await request.get('/api/me')).json()) as { signedIn: boolean };
  return me.signedIn;
}

test.describe('the outbox on a real site', () => {
  test('answers 404 to a visitor, and shows none of its mail', async ({ request }) => {
    for (const path of OUTBOX_PATHS) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(404);
      const body = await res.text();
      expect(body, path).not.toContain('left-over-from-the-demo');
      expect(body, path).not.toContain('admin@steadyspine.example');
    }
  });

  test('answers 404 to a signed-in member', async ({ page }) => {
    const email = uniqueAddress('prod-outbox-member');
    const password = 'quiet-harbour-lamp-17';
    await signUpAndConfirm(page, { name: 'Olive Outbox', email, password });
    // Also the control for the probes below: a real account does sign in this way.
    expect(await directPasswordSignIn(page.request, email, password)).toBe(true);
    for (const path of OUTBOX_PATHS) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(404);
      await expect(page.getByText('left-over-from-the-demo')).toHaveCount(0);
    }
  });
});

test.describe('demo accounts an earlier demo left in the database', () => {
  for (const user of DEMO_USERS) {
    test(`${user.email}'s published password does not sign in through Auth.js directly`, async ({ request }) => {
      expect(await directPasswordSignIn(request, user.email, user.password)).toBe(false);
    });
  }

  test("the demo admin's published password does not sign in on the form", async ({ page }) => {
    const admin = DEMO_USERS.find((u) => u.role === 'ADMIN')!;
    await signInWithPassword(page, admin.email, admin.password);
    await expect(formAlert(page)).toContainText('That email and password do not match');
    await expect(page).toHaveURL(/\/sign-in/);
    const me = (await (await page.request.get('/api/me')).json()) as { signedIn: boolean };
    expect(me.signedIn).toBe(false);
  });
});

test('without Stripe keys, /pricing offers no checkout, no test mode and no emulator', async ({ page }) => {
  const res = await page.goto('/pricing');
  expect(res?.status()).toBe(200);
  await expect(page.getByText('Online sign-up is not available on this site.')).toBeVisible();
  await expect(page.getByRole('button', { name: /Join (monthly|yearly)/ })).toHaveCount(0);
  await expect(page.getByRole('note')).toHaveCount(0);
  const html = await page.content();
  expect(html).not.toContain('Test mode');
  expect(html).not.toContain('4242 4242 4242 4242');
  expect(html).not.toMatch(/localhost:\d+\/checkout/);
});
