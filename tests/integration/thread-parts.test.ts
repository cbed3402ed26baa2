// GET /api/comments (lib/comments/thread-parts.ts), the reads a thread page makes after it
// loads ("Show more", an author's just-posted comment), with real Requests, a real
// database and real session cookies: the parts plan as the page does, a members-only
// thread answers only an entitled viewer (everyone else gets the 404 an unknown thread
// gets), hidden comments stay with staff, bad input is a 400, and one client is limited.
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSession } from '@/lib/auth/sessions';
import type { PlannedCommentView } from '@/lib/comments/comment-view';
import { setHidden } from '@/lib/comments/moderation';
import { postComment } from '@/lib/comments/store';
import { resolveTarget, type CommentTarget } from '@/lib/comments/targets';
import { RENDER_BUDGET } from '@/lib/comments/thread-plan';
import { serveThreadPart, type PostedComment, type ThreadPart } from '@/lib/comments/thread-parts';
import type { PrismaClient } from '@/lib/db/generated/client';
import { rateLimits } from '@/lib/rate-limit/rules';
import { useAsAppDatabase } from '../helpers/auth-browser';
import { isMembers, rawArticles } from '../helpers/content-text';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/database';
import { CLIENT_ADDRESS_HEADER, clientAddressStep } from '../../scripts/client-address.mjs';

const SECRET = vi.hoisted(() => 'integration-test-secret-that-is-long-enough-0123');
vi.hoisted(() => vi.stubEnv('AUTH_SECRET', SECRET));
/** The Cookie header getViewer reads (next/headers), set per request below. */
const request = vi.hoisted(() => ({ cookie: null as string | null }));
vi.mock('next/headers', () => ({ headers: async () => new Headers(request.cookie ? { cookie: request.cookie } : {}) }));

let db: TestDatabase;
let prisma: PrismaClient;
beforeAll(async () => {
  clientAddressStep(undefined);
  db = await createTestDatabase();
  prisma = db.connection.prisma;
  useAsAppDatabase(db.connection);
});
afterAll(() => db?.drop());

const publicArticle = resolveTarget({ kind: 'article', slug: rawArticles().find((a) => !isMembers(a))!.slug })!;
const membersArticle = resolveTarget({ kind: 'article', slug: rawArticles().find(isMembers)!.slug })!;
let n = 0;
let address = 0;

async function person(role: 'MEMBER' | 'COACH' = 'MEMBER', subscribed = false) {
  n++;
  const user = await prisma.user.create({ data: { email: `parts-${n}@example.com`, name: `Reader ${n}`, role } });
  if (subscribed) {
    await prisma.subscription.create({ data: { id: `sub_parts_${n}`, userId: user.id, customerId: `cus_parts_${n}`, status: 'active', priceId: 'price_monthly', interval: 'month', currentPeriodEnd: new Date(Date.now() + 20 * 86_400_000) } });
  }
  const sessionId = await startSession(user.id, { db: prisma });
  const token = await encode({ token: { uid: user.id, sid: sessionId }, secret: SECRET, salt: 'authjs.session-token' });
  return { ...user, cookie: `authjs.session-token=${token}` };
}

async function post(target: CommentTarget, author: { id: string; role: string }, body: string, parentId: string | null = null) {
  const result = await postComment({ target, authorId: author.id, authorIsStaff: author.role !== 'MEMBER', parentId, body }, { db: prisma });
  if (!result.ok) throw new Error(result.problem);
  return result.id;
}

/** A GET as a browser at its own address sends it (a new address each time unless given). */
async function get(params: Record<string, string>, options: { cookie?: string; from?: string } = {}) {
  request.cookie = options.cookie ?? null;
  const from = options.from ?? `198.51.100.${(address++ % 250) + 1}`;
  const response = await serveThreadPart(new Request(`http://localhost/api/comments?${new URLSearchParams(params)}`, { headers: { [CLIENT_ADDRESS_HEADER]: from } }), { db: prisma });
  return { status: response.status, cache: response.headers.get('cache-control'), body: (await response.json()) as unknown };
}
const ids = (items: PlannedCommentView[]): string[] => items.flatMap((i) => [i.comment.id, ...ids(i.replies)]);

