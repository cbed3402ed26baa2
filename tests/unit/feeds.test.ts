import fs from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildArticlesFeed } from '@/lib/feeds/articles-feed';
import { buildPodcastFeed } from '@/lib/podcast/public-feed';
import { buildPrivateFeed } from '@/lib/podcast/private-feed/feed';
import { cdata, escapeXml, rfc2822 } from '@/lib/feeds/xml';
import { CONTENT_ROOT, isMembers, normalize, premiumOnlySentences, rawArticles, rawEpisodes, roughText } from '../helpers/content-text';
import { createTempSite, validArticle, validEpisode, withSiteCwd, type TempSite } from '../helpers/temp-site';

const RFC_2822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/;
// Characters XML 1.0 does not allow anywhere in a document, escaped or not.
const FORBIDDEN_XML_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
// Apple Podcasts categories (podcasters.apple.com/support/1691-apple-podcasts-categories).
const APPLE_CATEGORIES: Record<string, string[]> = {
  'Health & Fitness': ['Alternative Health', 'Fitness', 'Medicine', 'Mental Health', 'Nutrition', 'Sexuality'],
  Education: ['Courses', 'How To', 'Language Learning', 'Self-Improvement'],
  Science: ['Astronomy', 'Chemistry', 'Earth Sciences', 'Life Sciences', 'Mathematics', 'Natural Sciences', 'Nature', 'Physics', 'Social Sciences'],
};
const AUDIO_TYPES: Record<string, string[]> = {
  '.mp3': ['audio/mpeg'],
  '.m4a': ['audio/x-m4a', 'audio/mp4'],
  '.mp4': ['audio/mp4'],
  '.aac': ['audio/aac'],
};

type XmlNode = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => name === 'item' || name === 'category' || name === 'itunes:category',
});

function expectWellFormed(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const bad = FORBIDDEN_XML_CHARS.exec(xml);
  expect(bad ? `U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${bad.index}: …${xml.slice(bad.index - 40, bad.index)}` : null).toBeNull();
}

function channelOf(xml: string): XmlNode & { item: XmlNode[] } {
  const channel = (parser.parse(xml) as { rss: { channel: XmlNode & { item?: XmlNode[] } } }).rss.channel;
  return { ...channel, item: channel.item ?? [] };
}

const text = (node: unknown): string => (typeof node === 'object' && node !== null ? String((node as XmlNode)['#text'] ?? '') : String(node ?? ''));
const attr = (node: unknown, name: string): string => String((node as XmlNode)[`@_${name}`] ?? '');

function expectAbsolute(url: string) {
  const parsed = new URL(url);
  expect(['http:', 'https:']).toContain(parsed.protocol);
}

/** All human-readable text of a feed: tags (including HTML inside CDATA) removed, normalized. */
function readableText(xml: string): string {
  return normalize(xml.replace(/<[^>]*>/g, ' '));
}

function secondsOf(duration: unknown): number {
  if (typeof duration === 'number') return duration;
  return String(duration)
    .split(':')
    .reduce((total, part) => total * 60 + Number(part), 0);
}

function dayOf(value: unknown): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
}

const premium = premiumOnlySentences();

