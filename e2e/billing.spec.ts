// Membership end to end, paying through the local Stripe emulator (scripts/e2e-server.ts).
import { expect, test, type Page } from '@playwright/test';
import { advance, CARDS, cancelInPortal, emulatorSubscriptionOf, newSubscriber, payOnCheckout, signUpVerifyAndSignIn } from './billing-helpers';
import { signInAs, uniqueEmail } from './helpers';
import { expectOnlyPreviews } from './premium-text';

const ARTICLE = '/articles/building-a-resilient-core';
const PREMIUM_HEADING = 'The principles'; // the first heading after the preview ends

test.describe.configure({ mode: 'parallel' });
// Each test signs up from its own address, so the per-IP sign-up limit never trips.
test.use({ extraHTTPHeaders: { 'X-Forwarded-For': `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` } });

async function expectFullArticle(page: Page) {
  await page.goto(ARTICLE);
  await expect(page.getByTestId('members-part').getByRole('heading', { name: PREMIUM_HEADING })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Keep reading with a membership' })).toHaveCount(0);
}

async function expectPreviewOnly(page: Page) {
  await page.goto(ARTICLE);
  await expect(page.getByRole('heading', { name: 'Keep reading with a membership' })).toBeVisible();
  await expect(page.getByRole('heading', { name: PREMIUM_HEADING })).toHaveCount(0);
}

test('a visitor reads a preview, subscribes, and reads the whole article', async ({ page }) => {
  await expectPreviewOnly(page);
  await page.getByRole('link', { name: 'Become a member' }).first().click();
  await expect(page).toHaveURL(/\/pricing$/);
  await expect(page.getByRole('note')).toContainText('Test mode');
  await newSubscriber(page);
  await expectFullArticle(page);
  await page.goto('/account');
  await expect(page.getByTestId('membership-status')).toHaveText('Active');
});

test('a declined card is shown as declined and grants nothing', async ({ page }) => {
  const email = uniqueEmail('declined');
  await page.goto('/sign-up');
  await signUpVerifyAndSignIn(page, email, 'a long enough passphrase', null);
  await page.goto('/pricing');
  // The demo's prices are in pounds, as a UK practice sells them: on the site and at checkout.
  await expect(page.getByText('£19', { exact: true })).toBeVisible();
  await expect(page.getByText('£190', { exact: true })).toBeVisible();
  await expect(page.locator('main')).not.toContainText('$');
  await page.getByRole('button', { name: 'Join monthly' }).click();
  await expect(page.getByText(/£19\.00 per month/)).toBeVisible();
  await payOnCheckout(page, CARDS.decline);
  await expect(page.getByRole('alert').filter({ hasText: 'Your card was declined.' }).first()).toBeVisible();
  await page.goto('/account');
  await expect(page.getByTestId('membership-status')).toHaveText('You are not a member yet.');
  await expectPreviewOnly(page);
});

test('cancelling in the portal keeps access until the period ends, then it goes', async ({ page }) => {
  const email = await newSubscriber(page);
  await cancelInPortal(page);
  await expect(page.getByText(/Your membership is cancelled and ends on/)).toBeVisible();
  await expectFullArticle(page);

  await advance(await emulatorSubscriptionOf(email));
  await page.goto('/account');
  await expect(page.getByTestId('membership-status')).toContainText('Your membership ended');
  await expectPreviewOnly(page);
  // A lapsed member gets only previews, on every channel.
  await expectOnlyPreviews(page.request);
});

test('a failed renewal shows the banner and keeps access until the period ends', async ({ page }) => {
  const email = await newSubscriber(page, CARDS.failsOnRenewal);
  await advance(await emulatorSubscriptionOf(email));
  await page.goto('/account');
  await expect(page.getByRole('main').getByRole('alert')).toContainText('Your last payment failed.');
  await expect(page.getByTestId('membership-status')).toHaveText('Payment failed');
  await expectFullArticle(page);
  // Fixing the card in the portal pays the open invoice.
  await page.goto('/account');
  await page.getByRole('button', { name: 'Update your card' }).click();
  await page.getByLabel('Card number').fill(CARDS.success);
  await page.getByRole('button', { name: 'Update card' }).click();
  await page.getByRole('link', { name: 'Return to site' }).click();
  await expect(page.getByTestId('membership-status')).toHaveText('Active');
});

test('an admin’s complimentary membership grants access, and revoking it takes it away', async ({ page, browser }) => {
  const reader = await browser.newPage();
  await signInAs(reader, 'reader@steadyspine.example', 'demo-reader-pass');
  await expectPreviewOnly(reader);

  await signInAs(page, 'admin@steadyspine.example', 'demo-admin-pass');
  await page.goto('/staff/members?q=reader%40steadyspine.example');
  const row = page.getByRole('row', { name: /Riley Reader/ });
  await row.getByRole('button', { name: /Grant comp/ }).click();
  await expect(row.getByText('Complimentary membership granted.')).toBeVisible();
  await expect(row.getByTestId('member-membership')).toContainText('Complimentary');

  await expectFullArticle(reader);
  await reader.goto('/account');
  await expect(reader.getByTestId('membership-status')).toContainText('Complimentary membership with no end date');

  await row.getByRole('button', { name: /Revoke comp/ }).click();
  await expect(row.getByText('Complimentary membership revoked.')).toBeVisible();
  await expectPreviewOnly(reader);
  await reader.close();
});

test('anonymous visitors and members without a subscription get only previews everywhere', async ({ page }) => {
  await expectOnlyPreviews(page.request);
  const email = uniqueEmail('nosub');
  await page.goto('/sign-up');
  await signUpVerifyAndSignIn(page, email, 'a long enough passphrase', null);
  await expect(page).toHaveURL(/\/account$/);
  await expectOnlyPreviews(page.request);
});

test('the webhook refuses an unsigned event', async ({ request }) => {
  const response = await request.post('/api/stripe/webhook', { data: { id: 'evt_forged', type: 'customer.subscription.deleted', data: { object: { id: 'sub_x' } } } });
  expect(response.status()).toBe(400);
});

test('the demo member’s seeded subscription gives access and opens the billing portal', async ({ page }) => {
  await signInAs(page, 'member@steadyspine.example', 'demo-member-pass');
  await page.goto('/account');
  await expect(page.getByTestId('membership-status')).toHaveText('Active');
  await expectFullArticle(page);
  await page.goto('/account');
  await page.getByRole('button', { name: 'Manage membership and payment' }).click();
  await expect(page).toHaveURL(/\/portal\//);
  await expect(page.getByRole('button', { name: 'Cancel subscription' })).toBeVisible();
  await page.getByRole('link', { name: 'Return to site' }).click();
  await expect(page).toHaveURL(/\/account$/);
});
