// Pricing in the site's currency (the demo: en-GB, GBP): the pricing page sells with the
// coaches, members' words, the FAQ and the plans; the paywall box, the account page and
// the membership email name the price in pounds; coaches' comments show their portraits.
import { expect, test } from '@playwright/test';
import { signInAs } from './helpers';

test('the pricing page shows the coaches, members’ words, a keyboard FAQ and prices in pounds', async ({ page }) => {
  await page.goto('/pricing');
  const main = page.getByRole('main');
  await expect(main.getByTestId('plan-price')).toHaveText(['£19', '£190']);
  await expect(main).not.toContainText('$');

  const coaches = page.getByRole('region', { name: 'Your coaches' });
  for (const name of ['Maya Okafor', 'Tom Reilly']) {
    const portrait = coaches.getByRole('img', { name: `Portrait of ${name}` });
    await expect(portrait).toBeVisible();
    await expect(portrait).toHaveAttribute('width', '96');
    // The image really loaded (an SVG portrait, not a broken link).
    expect(await portrait.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await expect(coaches.getByTestId('coach').filter({ hasText: name }).getByTestId('credentials')).toContainText('MCSP, HCPC-registered physiotherapist');
  }

  const offer = page.getByRole('region', { name: 'What members get' });
  await expect(offer).toContainText(/3 programme phases, 12 sessions/);
  await expect(offer).toContainText('Your private podcast feed');
  await expect(offer).toContainText('Ask the coaches');

  const testimonials = page.getByRole('region', { name: 'What members say' });
  await expect(testimonials.locator('figure')).toHaveCount(3);
  await expect(testimonials.locator('figcaption').first()).toContainText('Member since');

  // The FAQ opens from the keyboard: Tab to a question, Enter shows its answer.
  const faq = page.getByRole('region', { name: 'Questions before joining' });
  const question = faq.locator('summary').filter({ hasText: 'Can I cancel' });
  const answer = faq.getByText(/Cancel any time from your account page in two clicks/);
  await expect(answer).toBeHidden();
  await question.focus();
  await expect(question).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(answer).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(answer).toBeHidden();
});

test('nothing on the pricing page scrolls sideways at 320 px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto('/pricing');
  await expect(page.getByRole('heading', { name: 'Your coaches' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});

test('a signed-out reader of a members-only article sees a paywall box naming £19', async ({ page }) => {
  await page.goto('/articles/building-a-resilient-core');
  const box = page.getByRole('region', { name: 'Keep reading with a membership' });
  await expect(box.getByTestId('paywall-price')).toHaveText('From £19 a month');
  await expect(box.getByRole('link', { name: 'Become a member' })).toHaveAttribute('href', '/pricing');
  await expect(page.getByRole('main')).not.toContainText('$');
});

test('the demo member’s account page and welcome email name the price in pounds', async ({ page }) => {
  await signInAs(page, 'member@steadyspine.example', 'demo-member-pass');
  await page.goto('/account');
  await expect(page.getByTestId('membership-plan')).toHaveText('Monthly, £19 a month');
  await expect(page.getByRole('region', { name: 'Membership' })).not.toContainText('$');

  await page.goto(`/dev/outbox?to=${encodeURIComponent('member@steadyspine.example')}`);
  await page.getByRole('link', { name: /Welcome to your Steady Spine membership/ }).first().click();
  await expect(page.getByRole('main')).toContainText('Your plan: Monthly, £19 a month.');
  await expect(page.getByRole('main')).not.toContainText('$');
});

test('a coach’s answer shows the coach’s portrait; members keep their initials', async ({ page }) => {
  await page.goto('/articles/what-to-do-in-a-back-pain-flare-up');
  const comments = page.getByRole('list', { name: 'Comments' }).getByRole('article');
  const coachAnswer = comments.filter({ hasText: 'as little as you can' });
  await expect(coachAnswer.getByTestId('coach-avatar')).toHaveAttribute('src', '/images/authors/maya-okafor.svg');
  const question = comments.filter({ hasText: 'How long should I rest completely' });
  await expect(question.locator('header')).toContainText('Morgan Member');
  await expect(question.getByTestId('coach-avatar')).toHaveCount(0);
  await expect(question.locator('span[aria-hidden="true"]', { hasText: /^MM$/ })).toBeVisible();
});
