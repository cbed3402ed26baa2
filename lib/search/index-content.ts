// Builds the full-text index from content. Only public text goes in: a members-only
// article contributes its preview, a members-only episode its show notes.
import crypto from 'node:crypto';
import type { PrismaClient } from '@/lib/db/generated/client';
import { publicTextOf } from '@/lib/content/access';
import { getAllArticles, type Article } from '@/lib/content/articles';
import { getAllEpisodes, type Episode } from '@/lib/podcast/episodes';
import { HIGHLIGHT_END, HIGHLIGHT_START } from './highlight';

export interface SearchDocumentInput {
  id: string;
  kind: 'article' | 'episode';
  slug: string;
  url: string;
  title: string;
  description: string;
  body: string;
  published: Date;
}

const STATE_KEY = 'search-index-content-hash';

/** Our highlight markers must never occur in indexed text, or highlighting could be forged. */
function clean(text: string): string {
  return text.replaceAll(HIGHLIGHT_START, '').replaceAll(HIGHLIGHT_END, '').replace(/\0/g, '');
}

function toDocument(item: Article | Episode): SearchDocumentInput {
  return {
    id: `${item.kind}:${item.slug}`,
    kind: item.kind,
    slug: item.slug,
    url: item.url,
    title: clean(item.title),
    description: clean(item.description),
    body: clean(publicTextOf(item)),
    published: item.published,
  };
}

export function buildSearchDocuments(): SearchDocumentInput[] {
  return [...getAllArticles(), ...getAllEpisodes()].map(toDocument);
}

/**
 * Replaces the index when the content changed since it was last built. Returns whether it
 * did. Instances starting together each try: a transaction-level advisory lock lets one
 * rebuild while the others wait, then find the hash current and leave the index alone
 * (without it the second insert met the first one's rows and failed the instance's start).
 */
export async function syncSearchIndex(db: PrismaClient, documents = buildSearchDocuments()): Promise<boolean> {
  const hash = crypto.createHash('sha256').update(JSON.stringify(documents)).digest('hex');
  const current = async (reader: Pick<PrismaClient, 'systemState'>) => (await reader.systemState.findUnique({ where: { key: STATE_KEY } }))?.value === hash;
  if (await current(db)) return false;
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${STATE_KEY}, 0))`;
    if (await current(tx)) return false;
    await tx.searchDocument.deleteMany();
    await tx.searchDocument.createMany({ data: documents });
    await tx.systemState.upsert({ where: { key: STATE_KEY }, create: { key: STATE_KEY, value: hash }, update: { value: hash } });
    return true;
  });
}
