// Reads one folder of MDX files and validates each file's frontmatter with zod.
// A bad file throws a ContentError naming the file and the field, which fails
// `next build` (pages are prerendered) and `npm run content:check`.
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import yaml from 'js-yaml';
import type { z } from 'zod';
import { isProduction } from '@/lib/env';

export const CONTENT_DIR = path.join(process.cwd(), 'content');

export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`Invalid content file ${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ContentError';
  }
}

export interface LoadedFile<T> {
  slug: string;
  file: string; // relative to the project, for error messages
  data: T;
  body: string;
}

export function loadCollection<S extends z.ZodType>(folder: string, schema: S): LoadedFile<z.output<S>>[] {
  const dir = path.join(CONTENT_DIR, folder);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.mdx') || name.endsWith('.md'))
    .sort()
    .map((name) => parseFile(path.join(dir, name), schema));
}

export function parseFile<S extends z.ZodType>(fullPath: string, schema: S): LoadedFile<z.output<S>> {
  const file = path.relative(process.cwd(), fullPath);
  const slug = path.basename(fullPath).replace(/\.mdx?$/, '');
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
    throw new ContentError(file, ['file name: must be lowercase words joined by hyphens (it becomes the URL)']);
  }
  let parsed: matter.GrayMatterFile<string>;
  try {
    // YAML's JSON schema keeps dates and times like 01:26 as the text the author wrote
    // (the default schema turns them into rolled-over Dates and base-60 numbers); the
    // zod schemas then parse them strictly. Passing options also skips gray-matter's cache.
    parsed = matter(fs.readFileSync(fullPath, 'utf8'), {
      engines: { yaml: (text) => (yaml.load(text, { schema: yaml.JSON_SCHEMA }) ?? {}) as object },
    });
  } catch (error) {
    throw new ContentError(file, [`frontmatter is not valid YAML: ${(error as Error).message}`]);
  }
  const result = schema.safeParse(parsed.data);
  if (!result.success) {
    throw new ContentError(
      file,
      result.error.issues.map((issue) => `${issue.path.join('.') || '(frontmatter)'}: ${issue.message}`),
    );
  }
  return { slug, file, data: result.data, body: parsed.content };
}

/** A JSON file under content/ (e.g. "authors.json"), validated; a bad file throws naming it and the field. */
export function loadJsonFile<S extends z.ZodType>(name: string, schema: S): z.output<S> {
  const file = path.relative(process.cwd(), path.join(CONTENT_DIR, name));
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(path.join(CONTENT_DIR, name), 'utf8'));
  } catch (error) {
    throw new ContentError(file, [`cannot read it as JSON: ${(error as Error).message}`]);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ContentError(file, parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`));
  return parsed.data;
}

/** Memoises a loader in production; re-reads every call in development so edits show. */
export function memoizeInProduction<T>(load: () => T): () => T {
  let cached: { value: T } | undefined;
  return () => {
    if (!isProduction) return load();
    cached ??= { value: load() };
    return cached.value;
  };
}
