// Account takeover probes against the production-mode server, as an attacker would try
// them: replaying a copied session cookie after its owner signed out (through the site's
// button and through Auth.js's own endpoint), changed the password or deleted the
// account; and signing up first with someone else's address (pre-registration hijack),
// hoping the owner later proves the address by link, or signs up again, into an account
// whose password the attacker chose. Mail arrives over SMTP (./mailbox.ts).
import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { formAlert, signInWithPassword } from '../helpers';
import { linksIn, waitForEmail } from './mailbox';
import { signUpAndConfirm, uniqueAddress } from './production-accounts';

// Each probe signs up, reads mail and signs in several times: slow on a shared 2-core machine.
test.describe.configure({ timeout: 90_000 });

const OWNER_PASSWORD = 'calm-river-stone-42';
const ATTACKER_PASSWORD = 'attacker-chose-this-77';

/** The session cookie(s) of a browser, as a Cookie header someone could copy and replay. */
async function copySessionCookie(context: BrowserContext): Promise<string> {
  const cookies = (await context.cookies()).filter((c) => c.name.includes('authjs.session-token'));
  expect(cookies.length, 'a session cookie').toBeGreaterThan(0);
  return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

/** Whether the server takes this Cookie header for a signed-in person (replayed from elsewhere). */
async function replay(request: APIRequestContext, cookie: string): Promise<boolean> {
  const me = await request.get('/api/me', { headers: { cookie } });
  expect(me.status()).toBe(200);
  const account = await request.get('/account', { headers: { cookie }, maxRedirects: 0 });
  const signedIn = ((await me.json()) as { signedIn: boolean }).signedIn;
  // The page agrees with /api/me: 200 for a session, a redirect to sign in without one.
  expect(account.status(), `GET /account with a ${signedIn ? 'live' : 'dead'} cookie`).toBe(signedIn ? 200 : 307);
  return signedIn;
}

async function signIn(page: Page, email: string, password: string) {
  await signInWithPassword(page, email, password);
  await expect(page).toHaveURL(/\/account$/);
}

/** Signs up and stops there; returns the confirmation link that sign-up mailed to the address. */
async function signUpWithoutConfirming(page: Page, email: string, password: string): Promise<string> {
  const since = Date.now();
  await page.goto('/sign-up');
  await page.getByLabel('Your name').fill('Mallory');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Confirm your email' })).toBeVisible();
  const link = linksIn(await waitForEmail(email, /Confirm your email address/, since)).find((l) => l.startsWith('/verify-email'));
  expect(link, 'a confirmation link').toBeTruthy();
  return link!;
}

async function attackerBrowser(browser: Browser) {
  const context = await browser.newContext();
  return { context, attacker: await context.newPage() };
}

test('a copied session cookie stops working once its owner signs out, by the button or by Auth.js’s endpoint', async ({ page, request }) => {
  const email = uniqueAddress('prod-signout');
  await signUpAndConfirm(page, { name: 'Sam Signout', email, password: OWNER_PASSWORD });
  await signIn(page, email, OWNER_PASSWORD);
  const copied = await copySessionCookie(page.context());
  expect(await replay(request, copied)).toBe(true);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/$/);
  expect(await replay(request, copied), 'the cookie copied before signing out').toBe(false);

  // Again, signing out through Auth.js's own POST /api/auth/signout (with its CSRF token).
  await signIn(page, email, OWNER_PASSWORD);
  const copiedAgain = await copySessionCookie(page.context());
  expect(await replay(request, copiedAgain)).toBe(true);
  const { csrfToken } = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const signOut = await page.request.post('/api/auth/signout', { form: { csrfToken }, maxRedirects: 0 });
  expect(signOut.status()).toBe(302);
  expect(await replay(request, copiedAgain), 'the cookie copied before POST /api/auth/signout').toBe(false);
});

