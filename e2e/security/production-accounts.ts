// Accounts on the production-mode server, made the way a real visitor makes them: sign up,
// receive the confirmation email over SMTP (e2e/security/mailbox.ts), confirm.
import { expect, type Page } from '@playwright/test';
import { linksIn, waitForEmail } from './mailbox';

let counter = 0;
export function uniqueAddress(label: string): string {
  return `${label}-${Date.now().toString(36)}-${process.pid}-${counter++}@example.com`;
}

type NewAccount = { name: string; email: string; password: string };

/** Fills in and sends the sign-up form, up to the "Confirm your email" page. */
export async function signUp(page: Page, { name, email, password }: NewAccount) {
  await page.goto('/sign-up');
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Confirm your email' })).toBeVisible();
}

export async function signUpAndConfirm(page: Page, account: NewAccount) {
  const { email } = account;
  const since = Date.now();
  await signUp(page, account);
  const email_ = await waitForEmail(email, /Confirm your email address/, since);
  const link = linksIn(email_).find((l) => l.startsWith('/verify-email'));
  expect(link, 'confirmation link in the email').toBeTruthy();
  await page.goto(link!);
  await page.getByRole('button', { name: 'Confirm my email address' }).click();
  await expect(page.getByText('your email address is confirmed')).toBeVisible();
}