/** The file an enclosure URL serves: episode audio, or the private feed's renew note. */
function enclosureFile(url: string): string {
  const pathname = decodeURIComponent(new URL(url).pathname);
  const privateAudio = /^\/media\/podcast\/private\/[A-Za-z0-9_-]{43}\/([^/]+)$/.exec(pathname);
  const fileName = privateAudio ? privateAudio[1] : pathname.replace(/^\/media\/podcast\//, '');
  if (fileName === 'renew-membership.mp3' || fileName === 'members-only-teaser.mp3') return path.join(CONTENT_ROOT, 'podcast', 'system', fileName);
  return path.join(CONTENT_ROOT, 'podcast', 'audio', fileName);
}

const episodeSlugOf = (item: XmlNode) => /^\/podcast\/([^/]+)$/.exec(new URL(text(item.link)).pathname)?.[1];

interface FeedExpectations {
  /** Episode slugs the feed must list with their own audio. */
  slugs: string[];
  /** Members-only episodes the public feed lists as trailers, without their audio. */
  teaserSlugs?: string[];
  selfPath: RegExp;
  /** A member's feed: their name in the title, kept out of directories. */
  memberName?: string;
  /** A lapsed member's feed: one "how to renew" item first. */
  renewItem?: boolean;
}

/** Apple Podcasts' required tags and types (podcasters.apple.com/support/823-podcast-requirements), for any of our feeds. */
function describeAppleRequirements(name: string, build: () => string, expected: FeedExpectations) {
  describe(`${name} (Apple Podcasts requirements)`, () => {
    const xml = build();
    const channel = channelOf(xml);
    const episodesOnDisk = rawEpisodes();
    const bySlug = new Map(episodesOnDisk.map((e) => [e.slug, e]));
    const isTeaser = (item: XmlNode) => text(item['itunes:episodeType']) === 'trailer';
    const episodeItems = channel.item.filter((item) => episodeSlugOf(item) !== undefined && !isTeaser(item));
    const teaserItems = channel.item.filter(isTeaser);

    it('is well-formed RSS 2.0 with the iTunes namespace', () => {
      expectWellFormed(xml);
      const rss = (parser.parse(xml) as { rss: XmlNode }).rss;
      expect(attr(rss, 'version')).toBe('2.0');
      expect(attr(rss, 'xmlns:itunes')).toBe('http://www.itunes.com/dtds/podcast-1.0.dtd');
    });

    it('has the required channel tags', () => {
      expect(text(channel.title).trim()).not.toBe('');
      expectAbsolute(text(channel.link));
      expect(text(channel.language)).toMatch(/^[a-z]{2}(-[a-z]{2})?$/i);
      expect(text(channel.description).trim().length).toBeGreaterThan(20);
      expect(text(channel['itunes:author']).trim()).not.toBe('');
      expect(text(channel['itunes:explicit'])).toMatch(/^(true|false)$/);
      const owner = channel['itunes:owner'] as XmlNode;
      expect(text(owner['itunes:email'])).toMatch(/^[^\s@]+@[^\s@]+\.[^\s@]+$/);
      expect(text(owner['itunes:name']).trim()).not.toBe('');
    });

    it(expected.memberName ? "carries the member's name and keeps itself out of directories" : 'is listed in directories', () => {
      if (expected.memberName) {
        expect(text(channel.title)).toContain(expected.memberName);
        expect(text(channel['itunes:block'])).toBe('Yes');
        expect(text(channel['podcast:locked'])).toBe('yes');
      } else {
        expect(channel['itunes:block']).toBeUndefined();
        expect(text(channel['podcast:locked'])).toBe('no');
      }
    });

    it('links a square 1400-3000 px PNG or JPEG as the show artwork, and it exists in public/', () => {
      const href = attr(channel['itunes:image'], 'href');
      expectAbsolute(href);
      expect(href).toMatch(/\.(png|jpe?g)$/);
      const file = path.join(process.cwd(), 'public', new URL(href).pathname);
      expect(fs.existsSync(file)).toBe(true);
      const bytes = fs.readFileSync(file);
      if (href.endsWith('.png')) {
        expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
        const width = bytes.readUInt32BE(16);
        const height = bytes.readUInt32BE(20);
        expect(width).toBe(height);
        expect(width).toBeGreaterThanOrEqual(1400);
        expect(width).toBeLessThanOrEqual(3000);
      } else {
        expect(bytes.readUInt16BE(0)).toBe(0xffd8);
      }
    });

    it('uses an Apple Podcasts category and subcategory', () => {
      const [category] = channel['itunes:category'] as XmlNode[];
      const main = attr(category, 'text');
      expect(Object.keys(APPLE_CATEGORIES)).toContain(main);
      const sub = category['itunes:category'] as XmlNode | XmlNode[] | undefined;
      for (const s of sub === undefined ? [] : Array.isArray(sub) ? sub : [sub]) expect(APPLE_CATEGORIES[main]).toContain(attr(s, 'text'));
    });

    it('declares itself with atom:link rel=self', () => {
      const self = channel['atom:link'] as XmlNode;
      expect(attr(self, 'rel')).toBe('self');
      expect(attr(self, 'type')).toBe('application/rss+xml');
      expectAbsolute(attr(self, 'href'));
      expect(new URL(attr(self, 'href')).pathname).toMatch(expected.selfPath);
    });

    it('lists exactly the expected episodes, newest first', () => {
      expect(episodeItems.map(episodeSlugOf).sort()).toEqual([...expected.slugs].sort());
      expect(teaserItems.map(episodeSlugOf).sort()).toEqual([...(expected.teaserSlugs ?? [])].sort());
      const listed = [...channel.item].filter((item) => episodeSlugOf(item) !== undefined);
      const dates = listed.map((item) => Date.parse(text(item.pubDate)));
      expect(dates).toEqual([...dates].sort((a, b) => b - a));
      expect(channel.item.length - listed.length).toBe(expected.renewItem ? 1 : 0);
    });

    it('gives every item a title, an absolute enclosure with the real byte length and a matching type', () => {
      expect(channel.item.length).toBeGreaterThan(0);
      for (const item of channel.item) {
        expect(text(item.title).trim()).not.toBe('');
        const enclosure = item.enclosure as XmlNode;
        const url = attr(enclosure, 'url');
        expectAbsolute(url);
        const onDisk = enclosureFile(url);
        expect(fs.existsSync(onDisk), url).toBe(true);
        expect(Number(attr(enclosure, 'length')), url).toBe(fs.statSync(onDisk).size);
        expect(AUDIO_TYPES[path.extname(onDisk)], url).toContain(attr(enclosure, 'type'));
        const head = fs.readFileSync(onDisk).subarray(0, 3);
        if (onDisk.endsWith('.mp3')) expect(head.toString('latin1') === 'ID3' || (head[0] === 0xff && (head[1] & 0xe0) === 0xe0), url).toBe(true);
        expect(['full', 'trailer', 'bonus']).toContain(text(item['itunes:episodeType']));
      }
    });

    it('gives every item a unique guid that is the same on the next build', () => {
      const guids = channel.item.map((item) => text(item.guid));
      expect(guids.every((g) => g.trim().length > 0)).toBe(true);
      expect(new Set(guids).size).toBe(guids.length);
      const again = channelOf(build()).item.map((item) => text(item.guid));
      expect(again).toEqual(guids);
      expect(build()).toBe(xml);
    });

    it('dates every item in RFC 2822, episodes with the day from the frontmatter', () => {
      for (const item of channel.item) expect(text(item.pubDate)).toMatch(RFC_2822);
      for (const item of episodeItems) {
        expect(new Date(text(item.pubDate)).toISOString().slice(0, 10)).toBe(dayOf(bySlug.get(episodeSlugOf(item)!)!.data.published));
      }
      expect(text(channel.lastBuildDate)).toMatch(RFC_2822);
    });

    it('gives every item an hh:mm:ss duration, for episodes equal to the frontmatter duration', () => {
      for (const item of channel.item) {
        expect(text(item['itunes:duration'])).toMatch(/^\d{2}:[0-5]\d:[0-5]\d$/);
        expect(text(item['itunes:explicit'])).toMatch(/^(true|false)$/);
      }
      for (const item of episodeItems) expect(secondsOf(text(item['itunes:duration']))).toBe(secondsOf(bySlug.get(episodeSlugOf(item)!)!.data.duration));
    });

    it('makes every link inside show notes absolute', () => {
      const html = channel.item.map((item) => text(item.description) + text(item['content:encoded'])).join('\n');
      const links = [...html.matchAll(/(?:href|src)="([^"]*)"/g)].map((m) => m[1]);
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) expectAbsolute(link);
    });

    if (expected.renewItem) {
      it('puts one "how to renew" item first, linking to the pricing page', () => {
        const [first] = channel.item;
        expect(episodeSlugOf(first)).toBeUndefined();
        expect(text(first.title)).toMatch(/membership has ended/i);
        expect(new URL(text(first.link)).pathname).toBe('/pricing');
        expect(text(first['itunes:episodeType'])).toBe('bonus');
      });
    }
  });
}

