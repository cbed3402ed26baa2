import { expect, test } from '@playwright/test';
import { isMembers, normalize, premiumOnlySentences, rawArticles } from '../tests/helpers/content-text';

test('a reader goes from the home page to an article and on to a related one', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const latest = page.getByRole('region', { name: 'Latest articles' }).getByRole('link').filter({ hasNotText: 'All articles' });
  const firstTitle = (await latest.first().textContent())!.trim();
  await latest.first().click();
  await expect(page.getByRole('heading', { level: 1, name: firstTitle })).toBeVisible();
  await expect(page.getByText(/\d+ min read/).first()).toBeVisible();

  const related = page.getByRole('region', { name: 'Related articles' }).getByRole('link');
  await expect(related.first()).toBeVisible();
  const relatedTitle = (await related.first().textContent())!.trim();
  await related.first().click();
  await expect(page.getByRole('heading', { level: 1, name: relatedTitle })).toBeVisible();
  await expect(page).not.toHaveURL(/\/$/);
});

test('the table of contents jumps to its section', async ({ page }) => {
  await page.goto('/articles/why-your-lower-back-is-stiff');
  // One table of contents shows per screen size; hidden ones are not in the accessibility tree.
  const toc = page.getByRole('navigation', { name: 'On this page' });
  const entry = toc.getByRole('link').nth(1);
  const target = (await entry.getAttribute('href'))!;
  await entry.click();
  await expect(page).toHaveURL(new RegExp(`${target}$`));
  await expect(page.locator(target)).toBeInViewport();
});

test('the video facade loads nothing from YouTube until it is clicked', async ({ page }) => {
  const external: string[] = [];
  page.on('request', (request) => {
    const host = new URL(request.url()).hostname;
    if (host !== 'localhost' && host !== '127.0.0.1') external.push(request.url());
  });
  await page.route(/youtube/, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>player</title>' }));
  await page.goto('/articles/why-your-lower-back-is-stiff');
  await page.waitForLoadState('networkidle');
  expect(external).toEqual([]);
  expect(await page.locator('iframe').count()).toBe(0);

  await page.getByRole('button', { name: /Watch the episode/ }).click();
  const iframe = page.locator('iframe[src*="youtube-nocookie.com/embed/"]');
  await expect(iframe).toHaveCount(1);
  await expect.poll(() => external.some((u) => u.includes('youtube-nocookie.com'))).toBe(true);
});

test('a members-only article shows its preview and a call to join, never the rest', async ({ page }) => {
  const article = rawArticles().find(isMembers)!;
  const hidden = premiumOnlySentences().filter((s) => s.source === `article:${article.slug}`);
  expect(hidden.length).toBeGreaterThan(5);
  const response = await page.goto(`/articles/${article.slug}`);
  // The whole response, RSC payload included, normalized so entities and escapes cannot hide text.
  const html = normalize(await response!.text());
  await expect(page.getByRole('heading', { name: 'Keep reading with a membership' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Become a member' }).first()).toHaveAttribute('href', '/pricing');
  const leaked = hidden.filter((s) => html.includes(s.normalized)).map((s) => s.sentence);
  expect(leaked).toEqual([]);
});

test('articles are paginated and filterable by topic', async ({ page }) => {
  await page.goto('/articles');
  await page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: /Older/ }).click();
  await expect(page).toHaveURL(/\/articles\/page\/2$/);
  await expect(page.getByRole('article').first()).toBeVisible();
  await page.goto('/articles');
  const topic = page.getByRole('list', { name: 'Topics' }).getByRole('link').first();
  const label = (await topic.textContent())!.replace('#', '').trim();
  await topic.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(label);
});
