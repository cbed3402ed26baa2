// "No reply needed" as an attacker would call it: the server action is a public endpoint,
// so a visitor, a member (even the question's own author) and a forged cookie are refused
// with the unauthorised result and the question stays in the inbox; bad input gets a
// message; only staff close and reopen. The viewer comes from a real session cookie.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { postComment } from '@/lib/comments/store';
import type { PrismaClient } from '@/lib/db/generated/client';
import { idleResult } from '@/lib/viewer/action-result';
import { formOf as form, sessionCookieFor } from '../helpers/action-caller';
import { useAsAppDatabase } from '../helpers/auth-browser';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/database';

const SECRET = vi.hoisted(() => 'integration-test-secret-that-is-long-enough-0123');
vi.hoisted(() => vi.stubEnv('AUTH_SECRET', SECRET));
const request = vi.hoisted(() => ({ cookie: null as string | null }));
vi.mock('next/headers', () => ({ headers: async () => new Headers(request.cookie ? { cookie: request.cookie } : {}) }));
// Cache invalidation needs Next's request context; what is checked here is who may act.
vi.mock('next/cache', () => ({ updateTag: () => {}, revalidateTag: () => {}, revalidatePath: () => {} }));

const { closeQuestionAction } = await import('@/lib/comments/actions');

let db: TestDatabase;
let prisma: PrismaClient;
beforeAll(async () => {
  db = await createTestDatabase();
  prisma = db.connection.prisma;
  useAsAppDatabase(db.connection);
});
afterAll(() => db?.drop());

let n = 0;
async function signedIn(role: 'MEMBER' | 'COACH') {
  const user = await prisma.user.create({ data: { email: `close-${role.toLowerCase()}-${++n}@example.com`, name: `Person ${n}`, role } });
  return { user, cookie: await sessionCookieFor(prisma, user.id, SECRET) };
}
const closedAt = async (id: string) => (await prisma.comment.findUniqueOrThrow({ where: { id }, select: { closedAt: true } })).closedAt;

describe(`closing a question on ${testDatabaseKind()}`, () => {
  it('refuses everyone but staff, leaves the question open, and lets a coach close and reopen it', async () => {
    const member = await signedIn('MEMBER');
    const coach = await signedIn('COACH');
    const posted = await postComment(
      { target: { kind: 'article', slug: 'sciatica-myths', title: 'Sciatica myths', url: '/articles/sciatica-myths', membersOnly: false }, authorId: member.user.id, authorIsStaff: false, parentId: null, body: 'Thank you!' },
      { db: prisma },
    );
    if (!posted.ok) throw new Error(posted.problem);
    const close = form({ commentId: posted.id, close: 'yes' });

    for (const cookie of [null, member.cookie, 'authjs.session-token=forged.value.here']) {
      request.cookie = cookie;
      expect(await closeQuestionAction(idleResult, close)).toMatchObject({ status: 'error', error: 'unauthorised' });
    }
    expect(await closedAt(posted.id)).toBeNull();

    request.cookie = coach.cookie;
    expect(await closeQuestionAction(idleResult, form({ commentId: '', close: 'yes' }))).toMatchObject({ status: 'error', error: 'invalid', message: 'That question was not found.' });
    expect(await closeQuestionAction(idleResult, form({ commentId: posted.id, close: 'maybe' }))).toMatchObject({ status: 'error', error: 'invalid' });
    expect(await closeQuestionAction(idleResult, form({ commentId: 'no-such-comment', close: 'yes' }))).toMatchObject({ status: 'error', message: 'That question was not found.' });
    expect(await closedAt(posted.id)).toBeNull();

    expect(await closeQuestionAction(idleResult, close)).toMatchObject({ status: 'success', data: { commentId: posted.id } });
    expect(await closedAt(posted.id)).toBeInstanceOf(Date);
    expect(await closeQuestionAction(idleResult, close)).toMatchObject({ status: 'error' }); // already closed
    expect(await closeQuestionAction(idleResult, form({ commentId: posted.id, close: 'no' }))).toMatchObject({ status: 'success' });
    expect(await closedAt(posted.id)).toBeNull();
  });
});
