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

export async function searchContent(query: string, page = 1, db: PrismaClient = getDb()): Promise<SearchResults> {
  await ensureSearchIndex(db);
  if (!query) return { query, total: 0, page, hits: [] };
  const offset = (page - 1) * RESULTS_PER_PAGE;
  // websearch_to_tsquery accepts any user input ("quotes", or, -minus) without syntax errors.
  const rows = await db.$queryRaw<
    { kind: 'article' | 'episode'; url: string; title: string; snippet: string; published: Date; total: bigint }[]
  >`
    SELECT d.kind, d.url, d.published,
      ts_headline('english', d.title, q, ${headlineOptions('HighlightAll=true')}) AS title,
      ts_headline('english', d.description || ' ' || d.body, q, ${headlineOptions('MaxFragments=2, MaxWords=28, MinWords=10, FragmentDelimiter=" … "')}) AS snippet,
      count(*) OVER () AS total
    FROM "SearchDocument" d, websearch_to_tsquery('english', ${query}) q
    WHERE d."searchVector" @@ q
    ORDER BY ts_rank_cd(d."searchVector", q) DESC, d.published DESC
    LIMIT ${RESULTS_PER_PAGE} OFFSET ${offset}`;
  return {
    query,
    page,
    total: rows.length > 0 ? Number(rows[0].total) : 0,
    hits: rows.map((r) => ({ kind: r.kind, url: r.url, published: r.published, title: splitHighlights(r.title), snippet: splitHighlights(r.snippet) })),
  };
}
