// Plain-text helpers for MDX bodies: search indexing, reading time, table of contents,
// feed summaries. They parse the same markdown the page renders, so they agree with it.
import GithubSlugger from 'github-slugger';
import { toString } from 'mdast-util-to-string';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Root, RootContent } from 'mdast';

const parser = unified().use(remarkParse).use(remarkMdx);

function parse(body: string): Root {
  return parser.parse(body);
}

/** Text a reader reads: paragraphs, headings, lists, table cells; no JSX markup or code. */
export function plainText(body: string): string {
  const blocks: string[] = [];
  const visit = (node: RootContent | Root) => {
    if (node.type === 'code' || node.type === 'mdxjsEsm' || node.type === 'mdxFlowExpression') return;
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      blocks.push(toString(node));
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as RootContent);
  };
  visit(parse(body));
  return blocks.join('\n').replace(/[ \t]+/g, ' ').trim();
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Minutes at 220 words a minute, at least one. */
export function readingMinutes(text: string): number {
  return Math.max(1, Math.round(wordCount(text) / 220));
}

export interface TocEntry {
  id: string;
  text: string;
  depth: 2 | 3;
}

/** ## and ### headings, with the ids rehype-slug gives them (both use github-slugger). */
export function tableOfContents(body: string): TocEntry[] {
  const slugger = new GithubSlugger();
  const entries: TocEntry[] = [];
  for (const node of parse(body).children) {
    if (node.type !== 'heading') continue;
    const text = toString(node);
    const id = slugger.slug(text);
    if (node.depth === 2 || node.depth === 3) entries.push({ id, text, depth: node.depth });
  }
  return entries;
}

/** First sentences up to `max` characters, cut at a word boundary. */
export function excerpt(text: string, max = 280): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}
