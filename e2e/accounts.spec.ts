import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectSignedInAs, formAlert, linkFromLatestEmail, signInWithPassword, uniqueEmail } from './helpers';

const PASSWORD = 'calm-river-stone-42';

async function signUp(page: import('@playwright/test').Page, name: string, email: string) {
  await page.goto('/sign-up');
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Confirm your email' })).toBeVisible();
}

async function verifyThroughOutbox(page: import('@playwright/test').Page, email: string) {
  const link = await linkFromLatestEmail(page, email, /Confirm your email address/);
  await page.goto(link);
  await page.getByRole('button', { name: 'Confirm my email address' }).click();
  await expect(page.getByText('your email address is confirmed')).toBeVisible();
}

test('sign up with a password, confirm through the outbox, sign out and back in', async ({ page }) => {
  const email = uniqueEmail('newcomer');
  await signUp(page, 'Nora Newcomer', email);

  // Before confirming, the password opens nothing: the account exists only once the link is used.
  await signInWithPassword(page, email, PASSWORD);
  await expect(formAlert(page)).toContainText('do not match');

  await verifyThroughOutbox(page, email);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  await expect(page.locator('main dl')).toContainText(email);
  await expectSignedInAs(page, 'Nora');

  // A prerendered page shows the signed-in state too.
  await page.goto('/articles');
  await expectSignedInAs(page, 'Nora');

  await page.goto('/account');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await page.goto('/account');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount/);

  await signInWithPassword(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/account$/);
});

test('a verification link works once', async ({ page }) => {
  const email = uniqueEmail('once');
  await signUp(page, 'Owen Once', email);
  const link = await linkFromLatestEmail(page, email, /Confirm your email address/);
  await page.goto(link);
  await page.getByRole('button', { name: 'Confirm my email address' }).click();
  await expect(page).toHaveURL(/verified=1/);
  await page.goto(link);
  await page.getByRole('button', { name: 'Confirm my email address' }).click();
  await expect(formAlert(page)).toContainText('already been used');
  await page.goto('/verify-email?token=not-a-real-token-at-all-xxxxxxxx');
  await page.getByRole('button', { name: 'Confirm my email address' }).click();
  await expect(formAlert(page)).toContainText('not valid');
});

test('request a magic link, open it, confirm, signed in', async ({ page }) => {
  const email = 'reader@steadyspine.example';
  await page.goto('/sign-in');
  await page.getByLabel('Email for the sign-in link').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();

  const link = await linkFromLatestEmail(page, email, /sign-in link/);
  // Opening the link (as a mail scanner would) does not sign in or use it up.
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Steady Spine' })).toBeVisible();
  await page.goto(link);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expectSignedInAs(page, 'Riley');
});

test('the 11th rapid wrong password for one email is refused with a clear message', async ({ page }) => {
  const email = uniqueEmail('target');
  for (let attempt = 1; attempt <= 10; attempt++) {
    await signInWithPassword(page, email, `wrong-password-${attempt}`);
    await expect(formAlert(page)).toContainText('do not match');
  }
  await signInWithPassword(page, email, 'wrong-password-11');
  await expect(formAlert(page)).toContainText(/Too many attempts\. Please wait and try again in 1[45] minutes/);
});

test('bad input gets a clear message, not an error page', async ({ page }) => {
  await page.goto('/sign-up');
  await page.getByLabel('Your name').fill('Tess Test');
  await page.getByLabel('Email', { exact: true }).fill('not-an-email');
  await page.getByLabel('Password', { exact: true }).fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Enter a valid email address')).toBeVisible();
  await expect(page.getByText('Use at least 10 characters')).toBeVisible();
  await expect(page.getByLabel('Email', { exact: true })).toHaveAttribute('aria-invalid', 'true');

  // A 10 MB password is refused by the server without hashing it. Made in the page, as a
  // paste would put it there: typing 10 MB through Playwright took over a minute here.
  await page.getByLabel('Email', { exact: true }).fill(uniqueEmail('huge'));
  await page.getByLabel('Password', { exact: true }).evaluate((input: HTMLInputElement) => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, 'x'.repeat(10 * 1024 * 1024));
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  expect(await page.getByLabel('Password', { exact: true }).evaluate((input: HTMLInputElement) => input.value.length)).toBe(10 * 1024 * 1024);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Use at most 256 characters')).toBeVisible();

  await page.getByLabel('Password', { exact: true }).fill('password1234');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('too common')).toBeVisible();
});

