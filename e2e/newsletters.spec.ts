// Newsletters: a reader signs up with the newsletter box ticked; a coach finds the draft
// for a members-only article, previews it for each audience and sends it; the outbox holds,
// for that non-member, the public preview only (the premium-leak check on the email
// channel); the reader leaves the newsletter through the page behind the link and with
// the one-click POST a mail app makes. Members and visitors cannot open the staff pages.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, linkFromLatestEmail, signInAs, uniqueEmail } from './helpers';
import { expectOnlyPreviewInEmail } from './premium-text';

const PASSWORD = 'calm-river-stone-42';
const ARTICLE = 'building-a-resilient-core';
const SUBJECT = 'Building a resilient core';

async function signUpForNews(page: Page, email: string) {
  await page.goto('/sign-up');
  await page.getByLabel('Your name').fill('Nell Newsreader');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  const box = page.getByLabel('Get new articles and episodes by email');
  await expect(box).not.toBeChecked();
  await box.check();
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Confirm your email' })).toBeVisible();
  await page.goto(await linkFromLatestEmail(page, email, /Confirm your email address/));
  await page.getByRole('button', { name: 'Confirm my email address' }).click();
  await expect(page.getByText('your email address is confirmed')).toBeVisible();
}

/** The path and query of an absolute URL built on SITE_URL (the test server may listen elsewhere). */
const pathOf = (url: string) => {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
};

test('staff send a members-only article: a non-member gets only the preview, and can leave with one click', async ({ browser }) => {
  test.setTimeout(180_000);
  const reader = await (await browser.newContext()).newPage();
  const email = uniqueEmail('news');
  await signUpForNews(reader, email);

  const coach = await (await browser.newContext()).newPage();
  await signInAs(coach, 'maya@steadyspine.example', 'demo-coach-pass');
  await coach.goto('/staff/newsletters');
  await expect(coach.getByRole('heading', { level: 1, name: 'Newsletters' })).toBeVisible();
  // The draft job runs a few seconds after start.
  await expect(async () => {
    await coach.reload();
    await expect(coach.getByRole('link', { name: SUBJECT, exact: true })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expectNoAxeViolations(coach, 'newsletters list');
  await coach.getByRole('link', { name: SUBJECT, exact: true }).click();
  await expect(coach.getByRole('heading', { level: 1, name: SUBJECT })).toBeVisible();
  await expect(coach.frameLocator('[data-testid="preview-member"]').getByRole('link', { name: 'Read it now' })).toBeVisible();
  await expect(coach.frameLocator('[data-testid="preview-non-member"]').getByRole('link', { name: 'Become a member' })).toBeVisible();
  await expectNoAxeViolations(coach, 'newsletter page', undefined, { frames: false });

  // A time in the past is refused with a message; then it goes now.
  await coach.getByLabel('Send at (UTC)').fill('2020-01-01T08:00');
  await coach.getByRole('button', { name: 'Schedule' }).click();
  await expect(coach.getByRole('alert').filter({ hasText: 'Choose a time in the future' })).toBeVisible();
  await coach.getByRole('button', { name: /^Send now to \d+ (person|people)$/ }).click();
  // The page turns into the progress view (no SMTP here: the copies wait in the outbox).
  await expect(coach.getByRole('heading', { name: 'Sending progress' })).toBeVisible();
  // The form is gone with the send; the page's status line (a live region that stays) says what happened.
  await expect(coach.getByRole('status').filter({ hasText: /^Sending to \d+ (person|people)\.$/ })).toBeVisible();
  await expect(coach.getByTestId('newsletter-progress')).toContainText(/Left\s*[1-9]/);

  // The outbox (the demo's mailbox: no SMTP here) holds the non-member's copy: the preview only.
  await reader.goto(`/dev/outbox?to=${encodeURIComponent(email)}`);
  await reader.getByRole('link', { name: SUBJECT, exact: true }).click();
  const text = (await reader.locator('#text-heading + pre').textContent()) ?? '';
  const html = await reader.locator('iframe[title="HTML version of the email"]').getAttribute('srcdoc');
  expectOnlyPreviewInEmail(ARTICLE, text);
  expectOnlyPreviewInEmail(ARTICLE, html ?? '');
  expect(text).toContain('Become a member:');
  expect(text).not.toContain('Read it now:');
  const oneClick = /<(.+)>/.exec((await reader.getByTestId('list-unsubscribe').textContent()) ?? '')![1];
  const pageLink = /Unsubscribe from new articles and episodes: (\S+)/.exec(text)![1];
  // The email itself, as a page of its own (the previews' frames are sandboxed): WCAG 2.1
  // A/AA. Not the page-landmark best practices: a mail app shows it inside its own page.
  await reader.setContent(html ?? '');
  const emailAxe = await new AxeBuilder({ page: reader }).setLegacyMode().withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(emailAxe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // Someone who clicks the link: a page with a button (a scanner's GET changes nothing).
  await reader.goto(pathOf(pageLink));
  await expect(reader.getByRole('heading', { level: 1, name: 'Stop new-article emails' })).toBeVisible();
  await expectNoAxeViolations(reader, 'newsletter unsubscribe page');
  await reader.getByRole('button', { name: 'Stop these emails' }).click();
  await expect(reader.getByRole('heading', { level: 1, name: 'You are unsubscribed' })).toBeVisible();
  await signInAs(reader, email, PASSWORD);
  await reader.goto('/account');
  const box = reader.getByLabel('Get new articles and episodes by email');
  await expect(box).not.toBeChecked();
  await box.check();
  await reader.getByRole('button', { name: 'Save newsletter choice' }).click();
  await expect(reader.getByText('You will get new articles and episodes by email.')).toBeVisible();

  // A mail app's Unsubscribe button: one POST (RFC 8058), and the newsletter only is off.
  const refused = await reader.request.post(pathOf(oneClick), { data: 'no', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
  expect(refused.status()).toBe(400);
  const response = await reader.request.post(pathOf(oneClick), { data: 'List-Unsubscribe=One-Click', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
  expect(response.status()).toBe(200);
  await reader.reload();
  await expect(reader.getByLabel('Get new articles and episodes by email')).not.toBeChecked();
  await expect(reader.getByLabel('Email me when someone replies to my comments')).toBeChecked();
});

test('members and visitors cannot open the newsletter pages', async ({ page }) => {
  const visitor = await page.request.get('/staff/newsletters', { maxRedirects: 0 });
  expect(visitor.status()).toBeGreaterThanOrEqual(300);
  expect(visitor.status()).not.toBe(200);
  await signInAs(page, 'reader@steadyspine.example', 'demo-reader-pass');
  const response = await page.goto('/staff/newsletters');
  expect(response?.status()).toBe(404);
  const progress = await page.request.get('/staff/newsletters/anything/progress');
  expect(progress.status()).toBe(404);
});
