import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/db/generated/client';
import { buildSearchDocuments, syncSearchIndex } from '@/lib/search/index-content';
import { MAX_QUERY_LENGTH, RESULTS_PER_PAGE, searchContent, searchQuerySchema, type SearchHit } from '@/lib/search/search-content';
import { CONTENT_ROOT, normalize, premiumOnlySentences, publicCorpus, rawArticles, rawEpisodes } from '../helpers/content-text';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/database';

let db: TestDatabase;
let prisma: PrismaClient;
let firstSync: boolean;

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = db.connection.prisma;
  firstSync = await syncSearchIndex(prisma);
});
afterAll(async () => {
  await db?.drop();
});

const joined = (parts: SearchHit['title']) => parts.map((p) => p.text).join('');
const matches = (parts: SearchHit['title']) => parts.filter((p) => p.match).map((p) => p.text.toLowerCase());
const search = (q: string, page = 1) => searchContent(q, page, prisma);
const countFiles = (folder: string) => fs.readdirSync(path.join(CONTENT_ROOT, folder)).filter((f) => f.endsWith('.mdx')).length;

describe(`search index on ${testDatabaseKind()}`, () => {
  it('indexes every article and episode on a fresh database, and skips an unchanged rebuild', async () => {
    expect(firstSync).toBe(true);
    const rows = await prisma.searchDocument.count();
    expect(rows).toBe(countFiles('articles') + countFiles('podcast'));
    const [{ missing }] = await prisma.$queryRaw<{ missing: bigint }[]>`
      SELECT count(*) AS missing FROM "SearchDocument" WHERE "searchVector" IS NULL OR "searchVector" = ''::tsvector`;
    expect(Number(missing)).toBe(0);
    expect(await syncSearchIndex(prisma)).toBe(false);
    expect(await prisma.searchDocument.count()).toBe(rows);
  });

  it('rebuilds when the content changes, and only then', async () => {
    const documents = buildSearchDocuments();
    const changed = documents.map((d, i) => (i === 0 ? { ...d, title: `${d.title} (revised)` } : d));
    expect(await syncSearchIndex(prisma, changed)).toBe(true);
    expect((await prisma.searchDocument.findUniqueOrThrow({ where: { id: documents[0].id } })).title).toMatch(/\(revised\)$/);
    expect(await syncSearchIndex(prisma, changed)).toBe(false);
    expect(await syncSearchIndex(prisma)).toBe(true);
    expect((await prisma.searchDocument.findUniqueOrThrow({ where: { id: documents[0].id } })).title).toBe(documents[0].title);
    expect(await syncSearchIndex(prisma)).toBe(false);
  });

  it('stores no premium text in the index', async () => {
    const premium = premiumOnlySentences();
    expect(premium.length).toBeGreaterThan(50);
    const rows = await prisma.searchDocument.findMany();
    const indexed = rows.map((r) => normalize(`${r.title} ${r.description} ${r.body}`)).join(' | ');
    expect(premium.filter((p) => indexed.includes(p.normalized)).map((p) => `${p.source}: ${p.sentence}`)).toEqual([]);
    // Members-only items are still there with their public part.
    for (const id of ['article:hip-mobility-routine', 'episode:walking-as-medicine']) {
      const row = rows.find((r) => r.id === id);
      expect(row?.body.length, id).toBeGreaterThan(100);
    }
  });
});

