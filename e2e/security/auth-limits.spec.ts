// Sign-in limits as an attacker meets them on a production-mode server with no proxy
// configured: Auth.js's own endpoints (a script needs no form) are limited exactly like the
// forms, only failed passwords count, and a client rotating X-Forwarded-For (or the app's
// internal address header) only ever spends its own per-IP limit. Each attacker speaks from
// its own loopback address (e2e/security/source-client.ts), so no probe spends the limits of
// the browser-driven specs, which all come from 127.0.0.1.
import { expect, test, type Page } from '@playwright/test';
import { formAlert } from '../helpers';
import { emailsTo, waitForEmail } from './mailbox';
import { signUpAndConfirm, uniqueAddress } from './production-accounts';
import { SourceClient } from './source-client';

test.describe.configure({ mode: 'serial' });

const PASSWORD = 'steady-coach-password-7';
const coach = uniqueAddress('limits-coach');
let baseURL: string;

test.beforeAll(async ({ browser }, testInfo) => {
  test.setTimeout(60_000);
  baseURL = String(testInfo.project.use.baseURL);
  const context = await browser.newContext({ baseURL });
  await signUpAndConfirm(await context.newPage(), { name: 'Lena Limits', email: coach, password: PASSWORD });
  await context.close();
});

async function signInThroughForm(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('eleven correct sign-ins in a row through the form lock nobody out', async ({ page, context }) => {
  test.setTimeout(120_000);
  for (let i = 1; i <= 11; i++) {
    await signInThroughForm(page, coach, PASSWORD);
    await expect(page, `sign-in ${i}`).toHaveURL(/\/account$/);
    await context.clearCookies();
  }
});

test('50 bad sign-ins with rotating X-Forwarded-For only exhaust that client’s own limit; another client still signs in', async () => {
  test.setTimeout(120_000);
  const attacker = new SourceClient(baseURL, '127.0.0.5');
  const codes: (string | null)[] = [];
  for (let i = 0; i < 53; i++) {
    const spoofed = { 'X-Forwarded-For': `198.51.100.${i}, 203.0.113.${i}`, 'X-Real-IP': `192.0.2.${i}`, 'X-Steady-Spine-Client-Address': `203.0.113.${i}` };
    const attempt = await attacker.signInWithPassword(`nobody-${i}-${coach}`, `guess-${i}`, spoofed);
    expect(attempt.signedIn).toBe(false);
    codes.push(attempt.code);
  }
  expect(codes.slice(0, 50)).toEqual(Array(50).fill('credentials'));
  expect(codes.slice(50)).toEqual(['rate_limited', 'rate_limited', 'rate_limited']);
  // Not even the right password gets this client in now: the refusal comes before any check.
  expect(await attacker.signInWithPassword(coach, PASSWORD, { 'X-Forwarded-For': '198.51.100.200' })).toEqual({ signedIn: false, code: 'rate_limited' });

  // Another machine (another source address) is not locked out.
  const coachElsewhere = new SourceClient(baseURL, '127.0.0.3');
  expect(await coachElsewhere.signInWithPassword(coach, PASSWORD)).toEqual({ signedIn: true, code: null });
});

test('the 11th password on POST /api/auth/callback/password is refused, even the right one, and the form says so too', async ({ page }) => {
  const script = new SourceClient(baseURL, '127.0.0.6');
  for (let i = 1; i <= 10; i++) expect(await script.signInWithPassword(coach, `wrong-password-${i}`), `attempt ${i}`).toEqual({ signedIn: false, code: 'credentials' });
  expect(await script.signInWithPassword(coach, PASSWORD)).toEqual({ signedIn: false, code: 'rate_limited' });
  // The same limit for this address, whichever way and from wherever it is asked.
  expect(await new SourceClient(baseURL, '127.0.0.7').signInWithPassword(coach, PASSWORD)).toEqual({ signedIn: false, code: 'rate_limited' });
  await signInThroughForm(page, coach, PASSWORD);
  await expect(formAlert(page)).toContainText(/Too many attempts\. Please wait and try again in 1[45] minutes/);
  await expect(page).toHaveURL(/\/sign-in/);
});

test('the 6th sign-in link on POST /api/auth/signin/email is refused, and the form says so too', async ({ page }) => {
  const address = uniqueAddress('limits-link');
  const script = new SourceClient(baseURL, '127.0.0.8');
  const since = Date.now();
  for (let i = 1; i <= 5; i++) expect(await script.requestSignInLink(address), `request ${i}`).toEqual({ sent: true, error: null });
  expect(await script.requestSignInLink(address)).toEqual({ sent: false, error: 'AccessDenied' });
  // The five were real: each one's email arrived.
  await expect.poll(() => emailsTo(address).filter((e) => Date.parse(e.receivedAt) >= since).length, { timeout: 15_000 }).toBe(5);
  await waitForEmail(address, /sign-in link/i, since);

  await page.goto('/sign-in');
  await page.getByLabel('Email for the sign-in link').fill(address);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(formAlert(page)).toContainText(/Too many attempts\. Please wait and try again in (60|59) minutes/);
});
