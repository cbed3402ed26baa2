// Desktop only (see playwright.config.ts): phones have no Tab key.
import { expect, test } from '@playwright/test';

test('keyboard users can skip straight to the content', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
  await expect(page.locator('#main')).toBeFocused();
});

test('the audio player and transcript work from the keyboard', async ({ page }) => {
  await page.goto('/podcast/morning-stiffness-explained');
  const speed = page.getByRole('group', { name: 'Playback speed' }).getByRole('button', { name: '1.5×' });
  await speed.focus();
  await page.keyboard.press('Enter');
  await expect(speed).toHaveAttribute('aria-pressed', 'true');
  expect(await page.locator('audio').evaluate((a: HTMLAudioElement) => a.playbackRate)).toBe(1.5);
});
