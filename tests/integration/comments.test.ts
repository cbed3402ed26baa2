// Comment threads in the database: who is awaiting a coach, edits, soft deletion,
// moderation, a 1,000-comment thread in a constant number of queries, and concurrent
// posts from two app instances all persisting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadQuestions, loadReports } from '@/lib/comments/inbox';
import { inboxQuerySchema } from '@/lib/comments/inbox-query';
import { reportComment, setBanned, setHidden, setLocked, setPinned } from '@/lib/comments/moderation';
import { deleteComment, editComment, EDIT_WINDOW_MS, loadThread, postComment } from '@/lib/comments/store';
import type { CommentTarget } from '@/lib/comments/targets';
import type { PrismaClient } from '@/lib/db/generated/client';
import { createCountingTestDatabase, testDatabaseKind, type CountingTestDatabase } from '../helpers/database';

let db: CountingTestDatabase;
let prisma: PrismaClient;
beforeAll(async () => {
  db = await createCountingTestDatabase();
  prisma = db.connection.prisma;
});
afterAll(() => db?.drop());

let n = 0;
const target = (): CommentTarget => ({ kind: 'article', slug: `thread-${++n}`, title: 'A thread', url: '/articles/x', membersOnly: false });
async function person(name: string, role: 'MEMBER' | 'COACH' = 'MEMBER') {
  return prisma.user.create({ data: { email: `${name.toLowerCase()}-${++n}-${Date.now()}@example.com`, name, role } });
}
async function post(t: CommentTarget, author: { id: string; role: string }, body: string, parentId: string | null = null, now?: Date) {
  const result = await postComment({ target: t, authorId: author.id, authorIsStaff: author.role !== 'MEMBER', parentId, body }, { db: prisma, now });
  if (!result.ok) throw new Error(result.problem);
  return result.id;
}

/** Questions awaiting a coach from one member (searched by their unique email). */
async function awaitingFrom(member: { email: string }) {
  return (await loadQuestions(inboxQuerySchema.parse({ q: member.email }), { db: prisma })).questions.map((q) => q.id);
}

