import fs from 'node:fs';
import path from 'node:path';
import { compile } from '@mdx-js/mdx';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getAllArticles } from '@/lib/content/articles';
import { getAuthors } from '@/lib/content/authors';
import { ContentError, parseFile } from '@/lib/content/load-collection';
import { getAllEpisodes } from '@/lib/podcast/episodes';
import { articleFrontmatterSchema, episodeFrontmatterSchema } from '@/lib/content/schema';
import { excerpt, plainText, readingMinutes, tableOfContents } from '@/lib/content/text';
import { CONTENT_ROOT, isMembers, rawArticles, rawEpisodes, roughText, splitAtMarker } from '../helpers/content-text';
import { createTempSite, validArticle, validEpisode, withSiteCwd, type TempSite } from '../helpers/temp-site';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'content');
const fixture = (name: string) => path.join(FIXTURES, name);
const fixtureFile = (name: string) => path.relative(process.cwd(), fixture(name));

function parseError(name: string, schema: typeof articleFrontmatterSchema | typeof episodeFrontmatterSchema = articleFrontmatterSchema): ContentError {
  try {
    parseFile(fixture(name), schema);
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return error as ContentError;
  }
  throw new Error(`${name} parsed without an error`);
}

const wordsIn = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe('the real content/ folder', () => {
  const articles = getAllArticles();
  const episodes = getAllEpisodes();

  it('loads every article and episode file, with enough of each for the site', () => {
    const articleFiles = fs.readdirSync(path.join(CONTENT_ROOT, 'articles')).filter((f) => f.endsWith('.mdx'));
    const episodeFiles = fs.readdirSync(path.join(CONTENT_ROOT, 'podcast')).filter((f) => f.endsWith('.mdx'));
    expect(articles.length).toBeGreaterThanOrEqual(10);
    expect(episodes.length).toBeGreaterThanOrEqual(8);
    // Drafts are included outside production, so every file is loaded.
    expect(articles.map((a) => a.slug).sort()).toEqual(articleFiles.map((f) => f.replace(/\.mdx$/, '')).sort());
    expect(episodes.map((e) => e.slug).sort()).toEqual(episodeFiles.map((f) => f.replace(/\.mdx$/, '')).sort());
  });

  it('sorts articles and episodes newest first', () => {
    for (const list of [articles, episodes]) {
      const times = list.map((item) => item.published.getTime());
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect(new Set(times).size).toBeGreaterThan(1);
    }
  });

  it('takes the publication date from the frontmatter as a calendar day', () => {
    const raw = new Map(rawArticles().map((a) => [a.slug, a]));
    for (const a of articles) {
      const published = raw.get(a.slug)!.data.published;
      const day = published instanceof Date ? published.toISOString().slice(0, 10) : String(published);
      expect(a.published.toISOString().slice(0, 10), a.slug).toBe(day);
    }
  });

  it('resolves every author and linked episode', () => {
    const authors = getAuthors();
    expect(authors.size).toBeGreaterThan(0);
    for (const a of articles) expect(authors.get(a.author.slug), a.slug).toEqual(a.author);
    const linked = articles.filter((a) => a.episode);
    expect(linked.length).toBeGreaterThan(0);
    for (const a of linked) expect(episodes.map((e) => e.slug)).toContain(a.episode!.slug);
  });

  it('marks exactly the files with access: members as members-only, each with a non-empty premium part', () => {
    const membersOnDisk = rawArticles().filter(isMembers).map((a) => a.slug).sort();
    expect(membersOnDisk.length).toBeGreaterThan(0);
    const members = articles.filter((a) => a.access === 'members');
    expect(members.map((a) => a.slug).sort()).toEqual(membersOnDisk);
    for (const a of members) {
      expect(a.source.premium, a.slug).not.toBeNull();
      expect(wordsIn(plainText(a.source.premium!)), a.slug).toBeGreaterThan(100);
      expect(a.source.premium, a.slug).not.toContain('PreviewEnds');
      expect(a.source.preview, a.slug).not.toContain('PreviewEnds');
      expect(wordsIn(plainText(a.source.preview)), a.slug).toBeGreaterThan(20);
    }
    for (const a of articles.filter((x) => x.access === 'public')) expect(a.source.premium, a.slug).toBeNull();
  });

  it('gives members-only articles the reading time of the whole article, not of the preview', () => {
    const raw = new Map(rawArticles().map((a) => [a.slug, a]));
    for (const a of articles) {
      const { preview } = splitAtMarker(raw.get(a.slug)!.body);
      const wholeWords = wordsIn(roughText(raw.get(a.slug)!.body));
      expect(Math.abs(a.readingMinutes - wholeWords / 220), a.slug).toBeLessThanOrEqual(1);
      if (a.access === 'members') expect(a.readingMinutes, a.slug).toBeGreaterThan(wordsIn(roughText(preview)) / 220 + 1);
    }
  });

  it('reads members-only episode transcripts but keeps their show notes public-sized', () => {
    const members = episodes.filter((e) => e.access === 'members');
    expect(members.map((e) => e.slug).sort()).toEqual(rawEpisodes().filter(isMembers).map((e) => e.slug).sort());
    for (const e of members) {
      expect(e.transcript.length, e.slug).toBeGreaterThan(0);
      expect(e.showNotes.trim().length, e.slug).toBeGreaterThan(0);
    }
  });
});

