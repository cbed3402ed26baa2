// What "premium text" is, read straight from content/: snippets of each members-only
// article's body after <PreviewEnds />, and of its preview (which must be visible).
// Snippets are runs of plain words from plain paragraphs, so HTML escaping or inline
// markup cannot hide a leak from the search.
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { expect, type APIRequestContext } from '@playwright/test';

export interface MembersArticle {
  slug: string;
  previewSnippets: string[];
  premiumSnippets: string[];
}

function snippets(markdown: string, count: number): string[] {
  const out: string[] = [];
  for (const line of markdown.split('\n')) {
    // Prose only: no headings, lists, tables, components or emphasis.
    if (!/^["“A-Za-z]/.test(line.trim()) || /[*_[\]<>{}|#`]/.test(line)) continue;
    // Six consecutive plain words (punctuation would be escaped differently per channel).
    let run: string[] = [];
    for (const token of line.trim().split(/\s+/)) {
      run = /^[A-Za-z]+$/.test(token) ? [...run, token] : [];
      if (run.length === 6) {
        out.push(run.join(' '));
        run = [];
        if (out.length >= count) return out;
      }
    }
  }
  return out;
}

export function membersArticles(): MembersArticle[] {
  const dir = path.resolve('content/articles');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => ({ slug: f.replace(/\.mdx$/, ''), ...matter(fs.readFileSync(path.join(dir, f), 'utf8')) }))
    .filter((a) => a.data.access === 'members' && a.data.draft !== true)
    .map((a) => {
      const [preview, premium = ''] = a.content.split(/^\s*<PreviewEnds \/>\s*$/m);
      return { slug: a.data.slug ?? a.slug, previewSnippets: snippets(preview, 2), premiumSnippets: snippets(premium, 6) };
    });
}

/** Text as a reader or crawler would search it: tags gone, entities decoded, spaces collapsed. */
export function searchable(body: string): string {
  return body
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\\n/g, ' ')
    .replace(/\s+/g, ' ');
}

/**
 * Fetches every channel a members-only article's text could travel through, with the
 * given request context's cookies, and checks only the preview is there.
 */
export async function expectOnlyPreviews(request: APIRequestContext, articles = membersArticles()) {
  expect(articles.length).toBeGreaterThan(0);
  const feeds = await Promise.all(['/feed.xml', '/podcast/feed.xml', '/sitemap.xml'].map(async (p) => searchable(await (await request.get(p)).text())));
  for (const article of articles) {
    expect(article.premiumSnippets.length, `${article.slug} has premium prose to look for`).toBeGreaterThan(0);
    const html = searchable(await (await request.get(`/articles/${article.slug}`)).text());
    const rsc = searchable(await (await request.get(`/articles/${article.slug}`, { headers: { RSC: '1' } })).text());
    // Only the results list: the page repeats the query itself.
    const searchPage = await (await request.get(`/search?q=${encodeURIComponent(article.premiumSnippets[0])}`)).text();
    const search = searchable(/<ol[^>]*data-testid="search-results"[^>]*>([\s\S]*?)<\/ol>/.exec(searchPage)?.[1] ?? '');
    // The control: the preview is served, so a missing snippet means gating, not a bad search.
    for (const snippet of article.previewSnippets) expect(html, `${article.slug} preview in HTML`).toContain(snippet);
    for (const snippet of article.premiumSnippets) {
      for (const [channel, text] of [['HTML', html], ['RSC payload', rsc], ['search', search], ...feeds.map((f, i) => [`feed ${i}`, f])]) {
        expect(text, `${article.slug}: "${snippet}" in ${channel}`).not.toContain(snippet);
      }
    }
  }
}
