import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signInAs } from './helpers';
import { isMembers, rawArticles, rawEpisodes } from '../tests/helpers/content-text';

const membersArticle = rawArticles().find(isMembers)!.slug;
const publicArticle = rawArticles().find((a) => !isMembers(a) && a.data.episode)!.slug;
const publicEpisode = rawEpisodes().find((e) => !isMembers(e))!.slug;
const membersEpisode = rawEpisodes().find(isMembers)!.slug;

const pages = {
  home: '/',
  articles: '/articles',
  'articles page 2': '/articles/page/2',
  article: `/articles/${publicArticle}`,
  'article with a long comment thread': '/articles/understanding-your-mri-report',
  'members-only article': `/articles/${membersArticle}`,
  podcast: '/podcast',
  episode: `/podcast/${publicEpisode}`,
  'members-only episode': `/podcast/${membersEpisode}`,
  tag: '/tags/core',
  search: '/search?q=posture',
  'search, no results': '/search?q=zzqxv',
  about: '/about',
  pricing: '/pricing',
  'not found': '/no-such-page',
  'sign in': '/sign-in',
  'sign up': '/sign-up',
  'reset password': '/reset-password',
  'confirm email': '/verify-email?token=x',
  outbox: '/dev/outbox',
};

for (const [name, path] of Object.entries(pages)) {
  test(`${name} page has no accessibility violations`, async ({ page }) => {
    await page.goto(path);
    await expectNoAxeViolations(page, path);
  });
}

test('signed-in pages (account, staff, members) have no accessibility violations', async ({ page }) => {
  await signInAs(page, 'admin@steadyspine.example', 'demo-admin-pass');
  for (const path of ['/account', '/staff', '/staff/members']) {
    await page.goto(path);
    await expectNoAxeViolations(page, path);
  }
});

test('a subscribed member’s pages (account with membership, pricing, a full members-only article) have no accessibility violations', async ({ page }) => {
  await signInAs(page, 'member@steadyspine.example', 'demo-member-pass');
  for (const path of ['/account', '/pricing', '/articles/building-a-resilient-core']) {
    await page.goto(path);
    if (path.startsWith('/articles/')) await expect(page.getByTestId('members-part')).toBeVisible();
    await expectNoAxeViolations(page, path);
  }
});
