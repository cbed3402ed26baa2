// Reads content/ straight from disk (gray-matter, no lib/ code) to find the sentences
// that only members may read, so leak checks do not depend on the code they check.
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';

export const CONTENT_ROOT = path.join(process.cwd(), 'content');
const MARKER = /^\s*<PreviewEnds\s*\/>\s*$/m;

export interface RawFile {
  slug: string;
  data: Record<string, unknown>;
  body: string;
}

function readFolder(folder: string): RawFile[] {
  const dir = path.join(CONTENT_ROOT, folder);
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => {
      const parsed = matter(fs.readFileSync(path.join(dir, name), 'utf8'), {});
      return { slug: name.replace(/\.mdx$/, ''), data: parsed.data, body: parsed.content };
    });
}

export const rawArticles = (): RawFile[] => readFolder('articles');
export const rawEpisodes = (): RawFile[] => readFolder('podcast');

export function isMembers(file: RawFile): boolean {
  return file.data.access === 'members';
}

/** The preview and premium parts of a raw article body, split at the marker line. */
export function splitAtMarker(body: string): { preview: string; premium: string | null } {
  const parts = body.split(MARKER);
  return { preview: parts[0], premium: parts.length > 1 ? parts.slice(1).join('\n') : null };
}

export function transcriptText(file: RawFile): string[] {
  const lines = (file.data.transcript ?? []) as { text: string }[];
  return lines.map((l) => l.text);
}

/** Markdown/MDX to rough reading text: markup removed, one block per line. */
export function roughText(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, '\n')
    .replace(/<\/?[A-Z][A-Za-z]*(\s[^>]*)?\/?>/g, '\n')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s*(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/\|/g, '\n')
    .replace(/[*_`]+/g, '');
}

/** Lowercase words only, so formatting, entities and quotes cannot hide a match. */
export function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/&(amp|lt|gt|quot|apos|#39|#x27);/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function sentencesOf(text: string): string[] {
  return text
    .split(/\n+|(?<=[.!?])\s+(?=["“(]?[A-Z0-9])/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** Everything a non-member may read in content/, normalized. */
export function publicCorpus(): string {
  const parts: string[] = [];
  for (const a of rawArticles()) {
    parts.push(String(a.data.title), String(a.data.description), roughText(splitAtMarker(a.body).preview));
    if (!isMembers(a)) parts.push(roughText(a.body));
  }
  for (const e of rawEpisodes()) {
    parts.push(String(e.data.title), String(e.data.description), roughText(e.body));
    if (!isMembers(e)) parts.push(...transcriptText(e));
  }
  parts.push(roughText(fs.readFileSync(path.join(CONTENT_ROOT, 'about.mdx'), 'utf8')));
  parts.push(fs.readFileSync(path.join(CONTENT_ROOT, 'authors.json'), 'utf8'));
  return parts.map(normalize).join(' | ');
}

export interface PremiumSentence {
  source: string; // "article:<slug>" or "episode:<slug>"
  sentence: string;
  normalized: string;
}

/**
 * Sentences of at least `minWords` words found only in members-only material: premium
 * parts of members-only articles and transcripts of members-only episodes.
 */
export function premiumOnlySentences(minWords = 6): PremiumSentence[] {
  const corpus = publicCorpus();
  const found: PremiumSentence[] = [];
  const consider = (source: string, sentence: string) => {
    const normalized = normalize(sentence);
    if (normalized.split(' ').length < minWords || corpus.includes(normalized)) return;
    found.push({ source, sentence, normalized });
  };
  for (const a of rawArticles().filter(isMembers)) {
    const { premium } = splitAtMarker(a.body);
    for (const s of sentencesOf(roughText(premium ?? ''))) consider(`article:${a.slug}`, s);
  }
  for (const e of rawEpisodes().filter(isMembers)) {
    for (const line of transcriptText(e)) for (const s of sentencesOf(line)) consider(`episode:${e.slug}`, s);
  }
  return found;
}