test('a copied cookie stops working after a password change elsewhere, and after the account is deleted', async ({ browser, page, request }) => {
  const email = uniqueAddress('prod-rotate');
  await signUpAndConfirm(page, { name: 'Rory Rotate', email, password: OWNER_PASSWORD });
  await signIn(page, email, OWNER_PASSWORD);
  const otherContext = await browser.newContext();
  const otherDevice = await otherContext.newPage();
  await signIn(otherDevice, email, OWNER_PASSWORD);
  const copiedFromOther = await copySessionCookie(otherContext);
  expect(await replay(request, copiedFromOther)).toBe(true);

  const section = page.getByRole('region', { name: 'Change your password' });
  await section.getByLabel('Current password').fill(OWNER_PASSWORD);
  await section.getByLabel('New password').fill('fresh-meadow-path-31');
  await section.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('You have been signed out on your other devices.')).toBeVisible();
  expect(await replay(request, copiedFromOther), 'the other device’s cookie').toBe(false);
  const current = await copySessionCookie(page.context());
  expect(await replay(request, current), 'the session that changed the password').toBe(true);

  const danger = page.getByRole('region', { name: 'Delete your account' });
  await danger.getByLabel('Type DELETE to confirm').fill('DELETE');
  await danger.getByLabel('Current password').fill('fresh-meadow-path-31');
  await danger.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your account is deleted' })).toBeVisible();
  expect(await replay(request, current), 'a cookie of the deleted account').toBe(false);
  await otherContext.close();
});

test('signing up first with someone’s address gives the attacker nothing once the owner signs in by link', async ({ browser, page }) => {
  const victim = uniqueAddress('prod-hijack-link');
  const { context: attackerContext, attacker } = await attackerBrowser(browser);
  const attackersLink = await signUpWithoutConfirming(attacker, victim, ATTACKER_PASSWORD);

  // The owner signs in with an emailed link, which proves the address.
  const beforeLink = Date.now();
  await page.goto('/sign-in');
  await page.getByLabel('Email for the sign-in link').fill(victim);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
  const link = linksIn(await waitForEmail(victim, /sign-in link/, beforeLink)).find((l) => l.startsWith('/sign-in/link'));
  await page.goto(link!);
  // Only the callback's session cookie matters here, not where Auth.js redirects next.
  const callback = page.waitForResponse((r) => r.url().includes('/api/auth/callback/email'));
  await page.getByRole('button', { name: 'Sign in' }).click();
  expect((await callback).status()).toBe(302);
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in/link') && !url.pathname.startsWith('/api/auth'));
  await page.goto('/account');
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();

  await signInWithPassword(attacker, victim, ATTACKER_PASSWORD);
  await expect(formAlert(attacker)).toContainText('do not match');

  // Even if the owner now opens the confirmation the attacker's sign-up sent them.
  await page.goto(attackersLink);
  await page.getByRole('button', { name: 'Confirm my email address' }).click();
  await expect(formAlert(page)).toContainText('not valid');
  await signInWithPassword(attacker, victim, ATTACKER_PASSWORD);
  await expect(formAlert(attacker)).toContainText('do not match');
  expect(((await (await attacker.request.get('/api/me')).json()) as { signedIn: boolean }).signedIn).toBe(false);
  await attackerContext.close();
});

test('signing up again with an unconfirmed address gives the owner their own password, not the first sign-up’s', async ({ browser, page }) => {
  const victim = uniqueAddress('prod-hijack-resignup');
  const { context: attackerContext, attacker } = await attackerBrowser(browser);
  const attackersLink = await signUpWithoutConfirming(attacker, victim, ATTACKER_PASSWORD);

  // The owner signs up with their own password and confirms from their mailbox.
  const ownersLink = await signUpWithoutConfirming(page, victim, OWNER_PASSWORD);
  expect(ownersLink).not.toBe(attackersLink);
  await page.goto(ownersLink);
  await page.getByRole('button', { name: 'Confirm my email address' }).click();
  await expect(page.getByText('your email address is confirmed')).toBeVisible();

  await signInWithPassword(attacker, victim, ATTACKER_PASSWORD);
  await expect(formAlert(attacker)).toContainText('do not match');
  await signIn(page, victim, OWNER_PASSWORD);

  // The newer sign-up replaced the older one: the first link confirms nothing, and the
  // attacker's password still does not open the account.
  await attacker.goto(attackersLink);
  await attacker.getByRole('button', { name: 'Confirm my email address' }).click();
  await expect(formAlert(attacker)).toContainText('not valid');
  await signInWithPassword(attacker, victim, ATTACKER_PASSWORD);
  await expect(formAlert(attacker)).toContainText('do not match');
  await attackerContext.close();
});