const allSlugs = rawEpisodes().map((e) => e.slug);
const publicSlugs = rawEpisodes().filter((e) => !isMembers(e)).map((e) => e.slug);
const FEED_TOKEN = 'T'.repeat(43);
const LAPSE = { date: new Date('2026-10-01T12:00:00Z'), known: true };

const membersSlugs = rawEpisodes().filter(isMembers).map((e) => e.slug);

describeAppleRequirements('public podcast feed', buildPodcastFeed, { slugs: publicSlugs, teaserSlugs: membersSlugs, selfPath: /^\/podcast\/feed\.xml$/ });
describeAppleRequirements('private feed of an entitled member', () => buildPrivateFeed({ token: FEED_TOKEN, memberName: 'Alex Member', entitled: true, lapse: LAPSE }), {
  slugs: allSlugs,
  selfPath: new RegExp(`^/podcast/private/${FEED_TOKEN}/feed\\.xml$`),
  memberName: 'Alex Member',
});
describeAppleRequirements('private feed after the membership lapsed', () => buildPrivateFeed({ token: FEED_TOKEN, memberName: 'Alex Member', entitled: false, lapse: LAPSE }), {
  slugs: publicSlugs,
  selfPath: new RegExp(`^/podcast/private/${FEED_TOKEN}/feed\\.xml$`),
  memberName: 'Alex Member',
  renewItem: true,
});

