import { expect, test } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const asArray = <T,>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

test('the articles feed parses and links to real pages', async ({ request }) => {
  const response = await request.get('/feed.xml');
  expect(response.headers()['content-type']).toContain('xml');
  const feed = parser.parse(await response.text());
  const items = asArray(feed.rss.channel.item);
  expect(items.length).toBeGreaterThanOrEqual(10);
  const page = await request.get(new URL(items[0].link).pathname);
  expect(page.status()).toBe(200);
});

test('the podcast feed parses and its enclosures serve HEAD and byte ranges', async ({ request }) => {
  const feed = parser.parse(await (await request.get('/podcast/feed.xml')).text());
  const channel = feed.rss.channel;
  expect(channel['itunes:image']['@href']).toMatch(/\.png$/);
  const items = asArray(channel.item);
  expect(items.length).toBeGreaterThan(0);
  for (const item of items) {
    const enclosure = item.enclosure;
    const path = new URL(enclosure['@url']).pathname;
    const head = await request.head(path);
    expect(head.status()).toBe(200);
    expect(head.headers()['content-length']).toBe(String(enclosure['@length']));
    expect(head.headers()['content-type']).toBe(enclosure['@type']);
    expect(head.headers()['accept-ranges']).toBe('bytes');
  }
  const path = new URL(items[0].enclosure['@url']).pathname;
  const partial = await request.get(path, { headers: { Range: 'bytes=100-199' } });
  expect(partial.status()).toBe(206);
  expect(partial.headers()['content-range']).toBe(`bytes 100-199/${items[0].enclosure['@length']}`);
  expect((await partial.body()).length).toBe(100);
  const artwork = await request.get(new URL(channel['itunes:image']['@href']).pathname);
  expect(artwork.headers()['content-type']).toBe('image/png');
});

test('sitemap and robots are served for search engines', async ({ request }) => {
  const sitemap = parser.parse(await (await request.get('/sitemap.xml')).text());
  const urls = asArray(sitemap.urlset.url).map((u: { loc: string }) => new URL(u.loc).pathname);
  expect(urls).toContain('/articles/why-your-lower-back-is-stiff');
  expect(urls).toContain('/podcast/morning-stiffness-explained');
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toMatch(/Sitemap: .*\/sitemap\.xml/);
  expect(robots).toContain('Disallow: /podcast/private/');
});
