// Content-Security-Policy in Chromium: every page type carries a policy that allows only
// the site's own scripts, the pages still work under it (hydration, forms, the audio
// player, the video facade), Chromium reports no violation anywhere, and a script an
// attacker manages to inject into a page is refused.
import { expect, test, type Page, type Response } from '@playwright/test';
import { signInAs } from './helpers';
import { isMembers, rawArticles, rawEpisodes } from '../tests/helpers/content-text';

const publicArticle = rawArticles().find((a) => !isMembers(a) && a.data.episode)!.slug;
const membersArticle = rawArticles().find(isMembers)!.slug;
const publicEpisode = rawEpisodes().find((e) => !isMembers(e) && e.data.youtube && Array.isArray(e.data.transcript))!.slug;
const membersEpisode = rawEpisodes().find(isMembers)!.slug;

const anonymousPages = [
  '/', '/articles', '/articles/page/2', `/articles/${publicArticle}`, '/articles/understanding-your-mri-report',
  `/articles/${membersArticle}`, '/podcast', `/podcast/${publicEpisode}`, `/podcast/${membersEpisode}`, '/tags/core',
  '/search?q=posture', '/about', '/pricing', '/no-such-page', `/articles/no-such-article`, '/sign-in', '/sign-up',
  '/reset-password', '/verify-email?token=x', '/dev/outbox',
];
const memberPages = ['/account', '/dashboard', '/programme', '/programme/phase-one', '/programme/phase-one/breathing-and-bracing', `/articles/${membersArticle}`, `/podcast/${membersEpisode}`];
const staffPages = ['/staff', '/staff/inbox', '/staff/members'];

/** Collects what Chromium reports: `securitypolicyviolation` events and console lines. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const consoleLines: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) consoleLines.push(message.text());
  });
  // Runs before any page script, outside the page's policy (injected by the test runner).
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { __violations: string[] }).__violations = []);
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  return async () => [...consoleLines.splice(0), ...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations.splice(0)))];
}

function expectStrictPolicy(response: Response | null, path: string) {
  const policy = response?.headers()['content-security-policy'];
  expect(policy, `${path} has a Content-Security-Policy`).toBeTruthy();
  const scriptSrc = policy!.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'))!;
  expect(scriptSrc, `${path}: only the site's own scripts`).toMatch(/^script-src 'self'( '(nonce|sha256)-[A-Za-z0-9+/=]+')*$/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(response!.headers()['x-frame-options']).toBe('DENY');
}

async function visitAll(page: Page, paths: string[], violations: () => Promise<string[]>) {
  for (const path of paths) {
    const response = await page.goto(path);
    expectStrictPolicy(response, path);
    // Next's client runtime started (it sets window.next), so the page's scripts ran.
    await page.waitForFunction(() => Boolean((window as unknown as { next?: { version?: string } }).next?.version));
    expect(await violations(), `CSP violations on ${path}`).toEqual([]);
  }
}

test('every public page type has a strict policy and no violation', async ({ page }) => {
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

test('signed-in member and staff pages have a strict policy and no violation', async ({ page }) => {
  const violations = await watchViolations(page);
  await signInAs(page, 'member@steadyspine.example', 'demo-member-pass');
  await visitAll(page, memberPages, violations);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.context().clearCookies();
  await signInAs(page, 'admin@steadyspine.example', 'demo-admin-pass');
  await visitAll(page, staffPages, violations);
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
