// The coach inbox on a 390 px phone: a coach signs in, opens the menu, reaches the inbox,
// filters to what awaits, opens a question, marks a member's thank-you "No reply needed"
// and answers another; the member's threads show the outcome. Plus the inbox's lists.
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, openSiteMenu, signInAs, siteMenu } from './helpers';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

async function post(page: Page, text: string) {
  await page.getByLabel('Ask a question or add a comment').fill(text);
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(page.locator('#comments').getByText(text)).toBeVisible();
}

const question = (page: Page, text: string) => page.getByTestId('inbox-question').filter({ hasText: text });
const staffNav = (page: Page) => page.getByRole('navigation', { name: 'Staff', exact: true });

test('a coach triages the inbox on a phone: no reply needed for a thank-you, an answer for a question', async ({ browser }) => {
  test.setTimeout(180_000);
  const run = Date.now().toString(36);
  const phoneContext = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
  const member = await (await browser.newContext(phoneContext)).newPage();
  await signInAs(member, 'member@steadyspine.example', 'demo-member-pass');
  // A question under Phase Two, and a thank-you under Tom's answer in Phase One.
  const ask = `Phase Two: is it fine if the side plank shakes? (${run})`;
  await member.goto('/programme/phase-two');
  await post(member, ask);
  const thanks = `Thank you, that is reassuring. (${run})`;
  await member.goto('/programme/phase-one');
  const tomsAnswer = member.locator('#comments').getByRole('article').filter({ hasText: 'Five is what we recommend' });
  await tomsAnswer.getByRole('button', { name: /Reply to comment by Tom Reilly/ }).click();
  await member.getByLabel('Reply to Tom Reilly').fill(thanks);
  await member.getByRole('button', { name: 'Post reply' }).click();
  const thanksCard = member.locator('#comments').getByRole('article').filter({ hasText: thanks });
  await expect(thanksCard.getByTestId('answer-state')).toHaveText('Awaiting a coach');

  const coach = await (await browser.newContext(phoneContext)).newPage();
  await signInAs(coach, 'maya@steadyspine.example', 'demo-coach-pass');
  await openSiteMenu(coach);
  await siteMenu(coach).getByRole('link', { name: 'Staff' }).click();
  await expect(coach).toHaveURL(/\/staff$/);
  // The staff navigation says how many questions wait.
  const inboxLink = staffNav(coach).getByRole('link', { name: /^Inbox \d+ awaiting$/ });
  await expect(inboxLink).toBeVisible();
  await inboxLink.click();
  await expect(coach).toHaveURL(/\/staff\/inbox$/);
  await expect(staffNav(coach).getByRole('link', { name: /^Inbox/ })).toHaveAttribute('aria-current', 'page');

  // All questions, then back to those awaiting, narrowed by a search.
  const lists = coach.getByRole('navigation', { name: 'Inbox lists' });
  await lists.getByRole('link', { name: /^All questions/ }).click();
  await expect(coach).toHaveURL(/view=all/);
  await lists.getByRole('link', { name: /^Awaiting/ }).click();
  await expect(lists.getByRole('link', { name: /^Awaiting/ })).toHaveAttribute('aria-current', 'page');
  await coach.getByLabel('Search').fill(run);
  await coach.getByRole('button', { name: 'Apply' }).click();
  await expect(coach).toHaveURL(new RegExp(`q=${run}`));
  await expect(coach.getByTestId('inbox-question')).toHaveCount(2);
  await expect(coach.getByText('2 questions match, oldest first.')).toBeVisible();

  // One line each until opened; the thank-you shows what it follows.
  await expect(question(coach, thanks).getByRole('button', { name: 'No reply needed' })).toBeHidden();
  await question(coach, thanks).locator('summary').click();
  await expect(question(coach, thanks).getByRole('list', { name: 'Earlier in this conversation' })).toContainText('Five is what we recommend');
  expect(await coach.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  await expectNoAxeViolations(coach, 'inbox with a question open');
  await question(coach, thanks).getByRole('button', { name: 'No reply needed' }).click();
  const status = coach.getByTestId('inbox-status');
  await expect(status).toContainText('marked as no reply needed');
  await expect(status).toBeFocused();
  await expect(question(coach, thanks)).toHaveCount(0);

  await question(coach, ask).locator('summary').click();
  await question(coach, ask).getByLabel('Answer Morgan Member').fill('A little shaking is normal: it is your muscles working. Keep the hold shorter until it steadies.');
  await question(coach, ask).getByRole('button', { name: 'Post answer' }).click();
  await expect(status).toContainText('Your answer to Morgan Member is posted.');
  await expect(question(coach, ask)).toHaveCount(0);
  await expect(coach.getByText('Nothing matches these filters.')).toBeVisible();

  // Both are under "All questions", with what became of them.
  await coach.goto(`/staff/inbox?view=all&q=${run}`);
  await expect(question(coach, thanks).getByText('No reply needed', { exact: true })).toBeVisible();
  await expect(question(coach, ask).getByText('Answered', { exact: true })).toBeVisible();

  // The member's threads: the thank-you no longer waits for a coach; the question is answered.
  await member.reload();
  await expect(thanksCard).toBeVisible();
  await expect(thanksCard.getByTestId('answer-state')).toHaveCount(0);
  await member.goto('/programme/phase-two');
  await expect(member.locator('#comments li').filter({ hasText: ask }).getByTestId('answer-state').first()).toHaveText('Answered by a coach');
});

test('a question linked from a coach email opens on its own, whatever page of the inbox it is on', async ({ browser }) => {
  const run = Date.now().toString(36);
  const member = await (await browser.newContext()).newPage();
  await signInAs(member, 'member@steadyspine.example', 'demo-member-pass');
  await member.goto('/articles/walking-plan-for-back-pain');
  const text = `Is a treadmill as good as walking outside? (${run})`;
  await post(member, text);
  const id = await member.locator('#comments li').filter({ hasText: text }).first().getAttribute('id');
  expect(id).toMatch(/^comment-/);

  const coach = await (await browser.newContext()).newPage();
  await signInAs(coach, 'tom@steadyspine.example', 'demo-coach-pass');
  await coach.goto(`/staff/inbox?question=${id!.slice('comment-'.length)}`);
  await expect(coach.getByTestId('inbox-question')).toHaveCount(1);
  await expect(question(coach, text).getByLabel('Answer Morgan Member')).toBeVisible(); // already open
  // A member cannot open the inbox, nor see its counts.
  await member.goto('/staff/inbox');
  await expect(member.getByRole('heading', { name: 'We could not find that page' })).toBeVisible();
  await expect(staffNav(member)).toHaveCount(0);
  await expect(member.getByText(text)).toHaveCount(0);
});
