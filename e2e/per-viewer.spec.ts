// Per-viewer parts in one round trip: a signed-in reader of an article gets the members'
// part and their own controls in the page's response (proxy.ts → the per-viewer version),
// with no request after load; the page everyone shares, and anyone merely holding a
// session cookie that is not valid, get the preview and nothing more.
import { expect, test, type Page, type Request } from '@playwright/test';
import { isMembers, rawArticles } from '../tests/helpers/content-text';
import { signInAs } from './helpers';
import { expectOnlyPreviews } from './premium-text';

const membersArticle = rawArticles().find(isMembers)!.slug;

/** The requests a page makes after its document: /api/me and server actions (reads through actions). */
function watchAfterLoad(page: Page): Request[] {
  const seen: Request[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/me') || r.headers()['next-action']) seen.push(r);
  });
  return seen;
}

test('an entitled member gets the members’ part in the response itself; the shared page keeps none of it', async ({ page, playwright }) => {
  await signInAs(page, 'member@steadyspine.example', 'demo-member-pass');
  const after = watchAfterLoad(page);
  const response = await page.goto(`/articles/${membersArticle}`);
  // In the HTML as served, not fetched after load.
  expect(await response!.text()).toContain('data-testid="members-part"');
  await expect(page.getByTestId('members-part')).toBeVisible();
  await expect(page.getByTestId('account-link')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(after.map((r) => r.url()), 'requests after load').toEqual([]);

  // What everyone shares, right after an entitled member read it: previews only.
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  await expectOnlyPreviews(anonymous);
  // A session cookie that does not decrypt gets the shared page: previews only.
  const forged = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, extraHTTPHeaders: { cookie: 'authjs.session-token=forged-value' } });
  await expectOnlyPreviews(forged);
  await Promise.all([anonymous.dispose(), forged.dispose()]);
});

test('a page everyone shares asks who is reading once, and a navigation asks nothing', async ({ page }) => {
  await signInAs(page, 'member@steadyspine.example', 'demo-member-pass');
  const after = watchAfterLoad(page);
  await page.goto('/articles');
  await expect(page.getByTestId('account-link')).toContainText(/\S/);
  await page.waitForLoadState('networkidle');
  expect(after.filter((r) => r.url().includes('/api/me'))).toHaveLength(1);
  await page.getByRole('link', { name: 'Podcast' }).first().click();
  await expect(page).toHaveURL(/\/podcast$/);
  await page.waitForLoadState('networkidle');
  expect(after.filter((r) => r.url().includes('/api/me')), 'asked again on navigation').toHaveLength(1);
  await expect(page.getByTestId('account-link')).toBeVisible();
});

test('the per-viewer version has no address of its own', async ({ request }) => {
  expect((await request.get(`/articles/${membersArticle}/viewer`)).status()).toBe(404);
});
