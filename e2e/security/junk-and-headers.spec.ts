// Junk requests and response headers, probed against the production-mode server: made-up
// article and episode slugs answer 404 and leave nothing in Next's page cache on disk,
// and every page type carries a strict Content-Security-Policy and refuses framing.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { isMembers, rawArticles, rawEpisodes } from '../../tests/helpers/content-text';

const PAGE_CACHE = path.join(process.cwd(), '.next', 'server', 'app');

/** Every file under the page-cache folders of articles and episodes, with its size. */
function pageCacheFiles(): Map<string, number> {
  const files = new Map<string, number>();
  const visit = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else files.set(path.relative(PAGE_CACHE, full), fs.statSync(full).size);
    }
  };
  visit(path.join(PAGE_CACHE, 'articles'));
  visit(path.join(PAGE_CACHE, 'podcast'));
  return files;
}

test('a crawler trying made-up slugs gets 404s and leaves nothing in the page cache', async ({ request }) => {
  const article = rawArticles().find((a) => !isMembers(a))!.slug;
  const episode = rawEpisodes().find((e) => !isMembers(e))!.slug;
  // Real pages first, so their own cache entries exist before the count.
  expect((await request.get(`/articles/${article}`)).status()).toBe(200);
  expect((await request.get(`/podcast/${episode}`)).status()).toBe(200);
  const before = pageCacheFiles();
  const tag = `${Date.now().toString(36)}-${process.pid}`;
  for (let i = 0; i < 40; i++) {
    for (const url of [`/articles/junk-${tag}-${i}`, `/podcast/junk-${tag}-${i}`, `/articles/junk-${tag}-${i}/opengraph-image`, `/articles/page`]) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(404);
      if (i === 0 && !url.includes('opengraph')) expect(await response.text(), url).toContain('We could not find that page');
    }
  }
  const after = pageCacheFiles();
  const added = [...after.keys()].filter((file) => !before.has(file));
  expect(added, 'page-cache files written by junk slugs').toEqual([]);
  // The real pages and the feed beside the episode pages still answer.
  expect((await request.get(`/articles/${article}`)).status()).toBe(200);
  expect((await request.get('/podcast/feed.xml')).status()).toBe(200);
});

test('every page type refuses framing and runs only the site’s own scripts', async ({ request }) => {
  const article = rawArticles().find((a) => !isMembers(a))!.slug;
  const episode = rawEpisodes().find((e) => !isMembers(e))!.slug;
  for (const url of ['/', `/articles/${article}`, `/podcast/${episode}`, '/articles', '/search?q=back', '/pricing', '/sign-in', '/sign-up', '/reset-password', '/no-such-page', '/%ff']) {
    const response = await request.get(url, { maxRedirects: 0 });
    const policy = response.headers()['content-security-policy'] ?? '';
    expect(policy, `${url} has a policy`).toMatch(/script-src 'self'( '(nonce|sha256)-[^']+')*;/);
    expect(policy.split(';').find((d) => d.includes('script-src')), url).not.toContain('unsafe');
    expect(policy, url).toContain("frame-ancestors 'none'");
    expect(response.headers()['x-frame-options'], url).toBe('DENY');
    // The production server's SITE_URL is http, so no HSTS (an https site gets it: unit-tested).
    expect(response.headers()['strict-transport-security'], url).toBeUndefined();
  }
});
