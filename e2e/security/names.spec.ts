// Display names chosen as an attacker would: a bidi override that disguises a file name,
// and a name that mail apps would turn into a link. Saved without the controls, shown in
// <bdi>, and never put into an email as something a mail app would link.
import { expect, test } from '@playwright/test';
import { waitForEmail } from './mailbox';
import { signUp, signUpAndConfirm, uniqueAddress } from './production-accounts';

const PASSWORD = 'calm-river-stone-42';
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;

// Each test waits for mail over SMTP on a shared, busy machine.
test.slow();

test('a name with a bidi override is saved without it and shown in <bdi>', async ({ page }) => {
  const email = uniqueAddress('bidi-name');
  const since = Date.now();
  await signUpAndConfirm(page, { name: 'Bob\u202Egnp.exe', email, password: PASSWORD });
  const confirmation = await waitForEmail(email, /Confirm your email address/, since);
  for (const version of [confirmation.subject, confirmation.text, confirmation.html]) expect(version).not.toMatch(BIDI);

  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.locator('main dl dd bdi').first()).toHaveText('Bobgnp.exe');
  await expect(page.getByTestId('account-link').locator('bdi')).toHaveText('Bobgnp.exe');
  expect(await page.content()).not.toMatch(BIDI);
  const me = await (await page.request.get('/api/me')).json();
  expect(me.name).toBe('Bobgnp.exe');
});

for (const name of ['evil.example', 'http://evil.example', 'a@b.example']) {
  test(`the name ${JSON.stringify(name)} never reaches an email`, async ({ page }) => {
    const email = uniqueAddress('link-name');
    const since = Date.now();
    await signUp(page, { name, email, password: PASSWORD });
    const confirmation = await waitForEmail(email, /Confirm your email address/, since);
    expect(confirmation.text).toMatch(/^Hi,$/m);
    for (const version of [confirmation.subject, confirmation.text, confirmation.html]) {
      expect(version).not.toContain('evil');
      expect(version).not.toContain('b.example');
    }
  });
}