test('staff pages: anonymous visitors sign in first, members get 404', async ({ page }) => {
  await page.goto('/staff/members');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fstaff%2Fmembers$/);
  await signInWithPassword(page, 'member@steadyspine.example', 'demo-member-pass');
  await expect(page).toHaveURL(/\/dashboard$/); // a member with a membership lands on their progress
  const response = await page.goto('/staff/members');
  expect(response!.status()).toBe(404);
  expect((await page.goto('/staff'))!.status()).toBe(404);
});

test('an admin promotes a member to coach, who sees staff pages on the next request', async ({ browser }) => {
  const email = uniqueEmail('promoted');
  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await signUp(member, 'Pat Promoted', email);
  await verifyThroughOutbox(member, email);
  await signInWithPassword(member, email, PASSWORD);
  await expect(member).toHaveURL(/\/account$/);
  expect((await member.goto('/staff'))!.status()).toBe(404);

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInWithPassword(admin, 'admin@steadyspine.example', 'demo-admin-pass');
  await expect(admin).toHaveURL(/\/account$/);
  await admin.goto(`/staff/members?q=${encodeURIComponent(email)}`);
  await admin.getByLabel('Role for Pat Promoted').selectOption('COACH');
  await admin.getByRole('button', { name: 'Save role for Pat Promoted' }).click();
  await expect(admin.getByText('Role changed to coach')).toBeVisible();

  // Same session cookie as before: the role is read from the database on each request.
  const staff = await member.goto('/staff');
  expect(staff!.status()).toBe(200);
  await expect(member.getByRole('heading', { level: 1, name: 'Staff' })).toBeVisible();
  await expect(member.getByText('(coach)')).toBeVisible();
  await memberContext.close();
  await adminContext.close();
});

