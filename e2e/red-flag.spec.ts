// Red-flag triage as people meet it: a member writes about numbness around the groin and
// trouble passing urine under an article, is told at once to seek urgent care (and the
// post stands), and a coach finds it first in the inbox, marked urgent, with the signs it
// names. axe on both.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signInAs } from './helpers';

test('a red-flag comment tells the member to seek urgent care and lands first in the inbox, marked urgent', async ({ browser }) => {
  const run = Date.now().toString(36);
  const text = `Since this morning I have numbness around my groin and I could not pee properly (${run})`;
  const reader = await (await browser.newContext()).newPage();
  await signInAs(reader, 'reader@steadyspine.example', 'demo-reader-pass');
  await reader.goto('/articles/why-your-lower-back-is-stiff');
  await reader.getByLabel('Ask a question or add a comment').fill(text);
  await reader.getByRole('button', { name: 'Post', exact: true }).click();
  const notice = reader.getByTestId('urgent-care');
  await expect(notice).toBeVisible();
  await expect(notice).toHaveAttribute('role', 'alert');
  await expect(notice).toContainText('Your comment is posted.');
  await expect(notice).toContainText('NHS 111');
  await expect(notice).toContainText('999');
  // Never blocked: the comment is in the thread.
  await expect(reader.locator('#comments').getByRole('article').filter({ hasText: text })).toBeVisible();
  // A fresh form: the text is not left there to be sent twice.
  await expect(reader.getByLabel('Ask a question or add a comment')).toHaveValue('');
  await expectNoAxeViolations(reader, 'urgent-care message', '#comments');

  const coach = await (await browser.newContext()).newPage();
  await signInAs(coach, 'maya@steadyspine.example', 'demo-coach-pass');
  await coach.goto('/staff/inbox');
  const first = coach.getByTestId('inbox-question').first();
  await expect(first).toContainText(run);
  await expect(first).toHaveAttribute('data-urgent', 'true');
  await expect(first).toContainText('Urgent: possible red flag');
  await first.locator('summary').click();
  await expect(first).toContainText('Numbness or altered feeling in the saddle area');
  await expect(first).toContainText('New trouble passing urine or controlling the bladder');
  await expectNoAxeViolations(coach, 'urgent question in the coach inbox', 'main');
});
