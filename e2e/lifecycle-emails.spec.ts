// The admins' lifecycle email switches at /staff/emails: reached from the staff menu, an
// email switched off and on again with the keyboard alone, a preview, axe on both pages;
// a coach is refused (404) and has no link to it; the switches work without JavaScript.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signInAs } from './helpers';

test('an admin switches a lifecycle email off and on with the keyboard, and previews one', async ({ page }) => {
  await signInAs(page, 'admin@steadyspine.example', 'demo-admin-pass');
  await page.goto('/staff');
  await page.getByRole('navigation', { name: 'Staff', exact: true }).getByRole('link', { name: 'Emails' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lifecycle emails' })).toBeVisible();
  await expectNoAxeViolations(page, '/staff/emails');

  const row = page.getByTestId('lifecycle-gone-quiet');
  await expect(row.getByRole('rowheader')).toContainText('Gone quiet');
  await expect(row).toContainText('On');
  await row.getByRole('button', { name: 'Turn off Gone quiet emails' }).focus();
  await page.keyboard.press('Enter');
  await expect(row.getByRole('status')).toHaveText('Gone quiet emails are off.');
  await expect(row.getByRole('button', { name: 'Turn on Gone quiet emails' })).toBeVisible();
  await expect(row).toContainText('Off');
  // Back on, so the demo keeps sending it.
  await row.getByRole('button', { name: 'Turn on Gone quiet emails' }).focus();
  await page.keyboard.press('Enter');
  await expect(row.getByRole('status')).toHaveText('Gone quiet emails are on.');
  await expect(row.getByRole('button', { name: 'Turn off Gone quiet emails' })).toBeVisible();

  await page.getByRole('link', { name: 'Preview the Card failed email' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Preview: Card failed' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Your Steady Spine payment did not go through');
  await expect(page.getByRole('main')).toContainText('None: members cannot turn this one off');
  await expectNoAxeViolations(page, '/staff/emails/card-failed');
  await page.getByRole('link', { name: 'Open the HTML version' }).click();
  await expect(page.getByRole('heading', { name: 'Your payment did not go through' })).toBeVisible();
});

test('a coach is refused the lifecycle email switches and sees no link to them', async ({ page }) => {
  await signInAs(page, 'maya@steadyspine.example', 'demo-coach-pass');
  await page.goto('/staff');
  await expect(page.getByRole('navigation', { name: 'Staff', exact: true }).getByRole('link', { name: 'Members' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Staff', exact: true }).getByRole('link', { name: 'Emails' })).toHaveCount(0);
  expect((await page.request.get('/staff/emails/welcome/html')).status()).toBe(404);
  expect((await page.goto('/staff/emails'))?.status()).toBe(404);
  await expect(page.getByRole('button', { name: /Turn (off|on)/ })).toHaveCount(0);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the switches are plain forms: an admin turns an email off and on', async ({ page }) => {
    await signInAs(page, 'admin@steadyspine.example', 'demo-admin-pass');
    await page.goto('/staff/emails');
    const row = page.getByTestId('lifecycle-lapsed');
    await row.getByRole('button', { name: 'Turn off Lapsed emails' }).click();
    await expect(row.getByRole('button', { name: 'Turn on Lapsed emails' })).toBeVisible();
    await expect(row).toContainText('Off');
    await row.getByRole('button', { name: 'Turn on Lapsed emails' }).click();
    await expect(row.getByRole('button', { name: 'Turn off Lapsed emails' })).toBeVisible();
    await expect(row).toContainText('On');
  });
});
