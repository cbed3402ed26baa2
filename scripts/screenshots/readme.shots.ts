// The README's screenshots, phone and desktop: the member home, a programme session, a
// comment thread a coach answered, and the coach inbox. Viewport-sized PNGs at CSS
// pixels, so each stays small enough to commit.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { signInAs } from '../../e2e/helpers';
import { DEMO_ACCOUNTS, VIEWPORTS } from '../../e2e/page-types';

async function signedIn(browser: Browser, viewport: keyof typeof VIEWPORTS, role: 'member' | 'coach'): Promise<Page> {
  const context = await browser.newContext({ ...VIEWPORTS[viewport], baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await signInAs(page, DEMO_ACCOUNTS[role].email, DEMO_ACCOUNTS[role].password);
  return page;
}

async function shoot(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `docs/screenshots/${name}.png`, scale: 'css', animations: 'disabled', caret: 'hide' });
}

for (const viewport of Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[]) {
  test(`README screenshots on ${viewport}`, async ({ browser }) => {
    const member = await signedIn(browser, viewport, 'member');
    await expect(member).toHaveURL(/\/dashboard$/);
    await shoot(member, `member-home-${viewport}`);

    await member.goto('/programme/phase-one/breathing-and-bracing');
    // The video's first frame rather than a half-loaded player: let the short video load.
    const video = member.getByTestId('session-video');
    await video.evaluate((v: HTMLVideoElement) => { v.preload = 'auto'; });
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState === v.HAVE_ENOUGH_DATA && v.networkState === v.NETWORK_IDLE)).toBe(true);
    await shoot(member, `session-${viewport}`);

    // The flare-up article's first thread: a member's question, a coach's answer, a follow-up.
    await member.goto('/articles/what-to-do-in-a-back-pain-flare-up');
    const question = member.getByText('How long should I rest completely');
    await question.evaluate((el) => el.closest('article')!.scrollIntoView({ block: 'start' }));
    await expect(member.getByText('as little as you can')).toBeInViewport();
    await shoot(member, `coach-answer-${viewport}`);

    const coach = await signedIn(browser, viewport, 'coach');
    await coach.goto('/staff/inbox');
    await expect(coach.getByRole('heading', { level: 1 })).toBeVisible();
    await shoot(coach, `coach-inbox-${viewport}`);
  });
}
