// A throwaway project directory (content/ and public/) for loader and feed tests that
// need content the real site does not have. lib/content resolves content/ and public/
// from process.cwd() when its modules are evaluated, so loadFromSite() points cwd at
// the temporary directory and imports fresh copies of the modules.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';

export const FIXTURE_COVER = '/images/cover.svg';

export interface TempSite {
  root: string;
  article(slug: string, frontmatter: Record<string, unknown>, body: string): void;
  episode(slug: string, frontmatter: Record<string, unknown>, body: string): void;
  audio(fileName: string, bytes: number): void;
  remove(): void;
}

/** YAML via JSON: every JSON document is valid YAML, so no escaping rules to get wrong. */
function frontmatter(data: Record<string, unknown>): string {
  const lines = Object.entries(data).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  return `---\n${lines.join('\n')}\n---\n`;
}

export function createTempSite(): TempSite {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'steady-spine-site-'));
  for (const dir of ['content/articles', 'content/podcast/audio', 'public/images']) fs.mkdirSync(path.join(root, dir), { recursive: true });
  fs.writeFileSync(path.join(root, 'public', FIXTURE_COVER), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  fs.writeFileSync(
    path.join(root, 'content/authors.json'),
    JSON.stringify([{ slug: 'sam-writer', name: 'Sam Writer', role: 'Physiotherapist', credentials: 'HCPC-registered physiotherapist', bio: 'Writes fixtures.', avatar: '/images/sam.png' }]),
  );
  fs.writeFileSync(path.join(root, 'content/about.mdx'), frontmatter({ title: 'About', description: 'About the fixture site.' }));
  return {
    root,
    article(slug, data, body) {
      fs.writeFileSync(path.join(root, 'content/articles', `${slug}.mdx`), `${frontmatter(data)}\n${body}\n`);
    },
    episode(slug, data, body) {
      fs.writeFileSync(path.join(root, 'content/podcast', `${slug}.mdx`), `${frontmatter(data)}\n${body}\n`);
    },
    audio(fileName, bytes) {
      fs.writeFileSync(path.join(root, 'content/podcast/audio', fileName), Buffer.alloc(bytes, 7));
    },
    remove() {
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Runs fn with process.cwd() at the site's root and freshly evaluated lib modules. */
export async function withSiteCwd<T>(site: TempSite, fn: () => Promise<T>): Promise<T> {
  const spy = vi.spyOn(process, 'cwd').mockReturnValue(site.root);
  vi.resetModules();
  try {
    return await fn();
  } finally {
    spy.mockRestore();
    vi.resetModules();
  }
}

export function validArticle(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'A fixture article',
    description: 'A fixture article written for a loader test.',
    published: '2026-01-15',
    author: 'sam-writer',
    tags: ['fixtures'],
    cover: { src: FIXTURE_COVER, alt: 'A fixture cover' },
    ...overrides,
  };
}

export function validEpisode(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'A fixture episode',
    description: 'A fixture episode written for a loader test.',
    number: 1,
    published: '2026-01-15',
    duration: '00:01:00',
    audio: { url: 'fixture.mp3', length: 1000, type: 'audio/mpeg' },
    author: 'sam-writer',
    ...overrides,
  };
}
