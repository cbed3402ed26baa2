// The premium programme in Chromium: the demo member (seeded on Phase Two with 3 of 4
// runs and one session left in the fourth) finishes a run and is told Phase Three is
// recommended; non-members see titles only; video links are member-bound and expire.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signInAs } from './helpers';

const PHASE_TWO = '/programme/phase-two';
const LAST_SESSION = '/programme/phase-two/single-leg-balance';

test('the demo member does the next session, completes a run of Phase Two and is told Phase Three is recommended', async ({ page }) => {
  await signInAs(page, 'member@steadyspine.example', 'demo-member-pass');
  await page.goto('/dashboard');
  await expect(page.getByTestId('current-phase')).toHaveText(/Phase Two/);
  await expect(page.getByTestId('dashboard-runs')).toContainText('3 of 4 runs');
  await expect(page.getByTestId('dashboard-readiness')).toContainText('1 more is recommended before Phase Three');
  await expectNoAxeViolations(page, '/dashboard');
  // Seeded yesterday (UTC): "1 day", or "0 days" if midnight passed since the server seeded.
  const streakBefore = Number((await page.getByTestId('streak').textContent())?.match(/^(\d+) days?$/)?.[1]);
  expect([0, 1]).toContain(streakBefore);

  await page.getByTestId('next-session').click();
  await expect(page).toHaveURL(LAST_SESSION);
  await expect(page.getByTestId('session-video')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Exercises' })).toBeVisible();
  await expectNoAxeViolations(page, LAST_SESSION);
  await page.getByLabel('Effort (0–10)').selectOption('6');
  await page.getByLabel('Back pain (0–10)').selectOption('2');
  await page.getByLabel('Note for yourself (optional)').fill('Steadier on the left today');
  // A double click records once.
  await page.getByRole('button', { name: 'Mark complete' }).dblclick();
  await expect(page.getByRole('status').filter({ hasText: 'Session recorded' })).toContainText('That completes run 4 of Phase Two');
  await expect(page.getByRole('status').filter({ hasText: 'Session recorded' })).toContainText('you are ready for Phase Three');

  await page.goto(PHASE_TWO);
  await expect(page.getByTestId('run-counter')).toHaveText('4 of 4 runs');
  await expect(page.getByTestId('readiness')).toContainText('You have done the recommended 4 runs: you are ready for Phase Three.');
  await expect(page.getByText(/repeated session/)).toHaveCount(0);
  await expectNoAxeViolations(page, PHASE_TWO);

  await page.goto('/dashboard');
  await expect(page.getByText('“Steadier on the left today”')).toHaveCount(1);
  await expect(page.getByTestId('streak')).toHaveText(streakBefore === 0 ? '1 day' : '2 days');

  // Phase Three is now a recommended move: no warning, one click.
  await page.goto('/programme/phase-three');
  await expect(page.getByText('Not recommended yet')).toHaveCount(0);
  await page.getByRole('button', { name: 'Make Phase Three my current phase' }).click();
  await expect(page.getByTestId('current-phase-note')).toBeVisible();
  await page.goto('/programme');
  await expect(page.getByTestId('phase-runs-phase-two')).toHaveText('Phase Two: 4 of 4 runs');
  await expect(page.locator('[aria-current="step"]')).toContainText('Phase Three');
  await expectNoAxeViolations(page, '/programme');
});

test('moving ahead early asks for confirmation and says why', async ({ page }) => {
  await signInAs(page, 'maya@steadyspine.example', 'demo-coach-pass'); // staff see the programme; no runs yet
  await page.goto('/programme/phase-three');
  await expect(page.getByText('Not recommended yet')).toBeVisible();
  await expect(page.getByText(/Phase One: 0 of 5 runs done/)).toBeVisible();
  await page.getByRole('button', { name: 'Make Phase Three my current phase' }).click();
  await expect(page.locator('main [role="alert"]')).toContainText('Tick the box to move anyway');
  await page.getByLabel(/I understand and want to move/).check();
  await page.getByRole('button', { name: 'Make Phase Three my current phase' }).click();
  await expect(page.getByTestId('current-phase-note')).toBeVisible();
});

test('visitors and members without a membership see titles, never sessions or videos', async ({ page }) => {
  for (const signedIn of [false, true]) {
    if (signedIn) await signInAs(page, 'reader@steadyspine.example', 'demo-reader-pass');
    await page.goto('/programme');
    await expect(page.getByRole('heading', { name: /Phase One/ })).toBeVisible();
    await expect(page.getByText('Breathing and bracing')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Follow the programme with a membership' })).toBeVisible();
    await expectNoAxeViolations(page, `/programme (${signedIn ? 'reader' : 'visitor'})`);
    await page.goto(PHASE_TWO);
    await expect(page.getByText('Single-leg balance and step-ups')).toBeVisible();
    await expect(page.getByTestId('run-counter')).toHaveCount(0);
    await expectNoAxeViolations(page, `${PHASE_TWO} (${signedIn ? 'reader' : 'visitor'})`);
    const response = await page.goto(LAST_SESSION);
    expect(response!.status()).toBe(200);
    const html = await response!.text();
    expect(html).not.toContain('/media/programme/');
    expect(html).not.toContain('Coaching notes');
    await expect(page.getByRole('heading', { name: 'Exercises' })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Follow the programme with a membership' })).toBeVisible();
    await expectNoAxeViolations(page, `${LAST_SESSION} (${signedIn ? 'reader' : 'visitor'})`);
  }
});

test('a copied video link works for its member with byte ranges, not for anyone else, and not after it expires', async ({ page, browser }) => {
  test.setTimeout(90_000);
  await signInAs(page, 'member@steadyspine.example', 'demo-member-pass');
  await page.goto('/programme/phase-one/breathing-and-bracing');
  const src = await page.locator('[data-testid="session-video"] source').getAttribute('src');
  expect(src).toMatch(/^\/media\/programme\/phase-one\/breathing-and-bracing\.mp4\?/);

  const head = await page.request.head(src!);
  expect(head.status()).toBe(200);
  expect(head.headers()['accept-ranges']).toBe('bytes');
  const range = await page.request.get(src!, { headers: { Range: 'bytes=0-99' } });
  expect(range.status()).toBe(206);
  expect((await range.body()).length).toBe(100);

  const other = await browser.newPage();
  expect((await other.request.get(src!)).status()).toBe(403); // not signed in
  await signInAs(other, 'reader@steadyspine.example', 'demo-reader-pass');
  expect((await other.request.get(src!)).status()).toBe(403); // another member
  const tampered = src!.replace(/u=[^&]+/, 'u=someone-else');
  expect((await page.request.get(tampered)).status()).toBe(403);
  await other.close();

  // The e2e server signs links for 20 seconds: wait out what is left of them (e=, in seconds).
  const expires = Number(new URL(src!, 'http://localhost').searchParams.get('e'));
  await page.waitForTimeout(Math.max(0, expires * 1000 - Date.now() + 1_500));
  const expired = await page.request.get(src!);
  expect(expired.status()).toBe(403);
  expect(await expired.text()).toContain('expired');
});

test('the dashboard works with a keyboard on a phone-sized screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, 'tom@steadyspine.example', 'demo-coach-pass');
  await page.goto('/dashboard');
  const next = page.getByTestId('next-session');
  await expect(next).toBeVisible();
  // No sideways scrolling on a phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
  for (let i = 0; i < 30 && !(await next.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(next).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/programme\/phase-one\/breathing-and-bracing$/);
});

test('a coach opens a member’s progress from the members page, read-only', async ({ page }) => {
  await signInAs(page, 'tom@steadyspine.example', 'demo-coach-pass');
  await page.goto('/staff/members?q=member%40steadyspine.example');
  await page.getByRole('link', { name: 'Programme progress of Morgan Member' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Morgan Member: programme progress');
  await expect(page.getByTestId('dashboard-runs')).toBeVisible();
  await expect(page.getByRole('button')).toHaveCount(0);
  await expect(page.getByRole('combobox')).toHaveCount(0); // no role or comp controls for coaches either
  await expectNoAxeViolations(page, 'member progress');
});