describe(`searchContent on ${testDatabaseKind()}`, () => {
  it('finds a phrase from a public article and highlights it', async () => {
    const raw = rawArticles().find((a) => a.slug === 'why-your-lower-back-is-stiff')!;
    expect(raw.body).toContain('rusty gate');
    const results = await search('"rusty gate"');
    expect(results.total).toBe(1);
    const [hit] = results.hits;
    expect(hit.url).toBe('/articles/why-your-lower-back-is-stiff');
    expect(hit.kind).toBe('article');
    expect(matches(hit.snippet)).toEqual(expect.arrayContaining(['rusty', 'gate']));
    expect(normalize(joined(hit.snippet))).toContain('rusty gate');
    expect(joined(hit.title)).toBe(raw.data.title);
  });

  it('highlights matches in titles without changing the title text', async () => {
    const results = await search('sciatica');
    const hit = results.hits.find((h) => h.url === '/articles/sciatica-myths');
    expect(hit).toBeDefined();
    expect(matches(hit!.title)).toContain('sciatica');
    expect(joined(hit!.title)).toBe(rawArticles().find((a) => a.slug === 'sciatica-myths')!.data.title);
    expect(hit!.published).toBeInstanceOf(Date);
  });

  it('stems words: "stiffness" finds and highlights "stiff"', async () => {
    const titled = [...rawArticles(), ...rawEpisodes()].filter((f) => /\bstiff\b/i.test(String(f.data.title)) && !/stiffness/i.test(String(f.data.title)));
    expect(titled.length).toBeGreaterThan(0);
    const results = await search('stiffness');
    for (const file of titled) {
      const hit = results.hits.find((h) => h.url.endsWith(`/${file.slug}`));
      expect(hit, file.slug).toBeDefined();
      expect(matches(hit!.title), file.slug).toContain('stiff');
    }
  });

  it('ranks title matches first and pages through results', async () => {
    const first = await search('back');
    expect(first.total).toBeGreaterThan(RESULTS_PER_PAGE);
    expect(first.hits).toHaveLength(RESULTS_PER_PAGE);
    const second = await search('back', 2);
    expect(second.total).toBe(first.total);
    expect(second.hits).toHaveLength(Math.min(RESULTS_PER_PAGE, first.total - RESULTS_PER_PAGE));
    const urls = [...first.hits, ...second.hits].map((h) => h.url);
    expect(new Set(urls).size).toBe(urls.length);
    const beyond = await search('back', 50);
    expect(beyond.hits).toEqual([]);
  });

  it('finds members-only items by their public preview', async () => {
    const results = await search('hip mobility routine');
    expect(results.hits.map((h) => h.url)).toContain('/articles/hip-mobility-routine');
  });

  it('finds nothing for text that only members can read', async () => {
    expect(publicCorpus()).not.toContain('adductor');
    expect(rawArticles().some((a) => a.body.toLowerCase().includes('adductor'))).toBe(true);
    expect((await search('adductor')).total).toBe(0);

    // Long sentences: a short one can shrink to a common phrase once stop words are dropped.
    const premium = premiumOnlySentences(12);
    const bySource = new Map<string, string[]>();
    for (const p of premium) bySource.set(p.source, [...(bySource.get(p.source) ?? []), p.sentence]);
    expect(bySource.size).toBeGreaterThanOrEqual(4);
    for (const [source, sentences] of bySource) {
      for (const sentence of sentences.slice(0, 3)) {
        const results = await search(`"${sentence.replace(/"/g, '')}"`);
        expect(results.hits.map((h) => h.url), `${source}: ${sentence}`).toEqual([]);
      }
    }
  });

  it('finds a whole public sentence quoted the same way (control for the check above)', async () => {
    const sentence = 'Stiffness is not only a mechanical feeling.';
    expect(rawArticles().find((a) => a.slug === 'why-your-lower-back-is-stiff')!.body).toContain(sentence);
    const results = await search(`"${sentence}"`);
    expect(results.hits.map((h) => h.url)).toContain('/articles/why-your-lower-back-is-stiff');
  });

  it('returns no results for an empty query', async () => {
    expect(await search('')).toEqual({ query: '', total: 0, page: 1, hits: [] });
  });

  it.each([
    ['"unclosed'],
    ['((( ))) &|!'],
    ['OR'],
    ['-'],
    ['!!!'],
    [':*'],
    ["back' OR '1'='1"],
    ["'; DROP TABLE \"User\"; --"],
    ['"; DROP TABLE "SearchDocument"; --'],
    ['$1 $2 ? %s'],
    ['\\'],
    ['the and of'],
    ['⟦back⟧ pain'],
    ['a'.repeat(MAX_QUERY_LENGTH)],
    [Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ').slice(0, MAX_QUERY_LENGTH)],
  ])('never throws for %j, through the schema or directly', async (q) => {
    const parsed = searchQuerySchema.parse({ q });
    const viaSchema = await search(parsed.q);
    expect(viaSchema.total).toBeGreaterThanOrEqual(0);
    expect(viaSchema.hits.length).toBe(Math.min(viaSchema.total, RESULTS_PER_PAGE));
    const direct = await search(q);
    expect(direct.total).toBeGreaterThanOrEqual(0);
  });

  it('cannot inject SQL: the User and SearchDocument tables are still there and unchanged', async () => {
    await prisma.user.create({ data: { email: 'probe@example.com' } });
    const before = await prisma.searchDocument.count();
    for (const q of ["'; DROP TABLE \"User\"; --", "x'); DELETE FROM \"SearchDocument\"; --", "') OR 1=1 --"]) await search(q);
    expect(await prisma.user.count()).toBe(1);
    expect(await prisma.searchDocument.count()).toBe(before);
  });

  it('never treats highlight markers in a query as markup', async () => {
    const { q } = searchQuerySchema.parse({ q: '⟦⟦sciatica⟧⟧' });
    expect(q).toBe('sciatica');
    const results = await search(q);
    for (const hit of results.hits) for (const part of [...hit.title, ...hit.snippet]) expect(part.text).not.toMatch(/[⟦⟧]/);
  });
});

describe('searchQuerySchema', () => {
  it(`accepts ${MAX_QUERY_LENGTH} characters and rejects more with a clear message`, () => {
    expect(searchQuerySchema.safeParse({ q: 'a'.repeat(MAX_QUERY_LENGTH) }).success).toBe(true);
    const result = searchQuerySchema.safeParse({ q: 'a'.repeat(MAX_QUERY_LENGTH + 1) });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].message).toBe(`Please use at most ${MAX_QUERY_LENGTH} characters.`);
  });

  it('counts length after trimming and collapsing whitespace', () => {
    const padded = `   ${'a'.repeat(MAX_QUERY_LENGTH)}   `;
    expect(searchQuerySchema.parse({ q: padded }).q).toBe('a'.repeat(MAX_QUERY_LENGTH));
  });

  it('strips control characters and collapses whitespace', () => {
    expect(searchQuerySchema.parse({ q: '  lower\u0000back\u0007\tpain\r\n\u001f\u007f ' }).q).toBe('lower back pain');
    expect(searchQuerySchema.parse({ q: 'a\u0000' }).q).not.toMatch(/[\u0000-\u001f\u007f]/);
  });

  it('falls back to page 1 for a bad page number', () => {
    expect(searchQuerySchema.parse({ q: 'x', page: '3' }).page).toBe(3);
    for (const page of ['0', '-1', 'abc', '1.5', '51', undefined]) expect(searchQuerySchema.parse({ q: 'x', page }).page, String(page)).toBe(1);
  });
});
