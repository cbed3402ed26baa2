// A member on a 390 px phone: signing in lands on their progress, every programme page
// (the overview, each phase, each of its sessions, the progress dashboard) is reached by
// following links from the menu, and no page on the way offers Join.
import { expect, test, type Page } from '@playwright/test';
import { openSiteMenu, signInAs, siteMenu } from './helpers';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

async function expectNoJoin(page: Page) {
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Join', exact: true })).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
}

test('a member lands on their progress and reaches every programme page from the menu, never offered Join', async ({ page }) => {
  test.setTimeout(180_000);
  await signInAs(page, 'member@steadyspine.example', 'demo-member-pass');
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoJoin(page);

  await openSiteMenu(page);
  await siteMenu(page).getByRole('link', { name: 'Programme', exact: true }).click();
  await expect(page).toHaveURL(/\/programme$/);
  await expectNoJoin(page);
  const phaseLinks = page.getByRole('main').locator('a[href^="/programme/phase-"]');
  const phases = [...new Set((await phaseLinks.evaluateAll((links) => links.map((a) => a.getAttribute('href')!))).filter((href) => /^\/programme\/phase-[a-z]+$/.test(href)))];
  expect(phases).toEqual(['/programme/phase-one', '/programme/phase-two', '/programme/phase-three']);

  for (const phase of phases) {
    // From the menu each time (the first time on /programme already: the menu still closes).
    await openSiteMenu(page);
    await siteMenu(page).getByRole('link', { name: 'Programme', exact: true }).click();
    await expect(page).toHaveURL(/\/programme$/);
    await expect(siteMenu(page)).toBeHidden();
    await page.getByRole('main').locator(`a[href="${phase}"]`).first().click();
    await expect(page).toHaveURL(new RegExp(`${phase}$`));
    await expectNoJoin(page);
    const sessions = await page.getByRole('main').locator(`a[href^="${phase}/"]`).evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute('href')!))]);
    expect(sessions.length).toBeGreaterThanOrEqual(4);
    for (const session of sessions) {
      await page.getByRole('main').locator(`a[href="${session}"]`).first().click();
      await expect(page).toHaveURL(new RegExp(`${session}$`));
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoJoin(page);
      // Each session leads to the member's progress.
      await expect(page.getByRole('main').locator('a[href="/dashboard"]').first()).toBeVisible();
      await page.goBack();
    }
  }

  await openSiteMenu(page);
  await siteMenu(page).getByRole('link', { name: 'My programme' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expectNoJoin(page);
});
