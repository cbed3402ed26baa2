// Membership end to end, paying through the local Stripe emulator (scripts/e2e-server.ts).
import { expect, test, type Page } from '@playwright/test';
import { linkFromLatestEmail, signInAs, uniqueEmail } from './helpers';
import { expectOnlyPreviews } from './premium-text';

const STRIPE = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 1}`;
const ARTICLE = '/articles/building-a-resilient-core';
const PREMIUM_HEADING = 'The principles'; // the first heading after the preview ends
const CARDS = { success: '4242 4242 4242 4242', decline: '4000 0000 0000 0002', failsOnRenewal: '4000 0000 0000 0341' };

test.describe.configure({ mode: 'parallel' });
// Each test signs up from its own address, so the per-IP sign-up limit never trips.
test.use({ extraHTTPHeaders: { 'X-Forwarded-For': `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` } });

async function signUpVerifyAndSignIn(page: Page, email: string, password: string, fromPricing: 'monthly' | 'annual' | null) {
  await page.getByLabel('Your name').fill('Pat Payer');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('We have sent a link to confirm your address')).toBeVisible();
  await page.goto(await linkFromLatestEmail(page, email, /Confirm your email address/));
  await page.getByRole('button', { name: 'Confirm my email address' }).click();
  await expect(page).toHaveURL(/\/sign-in\?verified=1/);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(fromPricing ? new RegExp(`/pricing\\?plan=${fromPricing}`) : /\/account$/);
}

async function payOnCheckout(page: Page, card: string) {
  await expect(page).toHaveURL(/\/checkout\//);
  await page.getByLabel('Card number').fill(card);
  await page.getByRole('button', { name: 'Subscribe' }).click();
}

/** A new member with a paid monthly subscription, signed in, on the welcome page. */
async function newSubscriber(page: Page, card = CARDS.success) {
  const email = uniqueEmail('subscriber');
  await page.goto('/pricing');
  await page.getByRole('button', { name: 'Join monthly' }).click();
  await expect(page).toHaveURL(/\/sign-up\?callbackUrl=/);
  await signUpVerifyAndSignIn(page, email, 'a long enough passphrase', 'monthly');
  await page.getByRole('button', { name: 'Continue: Join monthly' }).click();
  await payOnCheckout(page, card);
  await expect(page.getByRole('heading', { name: /Welcome to the membership/ })).toBeVisible();
  return email;
}

async function emulatorSubscriptionOf(email: string): Promise<string> {
  type State = { customers: Record<string, { id: string; email: string }>; subscriptions: Record<string, { id: string; customer: string; status: string }> };
  const { state } = (await (await fetch(`${STRIPE}/_emulator/state`)).json()) as { state: State };
  const customer = Object.values(state.customers).find((c) => c.email === email);
  const sub = Object.values(state.subscriptions).find((s) => s.customer === customer?.id && s.status !== 'canceled');
  expect(sub, `a subscription for ${email}`).toBeDefined();
  return sub!.id;
}

async function advance(subscriptionId: string) {
  const response = await fetch(`${STRIPE}/_emulator/subscriptions/${subscriptionId}/advance`, { method: 'POST' });
  expect(response.status).toBe(200);
  await fetch(`${STRIPE}/_emulator/flush`, { method: 'POST' });
}

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
  await page.getByRole('button', { name: 'Join monthly' }).click();
  await payOnCheckout(page, CARDS.decline);
  await expect(page.getByRole('alert').filter({ hasText: 'Your card was declined.' }).first()).toBeVisible();
  await page.goto('/account');
  await expect(page.getByTestId('membership-status')).toHaveText('You are not a member yet.');
  await expectPreviewOnly(page);
});

test('cancelling in the portal keeps access until the period ends, then it goes', async ({ page }) => {
  const email = await newSubscriber(page);
  await page.goto('/account');
  await page.getByRole('button', { name: 'Manage membership and payment' }).click();
  await page.getByRole('button', { name: 'Cancel subscription' }).click();
  await page.getByRole('link', { name: 'Return to site' }).click();
  await expect(page).toHaveURL(/\/account$/);
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
  await expect(page.getByTestId('membership-status')).toHaveText('Active');
  await expectFullArticle(page);
  await page.goto('/account');
  await page.getByRole('button', { name: 'Manage membership and payment' }).click();
  await expect(page).toHaveURL(/\/portal\//);
  await expect(page.getByRole('button', { name: 'Cancel subscription' })).toBeVisible();
  await page.getByRole('link', { name: 'Return to site' }).click();
  await expect(page).toHaveURL(/\/account$/);
});
