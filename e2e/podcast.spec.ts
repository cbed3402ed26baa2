import { expect, test } from '@playwright/test';
import { isMembers, normalize, premiumOnlySentences, rawEpisodes } from '../tests/helpers/content-text';

function seconds(value: unknown): number {
  if (typeof value === 'number') return value;
  return String(value).split(':').reduce((t, p) => t * 60 + Number(p), 0);
}

test('a listener plays an episode, changes speed and jumps through the transcript', async ({ page }) => {
  const episode = rawEpisodes().find((e) => !isMembers(e) && Array.isArray(e.data.transcript))!;
  const transcript = episode.data.transcript as { at: unknown; text: string }[];
  await page.goto(`/podcast/${episode.slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(String(episode.data.title));

  const audio = page.locator('audio');
  // The audio element loads the real file: its duration matches the frontmatter.
  await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.readyState)).toBeGreaterThanOrEqual(1);
  const duration = await audio.evaluate((a: HTMLAudioElement) => a.duration);
  expect(Math.abs(duration - seconds(episode.data.duration))).toBeLessThan(1.5);

  await page.getByRole('group', { name: 'Playback speed' }).getByRole('button', { name: '1.25×' }).click();
  expect(await audio.evaluate((a: HTMLAudioElement) => a.playbackRate)).toBe(1.25);

  // Jump to the third line: playback starts there and the line is marked as current.
  const line = transcript[2];
  const target = seconds(line.at);
  await page.getByRole('button', { name: new RegExp(`^Play from `) }).nth(2).click();
  await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => !a.paused && a.currentTime >= 0)).toBe(true);
  await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.currentTime)).toBeGreaterThan(target);
  await expect(page.locator('li[aria-current="true"]')).toContainText(line.text.slice(0, 30));
});

test('a members-only episode is a teaser without audio or transcript', async ({ page }) => {
  const episode = rawEpisodes().find(isMembers)!;
  const response = await page.goto(`/podcast/${episode.slug}`);
  const html = await response!.text();
  await expect(page.getByRole('heading', { name: 'This episode is for members' })).toBeVisible();
  await expect(page.locator('audio')).toHaveCount(0);
  const audioFile = (episode.data.audio as { url: string }).url;
  expect(html).not.toContain(audioFile);
  const transcript = premiumOnlySentences().filter((s) => s.source === `episode:${episode.slug}`);
  expect(transcript.length).toBeGreaterThan(3);
  const normalizedPage = normalize(html);
  expect(transcript.filter((s) => normalizedPage.includes(s.normalized)).map((s) => s.sentence)).toEqual([]);
  const direct = await page.request.get(`/media/podcast/${audioFile}`);
  expect(direct.status()).toBe(403);
});
