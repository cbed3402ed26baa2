// The production-mode server works for a real newcomer: the confirmation email arrives by
// SMTP (no outbox to read), its link confirms the address, the password then signs in.
import { expect, test } from '@playwright/test';
import { signUpAndConfirm, uniqueAddress } from './production-accounts';

test('sign up, confirm by the emailed link, sign in', async ({ page }) => {
  const email = uniqueAddress('prod-newcomer');
  const password = 'calm-river-stone-42';
  await signUpAndConfirm(page, { name: 'Petra Production', email, password });
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.locator('main dl')).toContainText(email);
});
