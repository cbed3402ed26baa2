// Show notes for podcast apps: markdown to plain HTML (no MDX components, no raw HTML),
// with site-relative links made absolute.
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { absoluteUrl } from '@/lib/site';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify);

export function markdownToFeedHtml(markdown: string): string {
  const html = String(processor.processSync(markdown));
  return html.replace(/(href|src)="(\/[^"]*)"/g, (_, attr: string, path: string) => `${attr}="${absoluteUrl(path)}"`);
}
