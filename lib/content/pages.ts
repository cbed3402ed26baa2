import 'server-only';
import path from 'node:path';
import { z } from 'zod';
import { CONTENT_DIR, memoizeInProduction, parseFile } from './load-collection';

const pageSchema = z.object({ title: z.string().min(1), description: z.string().min(1) }).strict();

/** Stand-alone pages written as MDX in content/ (e.g. content/about.mdx). */
export const getAboutPage = memoizeInProduction(() => {
  const { data, body } = parseFile(path.join(CONTENT_DIR, 'about.mdx'), pageSchema);
  return { ...data, body };
});
