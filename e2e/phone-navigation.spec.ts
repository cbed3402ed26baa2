// The site on a phone: one menu button in the header with every destination the viewer
// has (a <details> disclosure: Escape closes it and returns focus, a navigation closes
// it), and Join only for people without a membership. That no page type scrolls sideways
// at 320, 360, 390 or 768 px is checked by the walk of every page type (e2e/visual.spec.ts).
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, openSiteMenu, signInAs, siteMenu } from './helpers';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const menuButton = (page: Page) => page.getByTestId('site-menu').locator('summary');

test('a visitor finds every destination behind the menu button, which Escape closes', async ({ page }) => {
  await page.goto('/articles');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await openSiteMenu(page);
  for (const name of ['Articles', 'Podcast', 'Programme', 'About', 'Search', 'Sign in', 'Join']) {
    await expect(siteMenu(page).getByRole('link', { name, exact: true })).toBeVisible();
  }
  await expectNoAxeViolations(page, 'open menu');
  await page.keyboard.press('Escape');
  await expect(siteMenu(page)).toBeHidden();
  await expect(menuButton(page)).toBeFocused();
  // From the keyboard too, and a navigation closes it.
  await page.keyboard.press('Enter');
  await expect(siteMenu(page)).toBeVisible();
  await siteMenu(page).getByRole('link', { name: 'Programme' }).click();
  await expect(page).toHaveURL(/\/programme$/);
  await expect(siteMenu(page)).toBeHidden();
});

test('a member lands on their progress, reaches their programme and account from the menu and is never offered Join', async ({ page }) => {
  await signInAs(page, 'member@steadyspine.example', 'demo-member-pass');
  await expect(page).toHaveURL(/\/dashboard$/);
  for (const path of ['/', '/articles/building-a-resilient-core', '/programme']) {
    await page.goto(path);
    await openSiteMenu(page);
    await expect(siteMenu(page).getByRole('link', { name: 'My programme' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Join', exact: true })).toHaveCount(0);
    await expect(siteMenu(page).getByRole('link', { name: 'Staff' })).toHaveCount(0);
    await page.keyboard.press('Escape');
  }
  await openSiteMenu(page);
  await siteMenu(page).getByRole('link', { name: 'My programme' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await openSiteMenu(page);
  await siteMenu(page).getByRole('link', { name: /^Account/ }).click();
  await expect(page).toHaveURL(/\/account$/);
  // The account page's sections are one tap away.
  await page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'Podcast feed' }).click();
  await expect(page).toHaveURL(/#podcast-feed-heading$/);
  await expect(page.getByRole('heading', { name: 'Your private podcast feed' })).toBeInViewport();
  await openSiteMenu(page);
  await siteMenu(page).getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/$/);
  await openSiteMenu(page);
  await expect(siteMenu(page).getByRole('link', { name: 'Sign in' })).toBeVisible();
});

test('a coach on a phone reaches the staff pages from the menu', async ({ page }) => {
  await signInAs(page, 'maya@steadyspine.example', 'demo-coach-pass');
  await expect(page).toHaveURL(/\/account$/);
  await openSiteMenu(page);
  await siteMenu(page).getByRole('link', { name: 'Staff' }).click();
  await expect(page).toHaveURL(/\/staff$/);
});
