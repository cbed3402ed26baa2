// proxy.ts, the gate in front of the cached content routes: junk never reaches them, a
// request with a session cookie gets the per-viewer version of an article or episode,
// and that version cannot be asked for directly.
import { encode } from 'next-auth/jwt';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { proxy } from '../../proxy';
import { getAllTags, getAllArticles } from '../../lib/content/articles';
import { getAllEpisodes } from '../../lib/podcast/episodes';

const article = getAllArticles()[0].slug;
const episode = getAllEpisodes()[0].slug;

const SECRET = vi.hoisted(() => 'proxy-test-secret-that-is-long-enough-0123456789');
vi.hoisted(() => vi.stubEnv('AUTH_SECRET', SECRET));
/** A session cookie as Auth.js issues it on this (http) site. */
let session = '';
beforeAll(async () => {
  session = `authjs.session-token=${await encode({ token: { uid: 'user-1', sid: 'session-1' }, secret: SECRET, salt: 'authjs.session-token' })}`;
});

/** Where the proxy sends a GET of `path` (null: straight on), with these cookies. */
async function destination(path: string, cookie?: string): Promise<string | null> {
  const response = await proxy(new NextRequest(`http://127.0.0.1:3000${path}`, { headers: cookie ? { cookie } : {} }));
  const rewrite = response.headers.get('x-middleware-rewrite');
  return rewrite ? new URL(rewrite).pathname : null;
}

describe('proxy', () => {
  it('lets real content through and sends junk to the shared not-found page', async () => {
    const besideSlugs = ['/podcast/feed.xml', '/podcast/private/abc/feed.xml', '/podcast/private/abc'];
    for (const path of [`/articles/${article}`, `/podcast/${episode}`, `/tags/${getAllTags()[0].tag}`, '/articles/page/2', `/articles/${article}/opengraph-image-x1`, ...besideSlugs]) {
      expect(await destination(path), path).toBeNull();
    }
    for (const path of ['/articles/no-such-thing', '/podcast/no-such-thing', '/tags/no-such-tag', '/articles/page/999', '/articles/page/0', '/articles/nope/opengraph-image-x1', '/articles/_shell']) {
      expect(await destination(path), path).toBe('/_unknown-content');
    }
  });

  it('sends a request with this site\'s session cookie to the per-viewer version of an article or episode', async () => {
    expect(await destination(`/articles/${article}`, session)).toBe(`/articles/${article}/viewer`);
    expect(await destination(`/podcast/${episode}`, `other=1; ${session}`)).toBe(`/podcast/${episode}/viewer`);
    // Other cookies, and the pages beside the article (its OG image), stay shared.
    expect(await destination(`/articles/${article}`, 'theme=dark; authjs.csrf-token=y')).toBeNull();
    expect(await destination(`/articles/${article}/opengraph-image-x1`, session)).toBeNull();
    expect(await destination(`/tags/${getAllTags()[0].tag}`, session)).toBeNull();
    expect(await destination('/podcast/private/abc/feed.xml', session)).toBeNull();
  });

  it('keeps a forged, foreign or tampered session cookie on the shared page: it cannot force an uncached render', async () => {
    const foreign = `authjs.session-token=${await encode({ token: { uid: 'u', sid: 's' }, secret: 'another-site-secret-that-is-long-enough-012345', salt: 'authjs.session-token' })}`;
    const value = session.split('=')[1];
    const tampered = `authjs.session-token=${value.slice(0, -4)}${value.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    for (const cookie of ['authjs.session-token=x', '__Secure-authjs.session-token.0=x', foreign, tampered]) {
      expect(await destination(`/articles/${article}`, cookie), cookie.slice(0, 40)).toBeNull();
    }
  });

  it('answers the per-viewer address itself with not-found, signed in or not', async () => {
    expect(await destination(`/articles/${article}/viewer`)).toBe('/_unknown-content');
    expect(await destination(`/podcast/${episode}/viewer`, session)).toBe('/_unknown-content');
  });
});
