// Comment cards show a coach's portrait (content/authors.json, matched by the staff
// account's sign-in email) and a member's initials: a member's own picture (an OAuth
// provider's URL) and every email address stay out of what a thread sends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commentView } from '@/lib/comments/comment-view';
import { loadThread, postComment } from '@/lib/comments/store';
import { resolveTarget } from '@/lib/comments/targets';
import type { PrismaClient } from '@/lib/db/generated/client';
import { initials } from '@/components/comments/comment-avatar';
import { isMembers, rawArticles } from '../helpers/content-text';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/database';

let db: TestDatabase;
let prisma: PrismaClient;
beforeAll(async () => {
  db = await createTestDatabase();
  prisma = db.connection.prisma;
});
afterAll(() => db?.drop());

const target = resolveTarget({ kind: 'article', slug: rawArticles().find((a) => !isMembers(a))!.slug })!;

describe(`comment avatars on ${testDatabaseKind()}`, () => {
  it('gives a mapped coach their portrait, and members and unmapped staff none', async () => {
    const maya = await prisma.user.create({ data: { email: 'Maya@SteadySpine.example', name: 'Maya Okafor', role: 'COACH' } });
    const admin = await prisma.user.create({ data: { email: 'someone-admin@example.com', name: 'Avery Admin', role: 'ADMIN' } });
    // A member who calls themselves by a coach's name and has a provider's picture.
    const member = await prisma.user.create({ data: { email: 'lookalike@example.com', name: 'Maya Okafor', role: 'MEMBER', image: 'https://images.example/me.png' } });
    for (const [author, staff] of [[member, false], [maya, true], [admin, true]] as const) {
      const result = await postComment({ target, authorId: author.id, authorIsStaff: staff, parentId: null, body: `From ${author.role}` }, { db: prisma });
      expect(result.ok).toBe(true);
    }
    const views = (await loadThread(target, { db: prisma })).comments.map(commentView);
    const byBody = (body: string) => views.find((v) => v.body === body)!;
    expect(byBody('From COACH').authorImage).toBe('/images/authors/maya-okafor.svg');
    expect(byBody('From ADMIN').authorImage).toBeNull();
    expect(byBody('From MEMBER').authorImage).toBeNull();
    const sent = JSON.stringify(views);
    for (const secret of ['@steadyspine.example', '@SteadySpine.example', '@example.com', 'images.example']) expect(sent).not.toContain(secret);
  });
});

describe('initials', () => {
  it('takes the first and last words’ first letters', () => {
    expect(initials('Morgan Member')).toBe('MM');
    expect(initials('Ana María de la Cruz')).toBe('AC');
    expect(initials('cher')).toBe('C');
    expect(initials('  ')).toBe('?');
    expect(initials('Élodie Ångström')).toBe('ÉÅ');
  });
});