describe('premium episodes in the feeds', () => {
  const membersEpisodes = rawEpisodes().filter(isMembers);

  it('lists members-only episodes in the public feed only as trailers, never with their own audio', () => {
    const xml = buildPodcastFeed();
    const channel = channelOf(xml);
    expect(membersEpisodes.length).toBeGreaterThan(0);
    for (const e of membersEpisodes) {
      expect(xml).not.toContain((e.data.audio as { url: string }).url);
      expect(channel.item.some((item) => text(item.title) === e.data.title)).toBe(false);
      const teaser = channel.item.find((item) => text(item.title) === `${String(e.data.title)} (members only)`)!;
      expect(text(teaser['itunes:episodeType'])).toBe('trailer');
      expect(new URL(attr(teaser.enclosure, 'url')).pathname).toBe('/media/podcast/members-only-teaser.mp3');
      expect(text(teaser.description)).toContain('become a member');
    }
    expect(xml).not.toContain('/media/podcast/private/');
  });

  it('dates the renew item by the end of the subscription, and says no date when it is not known (a complimentary membership ran out)', () => {
    const renewOf = (lapse: { date: Date; known: boolean }) => channelOf(buildPrivateFeed({ token: FEED_TOKEN, memberName: 'Alex', entitled: false, lapse })).item[0];
    const known = renewOf(LAPSE);
    expect(text(known.description)).toContain('ended on 2026-10-01');
    expect(text(known.guid)).toBe('steady-spine:private:renew:2026-10-01');
    const unknown = renewOf({ date: new Date('2026-03-03T00:00:00Z'), known: false });
    expect(text(unknown.description)).toContain('membership has ended');
    expect(text(unknown.description)).not.toContain('2026-03-03');
    expect(text(unknown.guid)).toBe('steady-spine:private:renew:2026-03-03');
  });

  it("serves members-only audio in a member's feed only through their token, and public audio from its public address", () => {
    const channel = channelOf(buildPrivateFeed({ token: FEED_TOKEN, memberName: 'Alex', entitled: true, lapse: LAPSE }));
    for (const item of channel.item) {
      const slug = episodeSlugOf(item)!;
      const url = new URL(attr(item.enclosure, 'url')).pathname;
      if (membersEpisodes.some((e) => e.slug === slug)) expect(url).toMatch(new RegExp(`^/media/podcast/private/${FEED_TOKEN}/`));
      else expect(url).toMatch(/^\/media\/podcast\/[^/]+$/);
    }
  });
});

