import { expect, test } from '@playwright/test';

test('a reader searches for a phrase and sees highlighted matches', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Search' }).click();
  await page.getByRole('searchbox', { name: 'Search articles and episodes' }).fill('morning stiffness');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/search\?q=morning\+stiffness/);
  await expect(page.getByText(/\d+ results? for “morning stiffness”/)).toBeVisible();
  const first = page.getByRole('listitem').filter({ has: page.locator('mark') }).first();
  await expect(first.locator('mark').first()).toHaveText(/morning|stiff/i);
  await first.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('odd or oversized queries get a clear answer, not an error page', async ({ page }) => {
  for (const q of ['"((( &| !', "'; DROP TABLE \"User\"; --", 'zzqxv nothing matches']) {
    const response = await page.goto(`/search?q=${encodeURIComponent(q)}`);
    expect(response!.status()).toBe(200);
    await expect(page.getByText(/No results|results? for/).first()).toBeVisible();
  }
  const response = await page.goto(`/search?q=${'a'.repeat(300)}`);
  expect(response!.status()).toBe(200);
  await expect(page.locator('#search-error')).toContainText('at most 200 characters');
  await expect(page.getByRole('searchbox')).toHaveAttribute('aria-invalid', 'true');
});
