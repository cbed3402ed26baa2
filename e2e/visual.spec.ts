// Every page type as a visitor, a member, a coach and an admin, on a 390 px phone and a
// 1280 px desktop, each opened once for every check: no sideways scrolling (on the phone
// also at 320, 360 and 768 px), no text drawn over other text, no focusable element
// without a visible focus style, a strict Content-Security-Policy with no violation, and
// axe (every page on the phone, where members are; the first page of each walk on the
// desktop, for the desktop header and footer). Outside CI a full-page screenshot of each
// goes to test-results/screenshots/ (kept out of the repo) to look at.
// One test per role and viewport, signed in once, walking all its pages.
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectStrictPolicy, waitForScripts, watchViolations } from './csp-checks';
import { axeViolations, signInAs } from './helpers';
import { DEMO_ACCOUNTS, openPageType, PAGE_TYPES, VIEWPORTS, type Role } from './page-types';
import { missingFocusStyles, sidewaysOverflow, textOverlaps } from './visual-checks';

/** Other phone and tablet widths a page must fit, besides the 390 px it is walked at. */
const OTHER_WIDTHS = [320, 360, 768];
// Screenshots are for people to look at; CI throws them away, and they are slow to take.
const SCREENSHOTS = !process.env.CI;

for (const role of Object.keys(PAGE_TYPES) as Role[]) {
  for (const [viewport, device] of Object.entries(VIEWPORTS)) {
    test(`every page type as ${role} on ${viewport}: no sideways scrolling, overlapping text, invisible focus, CSP or axe violations`, async ({ browser }) => {
      const pages = Object.entries(PAGE_TYPES[role]);
      // Generous: long pages take seconds to check on a busy 2-core machine.
      test.setTimeout(30_000 + pages.length * 20_000);
      const context = await browser.newContext({ ...device, baseURL: test.info().project.use.baseURL });
      const page = await context.newPage();
      const violations = await watchViolations(page);
      if (role !== 'visitor') await signInAs(page, DEMO_ACCOUNTS[role].email, DEMO_ACCOUNTS[role].password);
      // This test's own folder, emptied so no page left over from an earlier run lingers there.
      const folder = `test-results/screenshots/${role}-${viewport}`;
      fs.rmSync(folder, { recursive: true, force: true });
      const problems: string[] = [];
      const focusChecked = new Set<string>();
      for (const [index, [name, target]] of pages.entries()) {
        const { path, response } = await openPageType(page, target);
        const label = `${name} (${path})`;
        expectStrictPolicy(response, label);
        await waitForScripts(page);
        await page.evaluate(() => document.fonts.ready);
        const overflow = await sidewaysOverflow(page);
        if (overflow) problems.push(`${label} scrolls sideways: ${overflow}`);
        problems.push(...(await textOverlaps(page)).map((o) => `${label}: ${o}`));
        if (viewport === 'phone' || index === 0) problems.push(...(await axeViolations(page, label)));
        // At CSS pixels: a phone's 2.6x device pixels make slow, huge files.
        if (SCREENSHOTS) await page.screenshot({ path: `${folder}/${name}.png`, fullPage: true, scale: 'css' });
        problems.push(...(await missingFocusStyles(page, focusChecked)).map((f) => `${label}: ${f}`));
        if (viewport === 'phone') {
          for (const width of OTHER_WIDTHS) {
            await page.setViewportSize({ width, height: 844 });
            const wide = await sidewaysOverflow(page);
            if (wide) problems.push(`${label} scrolls sideways at ${width} px: ${wide}`);
          }
          await page.setViewportSize(VIEWPORTS.phone.viewport);
          if (index === 0) problems.push(...(await checkOpenMenu(page, role, focusChecked)));
        }
        problems.push(...(await violations()).map((v) => `${label}: CSP violation ${v}`));
      }
      // The focus check looked at the site's links, buttons and fields, not at nothing.
      expect(focusChecked.size).toBeGreaterThan(5);
      expect(problems).toEqual([]);
      await context.close();
    });
  }
}

/** The phone menu, open: its items are hidden on every page until then. */
async function checkOpenMenu(page: Page, role: Role, focusChecked: Set<string>): Promise<string[]> {
  await page.getByTestId('site-menu').locator('summary').click();
  const menu = page.getByRole('navigation', { name: 'Menu' });
  await expect(menu).toBeVisible();
  const kinds = focusChecked.size;
  const problems = (await missingFocusStyles(page, focusChecked)).map((f) => `open menu: ${f}`);
  // Its links are a kind of their own: if none was checked, the menu closed under the check.
  expect(focusChecked.size).toBeGreaterThan(kinds);
  if (SCREENSHOTS) await page.screenshot({ path: `test-results/screenshots/${role}-phone/menu.png`, scale: 'css' });
  // The check leaves nothing focused; Escape closes the menu from within it.
  await page.getByTestId('site-menu').locator('summary').focus();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  return problems;
}

// The checks find what they look for, and pass over what they should: a page with one
// paragraph moved onto another, a button whose focus ring was taken away, hidden and
// overlay text lying over the rest, and a box wider than the window.
test('the visual checks catch overlapping text, a missing focus style and sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.setContent(CRAFTED_PAGE);
  expect(await sidewaysOverflow(page)).toMatch(/^1008 px wide/);
  expect(await textOverlaps(page)).toEqual([expect.stringMatching(/^<p> "First paragraph.*" overlaps <p.moved> "Moved paragraph.*"/)]);
  expect(await missingFocusStyles(page, new Set())).toEqual([expect.stringMatching(/^<button class="no-ring"> "No ring" looks the same focused$/)]);
  await expectFocusCheckedOnce(page);
});

const CRAFTED_PAGE = `<!doctype html><style>
  body { font: 16px/1.5 sans-serif; margin: 8px }
  .moved { position: relative; top: -36px }
  .no-ring:focus-visible { outline: none }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%) }
  .overlay { position: fixed; top: 0; left: 0; z-index: 10; background: white }
</style>
<p>First paragraph of plain text</p><p class="moved">Moved paragraph over the first</p>
<span class="sr-only">Visually hidden text at the top</span><div class="overlay">An overlay on top</div>
<div style="overflow: hidden; height: 1.5em"><p style="margin: 0">Shown line</p><p style="margin: 0">Clipped line</p></div>
<p style="margin-top: -1.5em; position: relative; top: 1.5em">Under the clipped line</p>
<button class="no-ring">No ring</button> <button>With the default ring</button> <a href="#x">A link</a>
<div style="width: 1000px">Wide</div>`;

/** Kinds already checked are not checked again (that is what keeps the spec fast). */
async function expectFocusCheckedOnce(page: Page) {
  const checked = new Set<string>();
  expect(await missingFocusStyles(page, checked)).toHaveLength(1);
  expect(await missingFocusStyles(page, checked)).toEqual([]);
}
