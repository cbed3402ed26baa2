// Shared steps for the specs.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

let counter = 0;
/** A fresh address per test, so parallel tests never share an account or a rate limit. */
export function uniqueEmail(label: string): string {
  return `${label}-${Date.now().toString(36)}-${process.pid}-${counter++}@example.com`;
}

/**
 * Opens the newest email to `to` in the outbox and returns the path of its first link.
 * Links are built on SITE_URL; the test server may listen elsewhere, so only the
 * path, query and fragment are followed.
 */
export async function linkFromLatestEmail(page: Page, to: string, subject: RegExp): Promise<string> {
  await page.goto(`/dev/outbox?to=${encodeURIComponent(to)}`);
  await page.getByRole('link', { name: subject }).first().click();
  const href = await page.getByRole('region', { name: 'Links in this email' }).getByRole('link').first().getAttribute('href');
  const url = new URL(href!);
  return `${url.pathname}${url.search}${url.hash}`;
}

export async function signInWithPassword(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in with a password and waits for where sign-in lands: a member's progress, or the account page. */
export async function signInAs(page: Page, email: string, password: string) {
  await signInWithPassword(page, email, password);
  await expect(page).toHaveURL(/\/(account|dashboard)$/);
}

/** WCAG 2.1 A/AA and best-practice violations on the page (or within `scope`), one line each. */
export async function axeViolations(page: Page, label: string, scope?: string, { frames = true }: { frames?: boolean } = {}): Promise<string[]> {
  // Without frames (e.g. sandboxed email previews, which axe cannot enter): in the page
  // itself, so axe opens no helper tab; check the frames' documents on their own.
  const builder = frames ? new AxeBuilder({ page }) : new AxeBuilder({ page }).setLegacyMode().options({ iframes: false });
  const results = await (scope ? builder.include(scope) : builder).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations.map((v) => `${label} ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/** No WCAG 2.1 A/AA or best-practice violations on the page (or within `scope`). */
export async function expectNoAxeViolations(page: Page, label: string, scope?: string, options?: { frames?: boolean }) {
  expect(await axeViolations(page, label, scope, options)).toEqual([]);
}

export async function expectSignedInAs(page: Page, firstName: string) {
  await expect(page.getByTestId('account-link')).toContainText(firstName);
}

/** The form's own message (Next's route announcer is also an alert, so scope to forms). */
export const formAlert = (page: Page) => page.locator('main [role="alert"]');

/** The phone menu (components/site/site-menu.tsx): its button, and the navigation it opens. */
export const siteMenu = (page: Page) => page.getByRole('navigation', { name: 'Menu' });
export async function openSiteMenu(page: Page) {
  await page.getByTestId('site-menu').locator('summary').click();
  await expect(siteMenu(page)).toBeVisible();
}
