// Axe (WCAG 2.1 A/AA and best practice) on the variants of the page types that the walk of
// every page type (e2e/visual.spec.ts: axe on every page type per role on a phone, and on
// the first of each walk on a desktop) does not open: a second listing page, an article
// with its episode, what a visitor sees of members-only content, a search with no results,
// the email link page, the outbox, and the pricing page of someone already a member.
import { test } from '@playwright/test';
import { expectNoAxeViolations, signInAs } from './helpers';
import { isMembers, rawArticles, rawEpisodes } from '../tests/helpers/content-text';

const membersArticle = rawArticles().find(isMembers)!.slug;
const publicArticle = rawArticles().find((a) => !isMembers(a) && a.data.episode)!.slug;
const publicEpisode = rawEpisodes().find((e) => !isMembers(e))!.slug;
const membersEpisode = rawEpisodes().find(isMembers)!.slug;

const pages = {
  'articles page 2': '/articles/page/2',
  'article with its episode': `/articles/${publicArticle}`,
  'members-only article': `/articles/${membersArticle}`,
  'another episode': `/podcast/${publicEpisode}`,
  'members-only episode': `/podcast/${membersEpisode}`,
  'search, no results': '/search?q=zzqxv',
  'confirm email': '/verify-email?token=x',
  outbox: '/dev/outbox',
};

test('page variants a visitor meets have no accessibility violations', async ({ page }) => {
  test.setTimeout(30_000 + Object.keys(pages).length * 20_000);
  for (const [name, path] of Object.entries(pages)) {
    await page.goto(path);
    await expectNoAxeViolations(page, name);
  }
});

test('the pricing page of a subscribed member has no accessibility violations', async ({ page }) => {
  await signInAs(page, 'member@steadyspine.example', 'demo-member-pass');
  await page.goto('/pricing');
  await expectNoAxeViolations(page, '/pricing as a member');
});
