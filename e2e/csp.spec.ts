// Content-Security-Policy in Chromium: every page carries a policy that allows only the
// site's own scripts, the pages still work under it (hydration, forms, the audio player,
// the video facade), Chromium reports no violation, and a script an attacker manages to
// inject into a page is refused. Every page type in e2e/page-types.ts is checked by the
// walk in e2e/visual.spec.ts; the pages here are the variants that walk does not open.
import { expect, test, type Page } from '@playwright/test';
import { expectStrictPolicy, waitForScripts, watchViolations } from './csp-checks';
import { signInAs } from './helpers';
import { isMembers, rawArticles, rawEpisodes } from '../tests/helpers/content-text';

const publicArticle = rawArticles().find((a) => !isMembers(a) && a.data.episode)!.slug;
const membersArticle = rawArticles().find(isMembers)!.slug;
const publicEpisode = rawEpisodes().find((e) => !isMembers(e) && e.data.youtube && Array.isArray(e.data.transcript))!.slug;
const membersEpisode = rawEpisodes().find(isMembers)!.slug;

// Variants of the page types: a second listing page, an article with its episode, what a
// visitor sees of members-only content, junk slugs, the email link pages and the outbox.
const anonymousPages = [
  '/articles/page/2', `/articles/${publicArticle}`, `/articles/${membersArticle}`, `/podcast/${publicEpisode}`,
  `/podcast/${membersEpisode}`, '/search?q=posture', `/articles/no-such-article`, '/verify-email?token=x', '/dev/outbox',
];
// A member's first-phase session and a members-only episode in full.
const memberPages = ['/programme/phase-one', '/programme/phase-one/breathing-and-bracing', `/podcast/${membersEpisode}`];

async function visitAll(page: Page, paths: string[], violations: () => Promise<string[]>) {
  for (const path of paths) {
    const response = await page.goto(path);
    expectStrictPolicy(response, path);
    await waitForScripts(page);
    expect(await violations(), `CSP violations on ${path}`).toEqual([]);
  }
}

test('public page variants have a strict policy and no violation', async ({ page }) => {
  const violations = await watchViolations(page);
  await visitAll(page, anonymousPages, violations);
});

test('the audio player and the video facade work under the policy', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto(`/podcast/${publicEpisode}`);
  await page.getByRole('button', { name: /Watch the episode/ }).click();
  const frame = page.locator('iframe[src^="https://www.youtube-nocookie.com/embed/"]');
  await expect(frame).toBeVisible();
  // The player's own controls (React handlers) drive the audio element, which loads from the site.
  const audio = page.locator('audio');
  await page.getByRole('group', { name: 'Playback speed' }).getByRole('button', { name: '1.25×' }).click();
  expect(await audio.evaluate((a: HTMLAudioElement) => a.playbackRate)).toBe(1.25);
  await page.getByRole('button', { name: /^Play from / }).first().click();
  await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.currentTime)).toBeGreaterThan(0);
  expect(await violations()).toEqual([]);
});

test('a member\u2019s session and members-only episode have a strict policy and no violation', async ({ page }) => {
  const violations = await watchViolations(page);
  await signInAs(page, 'member@steadyspine.example', 'demo-member-pass');
  await visitAll(page, memberPages, violations);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('a script injected into a page is refused and reported', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto(`/articles/${publicArticle}`);
  // What a stored XSS would do: an inline script that is not one of the page's own.
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.body.append(script);
  });
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  const reported: string[] = [];
  await expect.poll(async () => (reported.push(...(await violations())), reported.join('\n'))).toMatch(/script-src/);
});
