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

test('a red-flag session note tells the member to seek urgent care and stays atop the inbox until a coach marks it seen', async ({ browser }) => {
  const run = Date.now().toString(36);
  const note = `My left leg is getting weaker every day and my foot drags (${run})`;
  // The demo admin follows the programme too (staff count as entitled); the demo member's
  // progress is what the programme spec counts on, so it is left alone here.
  const member = await (await browser.newContext()).newPage();
  await signInAs(member, 'admin@steadyspine.example', 'demo-admin-pass');
  await member.goto('/programme/phase-two/single-leg-balance');
  await member.getByLabel('Note for yourself (optional)').fill(note);
  await member.getByRole('button', { name: 'Mark complete' }).click();
  const notice = member.getByTestId('urgent-care');
  await expect(notice).toContainText('Session recorded.');
  await expect(notice).toContainText('NHS 111');
  await expectNoAxeViolations(member, 'urgent-care message after a session', 'main');

  const coach = await (await browser.newContext()).newPage();
  await signInAs(coach, 'tom@steadyspine.example', 'demo-coach-pass');
  await coach.goto('/staff/inbox');
  const urgent = coach.getByRole('region', { name: 'Urgent: possible red flags in session notes' });
  const item = urgent.getByTestId('urgent-note').filter({ hasText: run });
  await expect(item).toContainText('Avery Admin');
  await expect(item).toContainText('Leg weakness that is getting worse, or foot drop');
  await expectNoAxeViolations(coach, 'urgent session notes', 'main');
  await item.getByRole('button', { name: 'Seen, Avery Admin contacted' }).click();
  await expect(coach.getByTestId('urgent-note').filter({ hasText: run })).toHaveCount(0);
});