describe('parseFile on bad frontmatter', () => {
  it('accepts a valid file and applies the defaults', () => {
    const parsed = parseFile(fixture('valid-article.mdx'), articleFrontmatterSchema);
    expect(parsed.slug).toBe('valid-article');
    expect(parsed.data.access).toBe('public');
    expect(parsed.data.draft).toBe(false);
    expect(parsed.data.published.toISOString()).toBe('2026-01-15T00:00:00.000Z');
    expect(parsed.body.trim()).toBe('Body text of the valid fixture.');
  });

  it('names the file and the missing title', () => {
    const error = parseError('missing-title.mdx');
    expect(error.file).toBe(fixtureFile('missing-title.mdx'));
    expect(error.message).toContain(fixtureFile('missing-title.mdx'));
    expect(error.message).toMatch(/^\s+- title: /m);
  });

  it('names the file and a published date that is not a date', () => {
    const error = parseError('bad-date.mdx');
    expect(error.message).toContain(fixtureFile('bad-date.mdx'));
    expect(error.message).toMatch(/^\s+- published: /m);
  });

  it('rejects an impossible calendar date instead of rolling it over (2026-02-30)', () => {
    const error = parseError('impossible-date.mdx');
    expect(error.message).toContain(fixtureFile('impossible-date.mdx'));
    expect(error.message).toMatch(/published/);
  });

  it('names an unknown extra key', () => {
    const error = parseError('unknown-key.mdx');
    expect(error.message).toContain(fixtureFile('unknown-key.mdx'));
    expect(error.message).toContain('subtitle');
  });

  it('names an invalid access value', () => {
    const error = parseError('bad-access.mdx');
    expect(error.message).toContain(fixtureFile('bad-access.mdx'));
    expect(error.message).toMatch(/^\s+- access: /m);
  });

  it('reports invalid YAML as a ContentError naming the file', () => {
    const error = parseError('invalid-yaml.mdx');
    expect(error.message).toContain(fixtureFile('invalid-yaml.mdx'));
    expect(error.message).toMatch(/not valid YAML/);
  });

  it('names nested fields: a cover path outside public/ and an empty alt text', () => {
    const error = parseError('bad-cover.mdx');
    expect(error.message).toMatch(/^\s+- cover\.src: /m);
    expect(error.message).toMatch(/^\s+- cover\.alt: /m);
  });

  it('rejects a file name that cannot become a URL', () => {
    const error = parseError('Bad_Name.mdx');
    expect(error.message).toContain(fixtureFile('Bad_Name.mdx'));
    expect(error.message).toMatch(/file name/);
  });

  it('names a malformed episode duration', () => {
    const error = parseError('bad-duration-episode.mdx', episodeFrontmatterSchema);
    expect(error.message).toContain(fixtureFile('bad-duration-episode.mdx'));
    expect(error.message).toMatch(/^\s+- duration: /m);
  });
});

