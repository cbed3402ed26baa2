import { expect, test } from '@playwright/test';

for (const path of ['/no-such-page', '/articles/no-such-article', '/podcast/no-such-episode', '/tags/no-such-tag', '/articles/page/99']) {
  test(`unknown address ${path} gets a helpful 404`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response!.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'We could not find that page' })).toBeVisible();
    await expect(page.getByRole('searchbox')).toBeVisible();
  });
}

test('an unknown audio file is 404, not an error', async ({ request }) => {
  expect((await request.get('/media/podcast/missing.mp3')).status()).toBe(404);
  expect((await request.get('/media/podcast/..%2F..%2Fpackage.json')).status()).toBe(404);
});
