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

/**
 * Top-level ## and ### headings, with the ids rehype-slug gives them. Both use
 * github-slugger, and rehype-slug numbers every heading on the page (also those inside
 * callouts and blockquotes), so every heading is slugged here in the same order.
 */
export function tableOfContents(body: string): TocEntry[] {
  const slugger = new GithubSlugger();
  const entries: TocEntry[] = [];
  const visit = (node: Root | RootContent, topLevel: boolean) => {
    if (node.type === 'heading') {
      const text = toString(node);
      const id = slugger.slug(text);
      if (topLevel && (node.depth === 2 || node.depth === 3)) entries.push({ id, text, depth: node.depth });
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as RootContent, false);
  };
  for (const node of parse(body).children) visit(node, true);
  return entries;
}

/** First sentences up to `max` characters, cut at a word boundary. */
export function excerpt(text: string, max = 280): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  // Look one character past the limit: a space there means the last word fits whole.
  const end = clean.slice(0, max + 1).lastIndexOf(' ');
  return `${clean.slice(0, end > 0 ? end : max)}…`;
}