describe(`GET /api/comments on ${testDatabaseKind()}`, () => {
  it('gives the next part of a long public thread, as the page plans it, with bodies as safe HTML', async () => {
    const author = await person();
    const posted: string[] = [];
    for (let i = 0; i < RENDER_BUDGET + 7; i++) posted.push(await post(publicArticle, author, i === RENDER_BUDGET ? 'Part two <script>alert(1)</script> **bold**' : `Comment ${i}`));
    const part = await get({ kind: 'article', slug: publicArticle.slug, parent: '', offset: String(RENDER_BUDGET) });
    expect(part.status).toBe(200);
    expect(part.cache).toBe('private, no-store');
    const { items, more } = part.body as ThreadPart;
    expect(ids(items)).toEqual(posted.slice(RENDER_BUDGET));
    expect(more).toBeNull();
    expect(items[0].comment.bodyHtml).toBe('<p>Part two &lt;script&gt;alert(1)&lt;/script&gt; <strong>bold</strong></p>');
    // Past the end the part is empty; under a comment that is not there, there is none.
    expect((await get({ kind: 'article', slug: publicArticle.slug, parent: '', offset: String(RENDER_BUDGET + 7) })).body).toEqual({ items: [], more: null, parentName: null });
    expect((await get({ kind: 'article', slug: publicArticle.slug, parent: 'no-such-comment', offset: '0' })).status).toBe(404);
  });

  it('never gives a hidden comment of a public thread, not even to staff', async () => {
    const [author, coach] = [await person(), await person('COACH')];
    const hidden = await post(publicArticle, author, 'Hide me');
    await setHidden(hidden, true, { db: prisma });
    expect((await get({ kind: 'article', slug: publicArticle.slug, id: hidden }, { cookie: coach.cookie })).status).toBe(404);
    const visible = await post(publicArticle, author, 'Keep me', hidden);
    const answer = (await get({ kind: 'article', slug: publicArticle.slug, id: visible })).body as PostedComment;
    expect(answer.comment).toMatchObject({ id: visible, bodyHtml: '<p>Keep me</p>', authorName: author.name });
  });

  it('answers a members-only thread only to the entitled; to anyone else exactly as an unknown thread', async () => {
    const [member, coach, signedInOnly] = [await person('MEMBER', true), await person('COACH'), await person()];
    const question = await post(membersArticle, member, 'A members question');
    const hidden = await post(membersArticle, member, 'Hidden by staff');
    await setHidden(hidden, true, { db: prisma });
    const asking = { kind: 'article', slug: membersArticle.slug, id: question };
    const unknown = await get({ kind: 'article', slug: 'no-such-article', id: question });
    expect(unknown.status).toBe(404);
    for (const cookie of [undefined, signedInOnly.cookie, `authjs.session-token=forged`]) {
      expect(await get(asking, { cookie })).toEqual(unknown);
      expect(await get({ kind: 'article', slug: membersArticle.slug, parent: '', offset: '0' }, { cookie })).toEqual(unknown);
    }
    expect(((await get(asking, { cookie: member.cookie })).body as PostedComment).comment.body).toBe('A members question');
    // Staff see what they hid, as on the page; members do not.
    const all = { kind: 'article', slug: membersArticle.slug, parent: '', offset: '0' };
    expect(ids(((await get(all, { cookie: coach.cookie })).body as ThreadPart).items)).toContain(hidden);
    expect(ids(((await get(all, { cookie: member.cookie })).body as ThreadPart).items)).not.toContain(hidden);
  });

  it.each([
    ['no target', { parent: '', offset: '0' }],
    ['an unknown kind', { kind: 'user', slug: 'x', parent: '', offset: '0' }],
    ['a path in the slug', { kind: 'article', slug: '../etc/passwd', parent: '', offset: '0' }],
    ['a negative offset', { kind: 'article', slug: publicArticle.slug, parent: '', offset: '-1' }],
    ['an offset that is not a number', { kind: 'article', slug: publicArticle.slug, parent: '', offset: '1e400' }],
    ['both an id and a part', { kind: 'article', slug: publicArticle.slug, parent: '', offset: '0', id: 'x' }],
    ['an unknown parameter', { kind: 'article', slug: publicArticle.slug, id: 'x', includeHidden: 'true' }],
    ['an overlong id', { kind: 'article', slug: publicArticle.slug, id: 'x'.repeat(65) }],
  ])('refuses %s with a 400', async (_, params) => {
    expect((await get(params as Record<string, string>)).status).toBe(400);
  });

  it(`limits one client to ${rateLimits.threadPartsPerIp.limit} reads per window, others unaffected`, async () => {
    // Refused requests count too: a scraper cannot probe for free.
    const junk = { kind: 'article', slug: publicArticle.slug };
    const from = '203.0.113.77';
    const statuses = new Set<number>();
    for (let i = 0; i < rateLimits.threadPartsPerIp.limit; i++) statuses.add((await get(junk, { from })).status);
    expect([...statuses]).toEqual([400]);
    const params = { kind: 'article', slug: publicArticle.slug, parent: '', offset: '0' };
    const refused = await get(params, { from });
    expect(refused.status).toBe(429);
    expect((await get(params)).status).toBe(200);
  });
});
