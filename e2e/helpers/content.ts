// Reads the content files the way an author wrote them, so the e2e suite checks the
// site against the source instead of against hard-coded copies of it.
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';

const root = path.join(process.cwd(), 'content');

export interface SourceFile {
  slug: string;
  data: Record<string, unknown>;
  body: string;
}

function read(folder: string): SourceFile[] {
  const dir = path.join(root, folder);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => {
      const { data, content } = matter(fs.readFileSync(path.join(dir, f), 'utf8'));
      return { slug: f.replace(/\.mdx$/, ''), data, body: content };
    });
}

export const articles = () => read('articles');
export const episodes = () => read('podcast');

/** A plain sentence (no markdown syntax) of at least 8 words from a block of MDX. */
export function plainSentences(mdx: string): string[] {
  return mdx
    .split('\n')
    .filter((line) => /^[A-Z][^*_`[\]<>{}|#!]*$/.test(line.trim()))
    .flatMap((line) => line.trim().split(/(?<=[.!?])\s+/))
    .filter((s) => s.split(/\s+/).length >= 8 && /[.!?]$/.test(s));
}

export function premiumPart(article: SourceFile): string {
  const [, premium = ''] = article.body.split(/^\s*<PreviewEnds \/>\s*$/m);
  return premium;
}