describe('cross-file checks of the loaders', () => {
  let site: TempSite;
  beforeEach(() => {
    site = createTempSite();
  });
  afterEach(() => site.remove());

  async function loadArticles() {
    return withSiteCwd(site, async () => (await import('@/lib/content/articles')).getAllArticles());
  }
  async function loadEpisodes() {
    return withSiteCwd(site, async () => (await import('@/lib/podcast/episodes')).getAllEpisodes());
  }

  it('loads a well-formed site (the control for the cases below)', async () => {
    site.article('fine', validArticle({ access: 'members' }), 'Preview.\n\n<PreviewEnds />\n\nPremium.');
    site.audio('fixture.mp3', 1000);
    site.episode('fine-episode', validEpisode(), 'Notes.');
    const [article] = await loadArticles();
    expect(article.source).toEqual({ preview: expect.stringContaining('Preview.'), premium: expect.stringContaining('Premium.') });
    expect(article.file).toBe(path.join('content', 'articles', 'fine.mdx'));
    const [episode] = await loadEpisodes();
    expect(episode.audio.localFile).toBe('fixture.mp3');
  });

  it('refuses a members-only article without a preview marker (it would be public in full)', async () => {
    site.article('no-marker', validArticle({ access: 'members' }), 'All of this would be premium.');
    await expect(loadArticles()).rejects.toThrow(/content\/articles\/no-marker\.mdx[\s\S]*access: .*PreviewEnds/);
  });

  it('refuses a preview marker in a public article', async () => {
    site.article('stray-marker', validArticle(), 'Preview.\n\n<PreviewEnds />\n\nMore.');
    await expect(loadArticles()).rejects.toThrow(/stray-marker\.mdx[\s\S]*access: /);
  });

  it('refuses an unknown author and a cover that is not in public/', async () => {
    site.article('orphan', validArticle({ author: 'nobody', cover: { src: '/images/missing.svg', alt: 'x' } }), 'Body.');
    await expect(loadArticles()).rejects.toThrow(/author: no author "nobody"[\s\S]*cover\.src: \/images\/missing\.svg/);
  });

  it('refuses an audio length that differs from the file on disk', async () => {
    site.audio('fixture.mp3', 999);
    site.episode('wrong-length', validEpisode(), 'Notes.');
    await expect(loadEpisodes()).rejects.toThrow(/wrong-length\.mdx[\s\S]*audio\.length: 1000 but fixture\.mp3 is 999 bytes/);
  });

  it('accepts remote audio for a public episode but refuses it for a members-only one (it would be a public URL)', async () => {
    const remote = { url: 'https://cdn.example.com/ep.mp3', length: 1000, type: 'audio/mpeg' };
    site.episode('remote-public', validEpisode({ audio: remote }), 'Notes.');
    expect((await loadEpisodes()).map((e) => e.slug)).toContain('remote-public');
    site.episode('remote-members', validEpisode({ audio: remote, number: 2, access: 'members' }), 'Notes.');
    await expect(loadEpisodes()).rejects.toThrow(/remote-members\.mdx[\s\S]*members-only episode needs its audio in content\/podcast\/audio/);
  });

  it('refuses missing audio, an unsafe audio path and transcripts running backwards', async () => {
    site.episode('missing-audio', validEpisode({ audio: { url: 'nowhere.mp3', length: 10, type: 'audio/mpeg' } }), 'Notes.');
    await expect(loadEpisodes()).rejects.toThrow(/audio\.url: nowhere\.mp3 is not in content\/podcast\/audio/);
    fs.rmSync(path.join(site.root, 'content/podcast/missing-audio.mdx'));

    site.episode('traversal', validEpisode({ audio: { url: '../../package.json', length: 10, type: 'audio/mpeg' } }), 'Notes.');
    await expect(loadEpisodes()).rejects.toThrow(/traversal\.mdx[\s\S]*audio\.url: must be a file name/);
    fs.rmSync(path.join(site.root, 'content/podcast/traversal.mdx'));

    site.audio('fixture.mp3', 1000);
    const transcript = [
      { at: '00:30', speaker: 'Sam', text: 'Later line first.' },
      { at: '00:10', speaker: 'Sam', text: 'Earlier line second.' },
    ];
    site.episode('backwards', validEpisode({ transcript }), 'Notes.');
    await expect(loadEpisodes()).rejects.toThrow(/transcript\.1\.at: timestamps must not go backwards/);
  });

  it('refuses two episodes with the same season and number', async () => {
    site.audio('fixture.mp3', 1000);
    site.episode('first', validEpisode(), 'Notes.');
    site.episode('second', validEpisode(), 'Notes.');
    await expect(loadEpisodes()).rejects.toThrow(/number: season 1 episode 1 is also content\/podcast\/first\.mdx/);
  });
});

interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

const textOf = (node: HastNode): string => (node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map(textOf).join(''));