describe('articles feed', () => {
  const xml = buildArticlesFeed();
  const channel = channelOf(xml);
  const articlesOnDisk = rawArticles();

  it('is well-formed RSS 2.0 with the channel tags readers need', () => {
    expectWellFormed(xml);
    expect(text(channel.title).trim()).not.toBe('');
    expectAbsolute(text(channel.link));
    expect(text(channel.description).trim()).not.toBe('');
    expect(text(channel.language)).toMatch(/^[a-z]{2}(-[a-z]{2})?$/i);
    const self = channel['atom:link'] as XmlNode;
    expect(attr(self, 'rel')).toBe('self');
    expect(new URL(attr(self, 'href')).pathname).toBe('/feed.xml');
    expect(text(channel.lastBuildDate)).toMatch(RFC_2822);
  });

  it('lists every article, members-only ones included, with their public description', () => {
    const bySlug = new Map(articlesOnDisk.map((a) => [a.slug, a]));
    const slugs = channel.item.map((item) => new URL(text(item.link)).pathname.replace(/^\/articles\//, ''));
    expect([...slugs].sort()).toEqual([...bySlug.keys()].sort());
    for (const [i, item] of channel.item.entries()) {
      const raw = bySlug.get(slugs[i])!;
      expect(text(item.title)).toBe(raw.data.title);
      expect(text(item.description)).toContain(String(raw.data.description));
      if (isMembers(raw)) expect(text(item.description)).toMatch(/members/i);
      expect(text(item.pubDate)).toMatch(RFC_2822);
      expect(new Date(text(item.pubDate)).toISOString().slice(0, 10)).toBe(dayOf(raw.data.published));
    }
  });

  it('gives every item a unique guid that is the same on the next build', () => {
    const guids = channel.item.map((item) => text(item.guid));
    expect(new Set(guids).size).toBe(guids.length);
    expect(channelOf(buildArticlesFeed()).item.map((item) => text(item.guid))).toEqual(guids);
  });
});

describe('no premium text in any feed', () => {
  it('has premium-only sentences to look for (from premium parts and members-only transcripts)', () => {
    expect(premium.some((p) => p.source.startsWith('article:'))).toBe(true);
    expect(premium.some((p) => p.source.startsWith('episode:'))).toBe(true);
    expect(premium.length).toBeGreaterThan(50);
  });

  it.each([
    ['podcast feed', buildPodcastFeed],
    ['articles feed', buildArticlesFeed],
    ['private feed after a lapse', () => buildPrivateFeed({ token: FEED_TOKEN, memberName: 'Alex', entitled: false, lapse: LAPSE })],
  ])('%s contains none of them', (_, build) => {
    const readable = readableText(build());
    const leaked = premium.filter((p) => readable.includes(p.normalized));
    expect(leaked.map((p) => `${p.source}: ${p.sentence}`)).toEqual([]);
  });

  it('the check itself finds public sentences in the feeds (control)', () => {
    const readable = readableText(buildPodcastFeed() + buildArticlesFeed());
    // The show notes' first paragraph of every public episode, and every article description.
    for (const e of rawEpisodes().filter((x) => !isMembers(x))) expect(readable, e.slug).toContain(normalize(roughText(e.body.trim().split('\n')[0])));
    for (const a of rawArticles()) expect(readable).toContain(normalize(String(a.data.description)));
  });
});

describe('escapeXml, cdata and rfc2822', () => {
  const nasty = 'Q&A: <b>"Backs"</b> & \'spines\' ]]> end';

  it('round-trips text and attributes through an XML parser', () => {
    const doc = `<root><t>${escapeXml(nasty)}</t><a v="${escapeXml(nasty)}"/><c>${cdata(nasty)}</c></root>`;
    expectWellFormed(doc);
    const root = (parser.parse(doc) as { root: XmlNode }).root;
    expect(text(root.t)).toBe(nasty);
    expect(attr(root.a, 'v')).toBe(nasty);
    expect(text(root.c)).toBe(nasty);
  });

  it('keeps a CDATA section from being ended early by "]]>"', () => {
    const doc = `<c>${cdata('a]]>b]]>]]>c')}</c>`;
    expectWellFormed(doc);
    expect(text((parser.parse(doc) as { c: unknown }).c)).toBe('a]]>b]]>]]>c');
  });

  it('drops control characters XML forbids from escaped text', () => {
    const doc = `<t>${escapeXml('a\u0000b\u0007c\u000bd\te\nf')}</t>`;
    expectWellFormed(doc);
    expect(text((parser.parse(doc) as { t: unknown }).t)).toBe('abcd\te\nf');
  });

  it('drops control characters XML forbids from CDATA too', () => {
    expectWellFormed(`<c>${cdata('line one\u000bline two\u0007')}</c>`);
  });

  it('formats dates as RFC 2822 in UTC', () => {
    expect(rfc2822(new Date(Date.UTC(2026, 2, 2, 7, 5, 9)))).toBe('Mon, 02 Mar 2026 07:05:09 +0000');
    expect(rfc2822(new Date(Date.UTC(2026, 11, 31)))).toMatch(RFC_2822);
  });
});

describe('feeds built from awkward content', () => {
  let site: TempSite;
  beforeEach(() => {
    site = createTempSite();
  });
  afterEach(() => site.remove());

  const title = 'Q&A: <Backs> & "spines" ]]> it\'s fine';
  const description = 'Tom & Maya on <tags>, "quotes" and ]]> endings, which must not break the feed.';

  it('escapes titles and descriptions with & < > " and ]]> in both feeds', async () => {
    site.audio('fixture.mp3', 1234);
    site.episode('awkward', validEpisode({ title, description, audio: { url: 'fixture.mp3', length: 1234, type: 'audio/mpeg' } }), 'Show notes with ]]> inside, & an ampersand, and 1 < 2.');
    site.article('awkward-article', validArticle({ title, description }), 'Body.');
    const [podcast, articles] = await withSiteCwd(site, async () => [
      (await import('@/lib/podcast/public-feed')).buildPodcastFeed(),
      (await import('@/lib/feeds/articles-feed')).buildArticlesFeed(),
    ]);
    for (const xml of [podcast, articles]) {
      expectWellFormed(xml);
      const [item] = channelOf(xml).item;
      expect(text(item.title)).toBe(title);
    }
    const [episode] = channelOf(podcast).item;
    expect(text(episode['itunes:title'])).toBe(title);
    expect(text(episode.description)).toContain('Show notes with ]]');
    expect(Number(attr(episode.enclosure, 'length'))).toBe(1234);
    expect(text(channelOf(articles).item[0].description)).toBe(description);
  });

  it('stays well-formed when show notes contain a stray control character (e.g. a vertical tab pasted from a word processor)', async () => {
    site.audio('fixture.mp3', 1000);
    site.episode('pasted', validEpisode(), 'First line of the notes\u000bsecond line after a soft break.');
    const xml = await withSiteCwd(site, async () => (await import('@/lib/podcast/public-feed')).buildPodcastFeed());
    expect(channelOf(xml).item).toHaveLength(1);
    expectWellFormed(xml);
  });

  it("rebuilds a member's cached private feed when an episode is published or their entitlement or name changes, and only then", async () => {
    site.audio('fixture.mp3', 1000);
    site.audio('second.mp3', 2000);
    site.episode('first', validEpisode(), 'Notes.');
    fs.mkdirSync(path.join(site.root, 'content/podcast/system'), { recursive: true });
    fs.writeFileSync(path.join(site.root, 'content/podcast/system/renew-membership.mp3'), Buffer.alloc(500, 7));
    await withSiteCwd(site, async () => {
      const { cachedPrivateFeed } = await import('@/lib/podcast/private-feed/feed');
      const member = { token: FEED_TOKEN, memberName: 'Alex', entitled: true, lapse: LAPSE };
      const first = cachedPrivateFeed('feed-1', member);
      expect(first.fromCache).toBe(false);
      expect(cachedPrivateFeed('feed-1', member)).toMatchObject({ fromCache: true, etag: first.etag });
      // Another member's feed is their own entry.
      expect(cachedPrivateFeed('feed-2', { ...member, memberName: 'Sam' }).fromCache).toBe(false);

      site.episode('second', validEpisode({ title: 'Just published', number: 2, published: '2026-02-01', audio: { url: 'second.mp3', length: 2000, type: 'audio/mpeg' } }), 'Notes.');
      const published = cachedPrivateFeed('feed-1', member);
      expect(published.fromCache).toBe(false);
      expect(channelOf(published.xml).item.map((i) => text(i.title))).toContain('Just published');
      expect(published.etag).not.toBe(first.etag);

      const lapsed = cachedPrivateFeed('feed-1', { ...member, entitled: false });
      expect(lapsed.fromCache).toBe(false);
      expect(text(channelOf(lapsed.xml).item[0].title)).toMatch(/membership has ended/i);
      expect(cachedPrivateFeed('feed-1', member).fromCache).toBe(false);
      expect(cachedPrivateFeed('feed-1', { ...member, memberName: 'Alexandra' }).fromCache).toBe(false);
    });
  });

  it('links a remote https enclosure as it is', async () => {
    site.episode('remote', validEpisode({ audio: { url: 'https://cdn.example.com/ep1.mp3', length: 4321, type: 'audio/mpeg' } }), 'Notes.');
    const xml = await withSiteCwd(site, async () => (await import('@/lib/podcast/public-feed')).buildPodcastFeed());
    const [item] = channelOf(xml).item;
    expect(attr(item.enclosure, 'url')).toBe('https://cdn.example.com/ep1.mp3');
    expect(attr(item.enclosure, 'length')).toBe('4321');
  });

  it('lists a members-only episode as a trailer without its audio even when it is the newest', async () => {
    site.audio('fixture.mp3', 1000);
    fs.mkdirSync(path.join(site.root, 'content/podcast/system'), { recursive: true });
    fs.writeFileSync(path.join(site.root, 'content/podcast/system/members-only-teaser.mp3'), Buffer.alloc(300, 7));
    site.audio('secret.mp3', 1000);
    site.episode('public-one', validEpisode(), 'Public notes.');
    site.episode(
      'secret-one',
      validEpisode({ number: 2, published: '2026-02-01', access: 'members', audio: { url: 'secret.mp3', length: 1000, type: 'audio/mpeg' } }),
      'Teaser notes.',
    );
    const xml = await withSiteCwd(site, async () => (await import('@/lib/podcast/public-feed')).buildPodcastFeed());
    const channel = channelOf(xml);
    expect(channel.item.map((i) => text(i.link))).toEqual([expect.stringMatching(/\/podcast\/secret-one$/), expect.stringMatching(/\/podcast\/public-one$/)]);
    expect(text(channel.item[0]['itunes:episodeType'])).toBe('trailer');
    expect(Number(attr(channel.item[0].enclosure, 'length'))).toBe(300);
    expect(xml).not.toContain('secret.mp3');
    expect(new Date(text(channel.lastBuildDate)).toISOString().slice(0, 10)).toBe('2026-02-01');
  });
});
