// The staff dashboard on the demo's year of members: a coach follows a "gone quiet" member
// to their progress, and sees no money; an admin sees MRR and downloads the member CSV;
// a member is not let in; axe passes for both staff roles.
import fs from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signInAs } from './helpers';

test('a coach opens the dashboard, follows a member who has gone quiet to their progress, and sees no money figures', async ({ page }) => {
  await signInAs(page, 'maya@steadyspine.example', 'demo-coach-pass');
  const response = await page.goto('/staff');
  // The whole response (HTML and the RSC payload inside it) carries no revenue.
  const html = await response!.text();
  expect(html).not.toMatch(/MRR|recurring revenue|churn|members\.csv/i);
  await expect(page.getByRole('heading', { level: 1, name: 'Staff dashboard' })).toBeVisible();
  await expect(page.getByTestId('money-figures')).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Download the member list/ })).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Staff tools' }).getByRole('link', { name: 'Coach inbox' })).toBeVisible();
  await expectNoAxeViolations(page, 'staff dashboard (coach)');
  // The chart's table, the version screen readers get.
  await expect(page.getByRole('table', { name: 'Runs completed per week, last 12 weeks' }).getByRole('columnheader', { name: 'Runs completed' })).toHaveCount(1);

  const quiet = page.getByTestId('gone-quiet');
  await expect(quiet.getByRole('heading', { name: /^Gone quiet \(\d+\)$/ })).toBeVisible();
  const first = quiet.getByRole('link').first();
  const name = (await first.textContent())!.trim();
  await first.click();
  await expect(page).toHaveURL(/\/staff\/members\/[^/]+\/progress$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${name}: programme progress`);

  // A coach asking for the export directly is refused.
  expect((await page.request.get('/staff/members.csv')).status()).toBe(403);
});

test('an admin sees MRR and churn, filters the member list and downloads it as CSV', async ({ page }) => {
  await signInAs(page, 'admin@steadyspine.example', 'demo-admin-pass');
  await page.goto('/staff');
  const money = page.getByTestId('money-figures');
  await expect(money.getByTestId('mrr')).toContainText(/£[\d,]+/);
  await expect(money.getByText('Churn this month')).toBeVisible();
  await expect(page.getByRole('table', { name: 'MRR, last 12 months' })).toBeAttached();
  await expectNoAxeViolations(page, 'staff dashboard (admin)');

  // The figures come from Next's shared cache for a minute: the filtered page (rendered
  // again) shows the same moment, while its member list is the live, filtered one.
  const asOf = await page.getByText('Figures as of').locator('time').getAttribute('datetime');
  await page.getByLabel('Status', { exact: true }).selectOption('lapsed');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/status=lapsed/);
  await expect(page.getByText('Figures as of').locator('time')).toHaveAttribute('datetime', asOf!);
  const total = Number(/^(\d+) member/.exec((await page.getByTestId('member-list-total').textContent()) ?? '')?.[1]);
  expect(total).toBeGreaterThan(0);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Download the member list/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/^members-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = (await fs.readFile((await download.path())!, 'utf8')).trimEnd().split('\r\n');
  expect(lines[0]).toBe('"Name","Email","Status","Phase","Joined","Last session","Sessions in the last 30 days","Progress page"');
  expect(lines).toHaveLength(total + 1);
  for (const line of lines.slice(1)) expect(line).toMatch(/^"[^"]*","[^"]+@[^"]+","Lapsed",/);
});

test('a member gets no dashboard and no export', async ({ page }) => {
  await signInAs(page, 'member@steadyspine.example', 'demo-member-pass');
  await page.goto('/staff');
  await expect(page.getByRole('heading', { name: 'We could not find that page' })).toBeVisible();
  await expect(page.getByText(/Staff dashboard/)).toHaveCount(0);
  expect((await page.request.get('/staff/members.csv')).status()).toBe(404);
});