/** Headings of the page as MDX renders it (remark-gfm + rehype-slug, as lib/content/mdx.tsx). */
async function renderedHeadings(body: string) {
  const headings: { id: string; text: string; depth: number; topLevel: boolean }[] = [];
  const capture = () => (tree: HastNode) => {
    const walk = (node: HastNode, parent: HastNode | undefined) => {
      const rank = node.type === 'element' ? /^h([1-6])$/.exec(node.tagName ?? '') : null;
      if (rank) headings.push({ id: String(node.properties?.id), text: textOf(node), depth: Number(rank[1]), topLevel: parent === tree });
      for (const child of node.children ?? []) walk(child, node);
    };
    walk(tree, undefined);
  };
  await compile(body, { remarkPlugins: [remarkGfm], rehypePlugins: [rehypeSlug, capture] });
  return headings;
}

async function expectTocToMatchRenderedIds(body: string, label = '') {
  const rendered = await renderedHeadings(body);
  const expected = rendered.filter((h) => h.topLevel && (h.depth === 2 || h.depth === 3)).map(({ id, text, depth }) => ({ id, text, depth }));
  expect(tableOfContents(body), label).toEqual(expected);
  return expected.length;
}

describe('tableOfContents', () => {
  it('uses the ids rehype-slug gives the rendered headings of every real article (public view and full view)', async () => {
    let headings = 0;
    for (const a of getAllArticles()) {
      headings += await expectTocToMatchRenderedIds(a.source.preview, a.slug);
      if (a.source.premium) headings += await expectTocToMatchRenderedIds(`${a.source.preview}\n${a.source.premium}`, a.slug);
    }
    expect(headings).toBeGreaterThan(20);
  });

  it('matches rehype-slug for duplicates, punctuation, inline code and deeper headings', async () => {
    const body = fs.readFileSync(fixture('tricky-headings.mdx'), 'utf8');
    expect(await expectTocToMatchRenderedIds(body)).toBe(6);
    const ids = tableOfContents(body).map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('matches rehype-slug when a heading also appears inside a Callout or a blockquote', async () => {
    expect(await expectTocToMatchRenderedIds(fs.readFileSync(fixture('heading-in-callout.mdx'), 'utf8'))).toBe(2);
  });

  it('lists only ## and ### headings', () => {
    const toc = tableOfContents('# Title\n\n## Two\n\n### Three\n\n#### Four\n');
    expect(toc.map((e) => [e.text, e.depth])).toEqual([
      ['Two', 2],
      ['Three', 3],
    ]);
  });
});

describe('readingMinutes', () => {
  const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

  it('is at least one minute, even for an empty text', () => {
    expect(readingMinutes('')).toBe(1);
    expect(readingMinutes(words(10))).toBe(1);
  });

  it('reads 220 words a minute, rounded', () => {
    expect(readingMinutes(words(440))).toBe(2);
    expect(readingMinutes(words(1100))).toBe(5);
    expect(readingMinutes(words(2200))).toBe(10);
    expect(readingMinutes(words(1700))).toBe(8); // 7.7 minutes
  });

  it('counts words across newlines and runs of whitespace', () => {
    expect(readingMinutes(`${words(220)}\n\n\t  ${words(220)}`)).toBe(2);
  });
});

describe('excerpt', () => {
  const text =
    'Morning stiffness is common and usually harmless. Understanding why it happens takes a lot of the worry out of it, and a few minutes of gentle movement usually takes the edge off before breakfast.';

  it('returns a short text whole, with whitespace collapsed', () => {
    expect(excerpt('  Short   text,\n\tcollapsed.  ')).toBe('Short text, collapsed.');
    expect(excerpt(text, text.length)).toBe(text);
  });

  it('cuts a long text at a word boundary and marks the cut', () => {
    for (const max of [20, 57, 100, 150]) {
      const result = excerpt(text, max);
      expect(result.endsWith('…'), `max ${max}`).toBe(true);
      const kept = result.slice(0, -1);
      expect(kept.length).toBeLessThanOrEqual(max);
      expect(kept.length).toBeGreaterThan(max - 20);
      expect(text.startsWith(kept)).toBe(true);
      expect(text[kept.length], `max ${max}`).toBe(' ');
      expect(kept).not.toMatch(/\s$/);
    }
  });

  it('never ends mid-word on a real article', () => {
    const body = plainText(getAllArticles()[0].source.preview).replace(/\s+/g, ' ').trim();
    expect(body.length).toBeGreaterThan(500);
    const result = excerpt(body, 280);
    expect(result.endsWith('…')).toBe(true);
    const kept = result.slice(0, -1);
    expect(body.startsWith(kept)).toBe(true);
    expect(body[kept.length]).toBe(' ');
  });
});
