// proxy.ts, the gate in front of the cached content routes: junk never reaches them, a
// request with a session cookie gets the per-viewer version of an article or episode,
// and that version cannot be asked for directly.
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy } from '../../proxy';
import { getAllTags, getAllArticles } from '../../lib/content/articles';
import { getAllEpisodes } from '../../lib/podcast/episodes';

const article = getAllArticles()[0].slug;
const episode = getAllEpisodes()[0].slug;

/** Where the proxy sends a GET of `path` (null: straight on), with these cookies. */
function destination(path: string, cookie?: string): string | null {
  const response = proxy(new NextRequest(`http://127.0.0.1:3000${path}`, { headers: cookie ? { cookie } : {} }));
  const rewrite = response.headers.get('x-middleware-rewrite');
  return rewrite ? new URL(rewrite).pathname : null;
}

describe('proxy', () => {
  it('lets real content through and sends junk to the shared not-found page', () => {
    const besideSlugs = ['/podcast/feed.xml', '/podcast/private/abc/feed.xml', '/podcast/private/abc'];
    for (const path of [`/articles/${article}`, `/podcast/${episode}`, `/tags/${getAllTags()[0].tag}`, '/articles/page/2', `/articles/${article}/opengraph-image-x1`, ...besideSlugs]) {
      expect(destination(path), path).toBeNull();
    }
    for (const path of ['/articles/no-such-thing', '/podcast/no-such-thing', '/tags/no-such-tag', '/articles/page/999', '/articles/page/0', '/articles/nope/opengraph-image-x1', '/articles/_shell']) {
      expect(destination(path), path).toBe('/_unknown-content');
    }
  });

  it('sends a request with a session cookie to the per-viewer version of an article or episode', () => {
    expect(destination(`/articles/${article}`, 'authjs.session-token=x')).toBe(`/articles/${article}/viewer`);
    expect(destination(`/podcast/${episode}`, 'other=1; __Secure-authjs.session-token.0=x')).toBe(`/podcast/${episode}/viewer`);
    // Other cookies, and the pages beside the article (its OG image), stay shared.
    expect(destination(`/articles/${article}`, 'theme=dark; authjs.csrf-token=y')).toBeNull();
    expect(destination(`/articles/${article}/opengraph-image-x1`, 'authjs.session-token=x')).toBeNull();
    expect(destination(`/tags/${getAllTags()[0].tag}`, 'authjs.session-token=x')).toBeNull();
    expect(destination('/podcast/private/abc/feed.xml', 'authjs.session-token=x')).toBeNull();
  });

  it('answers the per-viewer address itself with not-found, signed in or not', () => {
    expect(destination(`/articles/${article}/viewer`)).toBe('/_unknown-content');
    expect(destination(`/podcast/${episode}/viewer`, 'authjs.session-token=x')).toBe('/_unknown-content');
  });
});
