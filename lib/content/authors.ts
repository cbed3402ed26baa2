import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { CONTENT_DIR, ContentError, memoizeInProduction } from './load-collection';
import { authorsFileSchema, type Author } from './schema';

export type { Author };

export const getAuthors = memoizeInProduction((): Map<string, Author> => {
  const file = path.join(CONTENT_DIR, 'authors.json');
  const relative = path.relative(process.cwd(), file);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ContentError(relative, [`cannot read authors: ${(error as Error).message}`]);
  }
  const parsed = authorsFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ContentError(relative, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return new Map(parsed.data.map((a) => [a.slug, a]));
});

export function getAuthor(slug: string): Author | undefined {
  return getAuthors().get(slug);
}
