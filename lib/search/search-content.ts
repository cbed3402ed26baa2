// Full-text search over articles and episodes, server side, in PostgreSQL.
import 'server-only';
import { z } from 'zod';
import { getDb } from '@/lib/db';
import type { PrismaClient } from '@/lib/db/generated/client';
import { HIGHLIGHT_END, HIGHLIGHT_START, splitHighlights, type HighlightedText } from './highlight';
import { syncSearchIndex } from './index-content';

export const MAX_QUERY_LENGTH = 200;
export const RESULTS_PER_PAGE = 10;

export const searchQuerySchema = z.object({
  q: z
    .string()
    .transform((s) => s.replace(/[\u0000-\u001f\u007f\u27e6\u27e7]/g, ' ').replace(/\s+/g, ' ').trim())
    .pipe(z.string().max(MAX_QUERY_LENGTH, `Please use at most ${MAX_QUERY_LENGTH} characters.`)),
  page: z.coerce.number().int().min(1).max(50).catch(1),
});

export interface SearchHit {
  kind: 'article' | 'episode';
  url: string;
  title: HighlightedText;
  snippet: HighlightedText;
  published: Date;
}

export interface SearchResults {
  query: string;
  total: number;
  page: number;
  hits: SearchHit[];
}

let indexReady: Promise<unknown> | undefined;

/** Builds the index once per process (and again if that attempt failed). */
export function ensureSearchIndex(db: PrismaClient = getDb()): Promise<unknown> {
  indexReady ??= syncSearchIndex(db).catch((error) => {
    indexReady = undefined;
    throw error;
  });
  return indexReady;
}

const headlineOptions = (extra: string) =>
  `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, ${extra}`;

/**
 * Results are a pure function of the query and the content, which only changes with a
 * deploy (a new process), so popular queries are answered from a small bounded cache.
 */
const CACHE_SIZE = 500;
const cache = new Map<string, SearchResults>();

/** `db` is for tests: passing one bypasses the cache, which belongs to the app's database. */
export async function searchContent(query: string, page = 1, db?: PrismaClient): Promise<SearchResults> {
  const client = db ?? getDb();
  if (db) {
    await syncSearchIndex(db);
    return query ? runSearch(query, page, db) : { query, total: 0, page, hits: [] };
  }
  await ensureSearchIndex(client);
  if (!query) return { query, total: 0, page, hits: [] };
  const key = `${page}:${query.toLowerCase()}`;
  const cached = cache.get(key);
  if (cached) {
    cache.delete(key); // re-insert: Map order is recency order
    cache.set(key, cached);
    return { ...cached, query };
  }
  const results = await runSearch(query, page, client);
  cache.set(key, results);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return results;
}

async function runSearch(query: string, page: number, db: PrismaClient): Promise<SearchResults> {
  const offset = (page - 1) * RESULTS_PER_PAGE;
  // websearch_to_tsquery accepts any user input ("quotes", or, -minus) without syntax
  // errors. Ranking and counting use the index only; ts_headline (the costly part: it
  // re-parses the text) runs just for the page of results shown.
  const rows = await db.$queryRaw<
    { kind: 'article' | 'episode'; url: string; title: string; snippet: string; published: Date; total: bigint }[]
  >`
    WITH q AS (SELECT websearch_to_tsquery('english', ${query}) AS query),
    matches AS (
      SELECT d.id, ts_rank_cd(d."searchVector", q.query) AS rank, count(*) OVER () AS total
      FROM "SearchDocument" d, q
      WHERE d."searchVector" @@ q.query
      ORDER BY rank DESC, d.published DESC
      LIMIT ${RESULTS_PER_PAGE} OFFSET ${offset}
    )
    SELECT d.kind, d.url, d.published, m.total,
      ts_headline('english', d.title, q.query, ${headlineOptions('HighlightAll=true')}) AS title,
      ts_headline('english', d.description || ' ' || d.body, q.query, ${headlineOptions('MaxFragments=2, MaxWords=28, MinWords=10, FragmentDelimiter=" … "')}) AS snippet
    FROM matches m JOIN "SearchDocument" d ON d.id = m.id, q
    ORDER BY m.rank DESC, d.published DESC`;
  return {
    query,
    page,
    total: rows.length > 0 ? Number(rows[0].total) : 0,
    hits: rows.map((r) => ({ kind: r.kind, url: r.url, published: r.published, title: splitHighlights(r.title), snippet: splitHighlights(r.snippet) })),
  };
}
