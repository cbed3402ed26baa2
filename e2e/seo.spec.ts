import { expect, test, type Page } from '@playwright/test';
import { isMembers, normalize, premiumOnlySentences, rawArticles } from '../tests/helpers/content-text';

async function jsonLd(page: Page): Promise<Record<string, unknown>[]> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.flatMap((b): Record<string, unknown>[] => [JSON.parse(b)].flat());
}

test('an article carries Article and BreadcrumbList data, a canonical URL and social tags', async ({ page, request }) => {
  await page.goto('/articles/why-your-lower-back-is-stiff');
  const data = await jsonLd(page);
  const article = data.find((d) => d['@type'] === 'Article')!;
  expect(article.headline).toBe(await page.getByRole('heading', { level: 1 }).textContent());
  expect(article.isAccessibleForFree).toBe(true);
  const breadcrumbs = data.find((d) => d['@type'] === 'BreadcrumbList')!;
  expect((breadcrumbs.itemListElement as unknown[]).length).toBe(3);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/articles\/why-your-lower-back-is-stiff$/);
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
  await expect(page.locator('meta[property="og:site_name"]')).toHaveAttribute('content', 'Steady Spine');
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');

  const image = await page.locator('meta[property="og:image"]').getAttribute('content');
  const png = await request.get(new URL(image!).pathname + new URL(image!).search);
  expect(png.status()).toBe(200);
  expect(png.headers()['content-type']).toBe('image/png');
  expect((await png.body()).subarray(1, 4).toString()).toBe('PNG');
});

test('an episode carries PodcastEpisode data with its audio', async ({ page }) => {
  await page.goto('/podcast/morning-stiffness-explained');
  const episode = (await jsonLd(page)).find((d) => d['@type'] === 'PodcastEpisode')!;
  expect(episode.episodeNumber).toBe(1);
  expect((episode.associatedMedia as { contentUrl: string }).contentUrl).toMatch(/\/media\/podcast\/morning-stiffness-explained\.mp3$/);
});

test('a members-only article is marked as paywalled and its structured data holds no premium text', async ({ page }) => {
  const article = rawArticles().find(isMembers)!;
  await page.goto(`/articles/${article.slug}`);
  const data = (await jsonLd(page)).find((d) => d['@type'] === 'Article')!;
  expect(data.isAccessibleForFree).toBe(false);
  expect(data.hasPart).toMatchObject({ isAccessibleForFree: false, cssSelector: '.members-only' });
  const text = normalize(JSON.stringify(data));
  const hidden = premiumOnlySentences().filter((s) => s.source === `article:${article.slug}`);
  expect(hidden.filter((s) => text.includes(s.normalized))).toEqual([]);
});
