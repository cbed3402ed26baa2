// Membership steps shared by the specs: signing up, paying on the emulator's hosted
// checkout, cancelling in its portal, and moving its clock past a period end.
import { expect, type Page } from '@playwright/test';
import { linkFromLatestEmail, uniqueEmail } from './helpers';

export const STRIPE = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 1}`;
export const CARDS = { success: '4242 4242 4242 4242', decline: '4000 0000 0000 0002', failsOnRenewal: '4000 0000 0000 0341' };

export async function signUpVerifyAndSignIn(page: Page, email: string, password: string, fromPricing: 'monthly' | 'annual' | null) {
  await page.getByLabel('Your name').fill('Pat Payer');
  await page.getByLabel('Email', { exact: true }).fill(email);
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

export async function payOnCheckout(page: Page, card: string) {
  await expect(page).toHaveURL(/\/checkout\//);
  await page.getByLabel('Card number').fill(card);
  await page.getByRole('button', { name: 'Subscribe' }).click();
}

/** A new member with a paid monthly subscription, signed in, on the welcome page. */
export async function newSubscriber(page: Page, card = CARDS.success) {
  const email = uniqueEmail('subscriber');
  await page.goto('/pricing');
  await page.getByRole('button', { name: 'Join monthly' }).click();
  await expect(page).toHaveURL(/\/sign-up\?callbackUrl=/);
  await signUpVerifyAndSignIn(page, email, 'a long enough passphrase', 'monthly');
  await page.getByRole('button', { name: 'Continue: Join monthly' }).click();
  await payOnCheckout(page, card);
  await expect(page.getByRole('heading', { name: /Welcome to the membership/ })).toBeVisible();
  // The welcome page leads straight to Phase One, session 1.
  await expect(page.getByTestId('first-session')).toHaveAttribute('href', /^\/programme\/phase-one\/[a-z0-9-]+$/);
  return email;
}

export async function emulatorSubscriptionOf(email: string): Promise<string> {
  type State = { customers: Record<string, { id: string; email: string }>; subscriptions: Record<string, { id: string; customer: string; status: string }> };
  const { state } = (await (await fetch(`${STRIPE}/_emulator/state`)).json()) as { state: State };
  const customer = Object.values(state.customers).find((c) => c.email === email);
  const sub = Object.values(state.subscriptions).find((s) => s.customer === customer?.id && s.status !== 'canceled');
  expect(sub, `a subscription for ${email}`).toBeDefined();
  return sub!.id;
}

export async function advance(subscriptionId: string) {
  const response = await fetch(`${STRIPE}/_emulator/subscriptions/${subscriptionId}/advance`, { method: 'POST' });
  expect(response.status).toBe(200);
  await fetch(`${STRIPE}/_emulator/flush`, { method: 'POST' });
}

/** Cancels at period end through the emulator's portal and comes back to the account page. */
export async function cancelInPortal(page: Page) {
  await page.goto('/account');
  await page.getByRole('button', { name: 'Manage membership and payment' }).click();
  await page.getByRole('button', { name: 'Cancel subscription' }).click();
  await page.getByRole('link', { name: 'Return to site' }).click();
  await expect(page).toHaveURL(/\/account$/);
}