test('reset a forgotten password: the new one works, the old one and other sessions do not', async ({ browser, page }) => {
  const email = uniqueEmail('forgetful');
  await signUp(page, 'Fran Forgetful', email);
  await verifyThroughOutbox(page, email);

  // A session on another device, which the reset must end.
  const otherDevice = await (await browser.newContext()).newPage();
  await signInWithPassword(otherDevice, email, PASSWORD);
  await expect(otherDevice).toHaveURL(/\/account$/);

  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Forgotten your password?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible();
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByRole('button', { name: 'Email me a reset link' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();

  const link = await linkFromLatestEmail(page, email, /Reset your .* password/);
  await page.goto(link);
  await page.getByLabel('New password').fill('new-quiet-harbour-77');
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page.getByText('Your new password is saved')).toBeVisible();

  await signInWithPassword(page, email, PASSWORD);
  await expect(formAlert(page)).toContainText('do not match');
  await signInWithPassword(page, email, 'new-quiet-harbour-77');
  await expect(page).toHaveURL(/\/account$/);

  await otherDevice.goto('/account');
  await expect(otherDevice).toHaveURL(/\/sign-in/);

  // The link was single use.
  await page.goto(link);
  await page.getByLabel('New password').fill('another-new-pass-88');
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(formAlert(page)).toContainText('already been used');
});

test('a reset request for an unknown address looks exactly like a known one', async ({ page }) => {
  await page.goto('/reset-password');
  await page.getByLabel('Email', { exact: true }).fill(uniqueEmail('nobody'));
  await page.getByRole('button', { name: 'Email me a reset link' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
  await expect(page.getByText('If an account uses that address')).toBeVisible();
});

test('changing the password keeps this session and ends the others', async ({ browser, page }) => {
  const email = uniqueEmail('changer');
  await signUp(page, 'Cleo Changer', email);
  await verifyThroughOutbox(page, email);
  await signInWithPassword(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/account$/);
  const otherDevice = await (await browser.newContext()).newPage();
  await signInWithPassword(otherDevice, email, PASSWORD);
  await expect(otherDevice).toHaveURL(/\/account$/);

  const section = page.getByRole('region', { name: 'Change your password' });
  await section.getByLabel('Current password').fill('not-my-password');
  await section.getByLabel('New password').fill('fresh-meadow-path-31');
  await section.getByRole('button', { name: 'Change password' }).click();
  await expect(section.getByRole('alert')).toContainText('current password is not right');

  await section.getByLabel('Current password').fill(PASSWORD);
  await section.getByLabel('New password').fill('fresh-meadow-path-31');
  await section.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Password changed. You have been signed out on your other devices.')).toBeVisible();
  await expect(page).toHaveURL(/passwordChanged=1/);

  // This session was re-issued and still works.
  await page.goto('/account');
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  await otherDevice.goto('/account');
  await expect(otherDevice).toHaveURL(/\/sign-in/);
  await expect(linkFromLatestEmail(page, email, /password was changed/)).resolves.toBeTruthy();
});

test('changing the email address takes effect only from a link sent to the new address', async ({ page }) => {
  const email = uniqueEmail('mover');
  const newEmail = uniqueEmail('moved');
  await signUp(page, 'Mo Mover', email);
  await verifyThroughOutbox(page, email);
  await signInWithPassword(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/account$/);

  const section = page.getByRole('region', { name: 'Change your email address' });
  await section.getByLabel('New email address').fill(newEmail);
  await section.getByLabel('Current password').fill(PASSWORD);
  await section.getByRole('button', { name: 'Send a confirmation link' }).click();
  await expect(section.getByRole('status')).toContainText(`We sent a link to ${newEmail}`);
  await page.reload();
  await expect(page.locator('main dl')).toContainText(email);

  const link = await linkFromLatestEmail(page, newEmail, /Confirm your new email address/);
  await page.goto(link);
  await page.getByRole('button', { name: 'Confirm my new address' }).click();
  await expect(page.getByText('Your email address is changed')).toBeVisible();
  await expect(page.locator('main dl')).toContainText(newEmail);
  await expect(linkFromLatestEmail(page, email, /email address was changed/)).resolves.toBeTruthy();
});

test('a member downloads their data, then deletes the account', async ({ page }) => {
  const email = uniqueEmail('leaver');
  await signUp(page, 'Lou Leaver', email);
  await verifyThroughOutbox(page, email);
  await signInWithPassword(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/account$/);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download my data' }).click();
  const file = await (await download).path();
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(data.profile).toMatchObject({ email, name: 'Lou Leaver' });
  expect(JSON.stringify(data)).not.toContain('argon2');

  const section = page.getByRole('region', { name: 'Delete your account' });
  await section.getByLabel('Type DELETE to confirm').fill('delete');
  await section.getByRole('button', { name: 'Delete my account' }).click();
  await expect(section.getByRole('alert')).toContainText('Type DELETE');
  await section.getByLabel('Type DELETE to confirm').fill('DELETE');
  await section.getByLabel('Current password').fill(PASSWORD);
  await section.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your account is deleted' })).toBeVisible();

  await signInWithPassword(page, email, PASSWORD);
  await expect(formAlert(page)).toContainText('do not match');
  await page.goto(`/dev/outbox?to=${encodeURIComponent(email)}`);
  await expect(page.getByRole('link', { name: /Confirm your email address/ })).toHaveCount(0);
});

test('signing up with an address that has an account looks the same as a new one', async ({ page }) => {
  await signUp(page, 'Someone Else', 'member@steadyspine.example');
  await expect(page.getByText('We have sent a link to confirm your address')).toBeVisible();
  // The existing, confirmed account gets no confirmation link, only a note to its owner,
  // and keeps its password.
  await page.goto(`/dev/outbox?to=${encodeURIComponent('member@steadyspine.example')}`);
  await expect(page.getByRole('link', { name: /Confirm your email address/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Someone tried to create a Steady Spine account with your address/ }).first()).toBeVisible();
  await signInWithPassword(page, 'member@steadyspine.example', 'demo-member-pass');
  await expect(page).toHaveURL(/\/dashboard$/);
});

test('the session cookie is httpOnly and SameSite', async ({ page, context }) => {
  await signInWithPassword(page, 'reader@steadyspine.example', 'demo-reader-pass');
  await expect(page).toHaveURL(/\/account$/);
  const session = (await context.cookies()).find((c) => c.name.endsWith('authjs.session-token'));
  expect(session).toBeDefined();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe('Lax');
});
