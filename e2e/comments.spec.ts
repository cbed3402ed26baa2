// Comment threads in Chromium: a member asks, a coach answers from the inbox, the
// member is emailed and follows up; moderation; a corpus of XSS payloads stays text.
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, linkFromLatestEmail, signInAs } from './helpers';

async function postTopLevel(page: Page, text: string) {
  const box = page.getByLabel('Ask a question or add a comment');
  await box.fill(text);
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your comment is posted.' })).toBeVisible();
  // A fresh, empty form replaces the one that posted; an error would keep the text.
  await expect(box).toHaveValue('');
}

test('a member asks, a coach answers from the inbox, the member is told and follows up', async ({ browser }) => {
  const question = `Should I walk on the days my back is sore? (${Date.now()})`;
  const member = await (await browser.newContext()).newPage();
  await signInAs(member, 'member@steadyspine.example', 'demo-member-pass');
  await member.goto('/articles/walking-plan-for-back-pain');
  await postTopLevel(member, question);
  const mine = member.locator('#comments li').filter({ hasText: question }).first();
  await expect(mine.getByTestId('answer-state').first()).toHaveText('Awaiting a coach');
  await expectNoAxeViolations(member, 'article thread', '#comments');

  const coach = await (await browser.newContext()).newPage();
  await signInAs(coach, 'maya@steadyspine.example', 'demo-coach-pass');
  await coach.goto(`/staff/inbox?q=${encodeURIComponent(question)}`);
  const item = coach.getByTestId('inbox-question').filter({ hasText: question });
  await item.locator('summary').click();
  await expect(item.getByRole('link', { name: /Programme progress/ })).toBeVisible();
  await item.getByLabel('Answer Morgan Member').fill('Yes: short, gentle walks. Keep them easy and stop before it ramps up.');
  await item.getByRole('button', { name: 'Post answer' }).click();
  await expect(coach.getByTestId('inbox-status')).toContainText('Your answer to Morgan Member is posted.');
  await expect(coach.getByTestId('inbox-question').filter({ hasText: question })).toHaveCount(0);

  // The member sees the badge and the answered state, and has an email linking to the answer.
  await member.reload();
  const thread = member.locator('#comments');
  const answer = thread.getByRole('article').filter({ hasText: 'Yes: short, gentle walks' });
  await expect(answer.getByText('Coach', { exact: true })).toBeVisible();
  await expect(member.locator('#comments li').filter({ hasText: question }).getByTestId('answer-state').first()).toHaveText('Answered by a coach');
  const link = await linkFromLatestEmail(member, 'member@steadyspine.example', /replied to your comment/);
  expect(link).toMatch(/^\/articles\/walking-plan-for-back-pain#comment-/);

  // A follow-up goes back into the inbox.
  await member.goto('/articles/walking-plan-for-back-pain');
  await answer.getByRole('button', { name: /Reply to comment by Maya Okafor/ }).click();
  const followUp = `And if it hurts the next morning? (${Date.now()})`;
  await member.getByLabel('Reply to Maya Okafor').fill(followUp);
  await member.getByRole('button', { name: 'Post reply' }).click();
  // The reply box closes once the reply is saved (getByText alone also finds the text still in the box).
  await expect(member.getByLabel('Reply to Maya Okafor')).toHaveCount(0);
  await expect(member.locator('#comments').getByText(followUp)).toBeVisible();
  await coach.goto(`/staff/inbox?q=${encodeURIComponent(followUp)}`);
  await expect(coach.getByTestId('inbox-question').filter({ hasText: followUp })).toBeVisible();
  await expectNoAxeViolations(coach, 'inbox');
});

test('moderation hides a comment from everyone else', async ({ browser }) => {
  const text = `A comment to be hidden (${Date.now()})`;
  const reader = await (await browser.newContext()).newPage();
  await signInAs(reader, 'reader@steadyspine.example', 'demo-reader-pass');
  await reader.goto('/articles/desk-setup-for-a-happy-back');
  await postTopLevel(reader, text);

  const coach = await (await browser.newContext()).newPage();
  await signInAs(coach, 'tom@steadyspine.example', 'demo-coach-pass');
  await coach.goto('/articles/desk-setup-for-a-happy-back');
  const comment = coach.getByRole('article').filter({ hasText: text });
  await comment.getByRole('button', { name: 'Hide' }).click();
  // The shared page no longer carries it (staff find hidden comments through reports).
  await expect(coach.getByText(text)).toHaveCount(0);

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto('/articles/desk-setup-for-a-happy-back');
  await expect(visitor.locator('#comments')).toBeVisible();
  await expect(visitor.getByText(text)).toHaveCount(0);

  // Staff find it under Hidden comments in the inbox and can bring it back.
  await coach.goto('/staff/inbox?view=hidden&order=newest');
  const hidden = coach.getByRole('region', { name: 'Hidden comments' }).getByRole('listitem').filter({ hasText: text });
  await hidden.getByRole('button', { name: 'Unhide' }).click();
  await expect(hidden).toHaveCount(0);
  await visitor.reload();
  await expect(visitor.getByText(text)).toBeVisible();
});

test('a corpus of XSS payloads posted as comments stays inert text', async ({ page }) => {
  const payloads = fs.readFileSync('tests/fixtures/xss-payloads.txt', 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
  expect(payloads.length).toBeGreaterThanOrEqual(100);
  const dialogs: string[] = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await signInAs(page, 'admin@steadyspine.example', 'demo-admin-pass');
  await page.goto('/articles/best-sleep-positions-for-back-pain');
  // As few comments as the 5,000-character limit allows (the rate limit is 10 per 10 minutes).
  const comments: string[] = [''];
  for (const payload of payloads) {
    if (comments.at(-1)!.length + payload.length + 2 > 4800) comments.push('');
    comments[comments.length - 1] += `${payload}\n\n`;
  }
  expect(comments.length).toBeLessThanOrEqual(10);
  for (const comment of comments) await postTopLevel(page, comment);
  for (const viewer of ['author', 'visitor'] as const) {
    if (viewer === 'visitor') await page.context().clearCookies();
    await page.goto('/articles/best-sleep-positions-for-back-pain');
    await page.waitForLoadState('networkidle');
    const bodies = page.locator('#comments .comment-body');
    expect(await bodies.count()).toBe(comments.length);
    const injected = await page.evaluate(() => {
      const found: string[] = [];
      for (const body of document.querySelectorAll('#comments .comment-body')) {
        for (const el of body.querySelectorAll('*')) {
          if (!['P', 'BR', 'STRONG', 'EM', 'UL', 'OL', 'LI', 'A'].includes(el.tagName)) found.push(el.tagName);
          for (const attr of el.attributes) {
            if (!(el.tagName === 'A' && (attr.name === 'href' || attr.name === 'rel'))) found.push(`${el.tagName}[${attr.name}]`);
          }
          if (el.tagName === 'A' && !/^(https?:|mailto:)/i.test(el.getAttribute('href') ?? '')) found.push(`A href=${el.getAttribute('href')}`);
        }
      }
      return found;
    });
    expect(injected).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  }
  expect(dialogs).toEqual([]);
});

test('members-only threads load only for members, and never reach the shared page', async ({ browser }) => {
  const text = `A members-only question about bracing (${Date.now()})`;
  const member = await (await browser.newContext()).newPage();
  await signInAs(member, 'member@steadyspine.example', 'demo-member-pass');
  await member.goto('/articles/building-a-resilient-core');
  await postTopLevel(member, text);
  await expect(member.locator('#comments').getByText(text)).toBeVisible();
  await expectNoAxeViolations(member, 'members-only thread', '#comments');

  const reader = await (await browser.newContext()).newPage();
  await signInAs(reader, 'reader@steadyspine.example', 'demo-reader-pass');
  await reader.goto('/articles/building-a-resilient-core');
  await expect(reader.getByText('Members ask the coaches questions here.')).toBeVisible();
  await expect(reader.getByText(text)).toHaveCount(0);
  for (const headers of [{}, { RSC: '1' }] as Record<string, string>[]) {
    const body = await (await reader.request.get('/articles/building-a-resilient-core', { headers })).text();
    expect(body).not.toContain(text);
  }
});

test('phase threads are for members: a question under Phase One reaches the inbox', async ({ browser }) => {
  const text = `Can I do Phase One sessions twice a day? (${Date.now()})`;
  const member = await (await browser.newContext()).newPage();
  await signInAs(member, 'member@steadyspine.example', 'demo-member-pass');
  await member.goto('/programme/phase-one');
  await postTopLevel(member, text);
  await expect(member.locator('#comments').getByText(text)).toBeVisible();
  const reader = await (await browser.newContext()).newPage();
  await reader.goto('/programme/phase-one');
  await expect(reader.getByText(text)).toHaveCount(0);
  await expect(reader.locator('#comments')).toHaveCount(0);
  const coach = await (await browser.newContext()).newPage();
  await signInAs(coach, 'tom@steadyspine.example', 'demo-coach-pass');
  await coach.goto('/staff/inbox?phase=phase-one&order=newest');
  const item = coach.getByTestId('inbox-question').filter({ hasText: text });
  await item.locator('summary').click();
  await expect(item.getByRole('link', { name: 'Phase One: Core control and breathing' })).toBeVisible();

  // A phase page is rendered per viewer: a coach who hides the question still sees it, marked; the member does not.
  await coach.goto('/programme/phase-one');
  await coach.getByRole('article').filter({ hasText: text }).getByRole('button', { name: 'Hide' }).click();
  await expect(coach.getByRole('article').filter({ hasText: text }).getByText('Hidden from members')).toBeVisible();
  await member.reload();
  await expect(member.locator('#comments')).toBeVisible();
  await expect(member.getByText(text)).toHaveCount(0);
});

test('authors edit their comment ("edited" shown) and delete it, keeping replies in place', async ({ browser }) => {
  const text = `My first thought (${Date.now()})`;
  const reader = await (await browser.newContext()).newPage();
  await signInAs(reader, 'reader@steadyspine.example', 'demo-reader-pass');
  await reader.goto('/articles/why-your-lower-back-is-stiff');
  await postTopLevel(reader, text);
  const mine = reader.getByRole('article').filter({ hasText: text });
  await mine.getByRole('button', { name: 'Edit your comment' }).click();
  await reader.getByLabel('Edit your comment').fill(`${text}, now clearer`);
  await reader.getByRole('button', { name: 'Save' }).click();
  const edited = reader.getByRole('article').filter({ hasText: 'now clearer' });
  await expect(edited.getByText('(edited)')).toBeVisible();

  const coach = await (await browser.newContext()).newPage();
  await signInAs(coach, 'maya@steadyspine.example', 'demo-coach-pass');
  await coach.goto('/articles/why-your-lower-back-is-stiff');
  await coach.getByRole('article').filter({ hasText: 'now clearer' }).getByRole('button', { name: /Reply to comment by Riley Reader/ }).click();
  await coach.getByLabel('Reply to Riley Reader').fill('Good question: stiffness in the morning is common.');
  await coach.getByRole('button', { name: 'Post reply' }).click();
  await expect(coach.getByText('Good question: stiffness in the morning is common.')).toBeVisible();

  reader.once('dialog', (d) => d.accept());
  await reader.reload();
  await reader.getByRole('article').filter({ hasText: 'now clearer' }).getByRole('button', { name: 'Delete' }).click();
  await expect(reader.getByText('now clearer')).toHaveCount(0);
  await expect(reader.locator('#comments p', { hasText: '[deleted]' })).toHaveCount(1);
  await expect(reader.getByText('Good question: stiffness in the morning is common.')).toBeVisible();
});

test('a long thread shows its first comments, loads the rest in place by keyboard, and shows its author a new comment at once', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  const article = '/articles/understanding-your-mri-report'; // the demo's busy thread
  await page.goto(article);
  const thread = page.locator('#comments');
  const total = Number(/\((\d+)\)/.exec((await thread.getByRole('heading', { level: 2 }).textContent()) ?? '')?.[1]);
  const shown = thread.locator('li[id^="comment-"]');
  const showMore = thread.getByRole('button', { name: /^Show \d+ (more )?(comments?|repl(y|ies))/ });
  const firstRender = await shown.count();
  expect(firstRender).toBe(50);
  expect(total).toBeGreaterThan(firstRender);
  // The buttons account for every comment the first render left out.
  const promised = (await showMore.allTextContents()).reduce((sum, label) => sum + Number(/Show (\d+)/.exec(label)![1]), 0);
  expect(firstRender + promised).toBe(total);

  // By keyboard: focus moves to the first comment the button brought.
  const before = new Set(await shown.evaluateAll((items) => items.map((li) => li.id)));
  await showMore.last().focus();
  await page.keyboard.press('Enter');
  const focused = page.locator('li[id^="comment-"] > article:focus');
  await expect(focused).toHaveCount(1);
  expect(before.has(await focused.evaluate((a) => a.parentElement!.id))).toBe(false);
  while ((await showMore.count()) > 0) {
    await showMore.first().click();
    await expect(thread.getByRole('button', { name: 'Loading…' })).toHaveCount(0);
  }
  await expect(shown).toHaveCount(total);
  expect(new Set(await shown.evaluateAll((items) => items.map((li) => li.id))).size).toBe(total);
  await expectNoAxeViolations(page, 'long thread, all loaded', '#comments');

  // A new question goes to the end of the thread, past the first render: its author sees it at once.
  const text = `What does “loss of lordosis” mean on my report? (${Date.now()})`;
  const reader = await (await browser.newContext()).newPage();
  await signInAs(reader, 'reader@steadyspine.example', 'demo-reader-pass');
  await reader.goto(article);
  await postTopLevel(reader, text);
  const copy = reader.getByTestId('just-posted');
  await expect(copy.getByText(text)).toBeVisible();
  await expect(copy.getByRole('heading', { name: /Riley Reader/ })).toBeVisible();
  // Loading the rest of the thread brings the real one, and the copy goes.
  while ((await reader.locator('#comments').getByRole('button', { name: /^Show \d+/ }).count()) > 0) {
    await reader.locator('#comments').getByRole('button', { name: /^Show \d+/ }).first().click();
    await expect(reader.locator('#comments').getByRole('button', { name: 'Loading…' })).toHaveCount(0);
  }
  await expect(reader.locator('#comments li[id^="comment-"]').filter({ hasText: text })).toHaveCount(1);
  await expect(copy).toHaveCount(0);
});