describe(`comments on ${testDatabaseKind()}`, () => {
  it('tracks questions awaiting a coach through answers and follow-ups, three levels deep', async () => {
    const t = target();
    const [member, other, coach] = await Promise.all([person('Morgan'), person('Sam'), person('Maya', 'COACH')]);
    const question = await post(t, member, 'Is it normal that my hips click?');
    const chat = await post(t, other, 'Mine too!', question); // member to member: not a question for coaches
    let inbox = await awaitingFrom(member);
    expect(inbox).toContain(question);
    expect(inbox).not.toContain(chat);

    const answer = await post(t, coach, 'Usually harmless if painless.', question);
    const followUp = await post(t, member, 'And if it hurts a little?', answer);
    inbox = await awaitingFrom(member);
    expect(inbox).not.toContain(question);
    expect(inbox).toContain(followUp);

    await post(t, coach, 'Then ease off the range for a week.', followUp);
    inbox = await awaitingFrom(member);
    expect(inbox).not.toContain(followUp);

    const { comments } = await loadThread(t, { db: prisma });
    const byId = new Map(comments.map((c) => [c.id, c]));
    expect(byId.get(question)).toMatchObject({ awaitingCoach: true, answered: true, depth: 0 });
    expect(byId.get(answer)).toMatchObject({ byStaff: true, depth: 1, parentId: question });
    expect(byId.get(followUp)).toMatchObject({ awaitingCoach: true, answered: true, depth: 2 });
    expect(comments.at(-1)!.depth).toBe(3);
  });

  it('lets authors edit within 15 minutes, and deletes softly keeping replies in place', async () => {
    const t = target();
    const [member, coach] = await Promise.all([person('Riley'), person('Tom', 'COACH')]);
    const start = new Date();
    const id = await post(t, member, 'First version', null, start);
    expect(await editComment({ id, authorId: coach.id, body: 'hijack' }, { db: prisma, now: start })).toEqual({ ok: false, problem: 'not-author' });
    expect(await editComment({ id, authorId: member.id, body: 'Second version' }, { db: prisma, now: new Date(start.getTime() + 60_000) })).toEqual({ ok: true });
    expect(await editComment({ id, authorId: member.id, body: 'Too late' }, { db: prisma, now: new Date(start.getTime() + EDIT_WINDOW_MS + 1) })).toEqual({ ok: false, problem: 'too-late' });
    const reply = await post(t, coach, 'An answer', id);
    expect(await deleteComment(id, coach.id, { db: prisma })).toBe(false); // not theirs
    expect(await deleteComment(id, member.id, { db: prisma })).toBe(true);
    const { comments } = await loadThread(t, { db: prisma });
    expect(comments.find((c) => c.id === id)).toMatchObject({ status: 'DELETED', body: '', authorName: '[deleted]' });
    expect(comments.find((c) => c.id === reply)).toMatchObject({ body: 'An answer', parentId: id });
    expect(comments.find((c) => c.id === id)!.editedAt).not.toBeNull();
  });

  it('refuses identical repeats, banned authors and locked threads, and hides from others', async () => {
    const t = target();
    const [member, admin] = await Promise.all([person('Pat'), person('Avery', 'COACH')]);
    const id = await post(t, member, 'Hello there');
    expect(await postComment({ target: t, authorId: member.id, authorIsStaff: false, parentId: null, body: '  hello   THERE ' }, { db: prisma })).toEqual({ ok: false, problem: 'duplicate' });

    await setHidden(id, true, { db: prisma });
    expect((await loadThread(t, { db: prisma })).comments).toHaveLength(0);
    expect((await loadThread(t, { db: prisma, includeHidden: true })).comments).toHaveLength(1);
    await setHidden(id, false, { db: prisma });

    await setLocked(t, true, admin.id, { db: prisma });
    expect(await postComment({ target: t, authorId: member.id, authorIsStaff: false, parentId: null, body: 'Another' }, { db: prisma })).toEqual({ ok: false, problem: 'locked' });
    expect((await loadThread(t, { db: prisma })).locked).toBe(true);
    await setLocked(t, false, admin.id, { db: prisma });

    await setBanned(member.id, true, admin.id, 'spam', { db: prisma });
    expect(await postComment({ target: t, authorId: member.id, authorIsStaff: false, parentId: null, body: 'Let me in' }, { db: prisma })).toEqual({ ok: false, problem: 'banned' });
  });

  it('pins one answer per thread and collects reports once per reporter', async () => {
    const t = target();
    const [member, coach, reporter] = await Promise.all([person('Lee'), person('Kim', 'COACH'), person('Jo')]);
    const q = await post(t, member, 'Question');
    const a1 = await post(t, coach, 'Answer one', q);
    const a2 = await post(t, coach, 'Answer two', q);
    await setPinned(a1, true, { db: prisma });
    await setPinned(a2, true, { db: prisma });
    const pinned = (await loadThread(t, { db: prisma })).comments.filter((c) => c.pinned).map((c) => c.id);
    expect(pinned).toEqual([a2]);
    expect(await reportComment(q, reporter.id, 'rude', { db: prisma })).toBe(true);
    expect(await reportComment(q, reporter.id, 'rude again', { db: prisma })).toBe(true);
    expect((await loadReports(inboxQuerySchema.parse({ view: 'reports', q: member.email }), { db: prisma })).reports.filter((r) => r.comment.id === q)).toHaveLength(1);
  });

  it('loads a 1,000-comment thread in the same number of queries as a 10-comment one', async () => {
    const author = await person('Bulk');
    const small = target();
    const large = target();
    const rows = (t: CommentTarget, count: number) =>
      Array.from({ length: count }, (_, i) => ({ id: `${t.slug}-${i}`, targetKind: t.kind, targetSlug: t.slug, parentId: i === 0 ? null : `${t.slug}-${Math.floor((i - 1) / 3)}`, rootId: `${t.slug}-0`, depth: Math.min(i, 6), authorId: author.id, body: `Comment ${i}`, bodyHash: `${t.slug}-${i}` }));
    await prisma.comment.createMany({ data: rows(small, 10) });
    await prisma.comment.createMany({ data: rows(large, 1000) });
    const measure = async (t: CommentTarget) => {
      const { result: thread, statements } = await db.countStatements(() => loadThread(t, { db: prisma }));
      return { count: thread.comments.length, queries: statements };
    };
    const a = await measure(small);
    const b = await measure(large);
    expect(a.count).toBe(10);
    expect(b.count).toBe(1000);
    expect(a.queries).toBeGreaterThan(0); // the counter sees queries at all
    expect(b.queries).toBe(a.queries);
    expect(b.queries).toBe(1);
  });

  it('loads each comment as stored: times, author, status and the answer state', async () => {
    const member = await person('Stored Member');
    const coach = await person('Stored Coach', 'COACH');
    const t = target();
    const question = await postComment({ target: t, authorId: member.id, authorIsStaff: false, parentId: null, body: 'When does **it** settle?' }, { db: prisma, now: new Date('2026-03-29T01:30:00.123Z') });
    const answer = await postComment({ target: t, authorId: coach.id, authorIsStaff: true, parentId: question.ok ? question.id : null, body: 'Usually within weeks.' }, { db: prisma });
    if (!question.ok || !answer.ok) throw new Error('posting failed');
    await editComment({ id: answer.id, authorId: coach.id, body: 'Usually within a few weeks.' }, { db: prisma });
    const { comments } = await loadThread(t, { db: prisma });
    const stored = await prisma.comment.findMany({ where: { targetSlug: t.slug }, orderBy: { createdAt: 'asc' }, include: { author: true } });
    expect(comments.map((c) => [c.id, c.parentId, c.authorName, c.byStaff, c.body, c.createdAt.toISOString(), c.editedAt?.toISOString() ?? null])).toEqual(
      stored.map((c) => [c.id, c.parentId, c.author!.name, c.byStaff, c.body, c.createdAt.toISOString(), c.editedAt?.toISOString() ?? null]),
    );
    expect(comments[0].createdAt.toISOString()).toBe('2026-03-29T01:30:00.123Z');
    expect(comments[0]).toMatchObject({ awaitingCoach: true, answered: true, status: 'PUBLISHED' });
  });

  it('keeps every post when two app instances post at the same moment', async () => {
    const t = target();
    const authors = await Promise.all(Array.from({ length: 10 }, (_, i) => person(`Poster${i}`)));
    const root = await post(t, authors[0], 'Root question');
    const instances = db.kind === 'postgres' ? [prisma, db.openAnother().prisma] : [prisma, prisma];
    const results = await Promise.all(
      authors.flatMap((a, i) => [0, 1, 2].map((k) => postComment({ target: t, authorId: a.id, authorIsStaff: false, parentId: root, body: `Reply ${k} from ${i}` }, { db: instances[(i + k) % 2] }))),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect((await loadThread(t, { db: prisma })).comments).toHaveLength(1 + authors.length * 3);
  });
});
