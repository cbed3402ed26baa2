// The coach inbox's triage (lib/comments/inbox.ts): which questions each list holds,
// filters by type, phase and search, order and paging, "No reply needed" closing a
// question (out of the inbox, no answer state in the thread, back on reopening), and
// the counts the staff navigation shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadHidden, loadInboxCounts, loadQuestions, loadReports } from '@/lib/comments/inbox';
import { INBOX_PAGE_SIZE, inboxHref, inboxQuerySchema } from '@/lib/comments/inbox-query';
import { reportComment, setHidden, setQuestionClosed } from '@/lib/comments/moderation';
import { loadThread, postComment } from '@/lib/comments/store';
import type { CommentTarget } from '@/lib/comments/targets';
import type { PrismaClient } from '@/lib/db/generated/client';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/database';

let db: TestDatabase;
let prisma: PrismaClient;
beforeAll(async () => {
  db = await createTestDatabase();
  prisma = db.connection.prisma;
});
afterAll(() => db?.drop());

let n = 0;
const article = (slug = `inbox-article-${++n}`): CommentTarget => ({ kind: 'article', slug, title: 'An article', url: `/articles/${slug}`, membersOnly: false });
const phase = (slug: string): CommentTarget => ({ kind: 'phase', slug, title: 'A phase', url: `/programme/${slug}`, membersOnly: true });
async function person(name: string, role: 'MEMBER' | 'COACH' = 'MEMBER') {
  return prisma.user.create({ data: { email: `${name.toLowerCase().replace(/\W/g, '')}-${++n}@example.com`, name, role } });
}
async function post(target: CommentTarget, author: { id: string; role: string }, body: string, parentId: string | null = null, now?: Date) {
  const result = await postComment({ target, authorId: author.id, authorIsStaff: author.role !== 'MEMBER', parentId, body }, { db: prisma, now });
  if (!result.ok) throw new Error(result.problem);
  return result.id;
}
const query = (input: Record<string, unknown>) => inboxQuerySchema.parse(input);
const ids = async (input: Record<string, unknown>) => (await loadQuestions(query(input), { db: prisma })).questions.map((q) => q.id);

describe(`the coach inbox on ${testDatabaseKind()}`, () => {
  it('reads its address leniently and writes short links', () => {
    expect(query({})).toMatchObject({ view: 'awaiting', order: 'oldest', page: 1 });
    expect(query({ view: 'bogus', order: 'sideways', page: '-3', kind: 'video', phase: '../x', q: ['  hips  ', 'x'] })).toMatchObject({ view: 'awaiting', order: 'oldest', page: 1, kind: undefined, phase: undefined, q: 'hips' });
    expect(query({ q: 'x'.repeat(101) }).q).toBeUndefined();
    expect(inboxHref({ view: 'awaiting', order: 'oldest', page: 1 })).toBe('/staff/inbox');
    expect(inboxHref({ view: 'all', kind: 'phase', phase: 'phase-two', q: 'a b', order: 'newest', page: 2 })).toBe('/staff/inbox?view=all&phase=phase-two&q=a+b&order=newest&page=2');
  });

  it('filters by type, phase and search (words, member name or email), newest or oldest first', async () => {
    const [ana, ben, coach] = await Promise.all([person('Ana Filter'), person('Ben Filter'), person('Cora Coach', 'COACH')]);
    const start = Date.now() - 60_000;
    const onArticle = await post(article(), ana, 'My hamstrings feel tight after session two', null, new Date(start));
    const onPhaseOne = await post(phase('filter-phase-one'), ben, 'Can I skip the breathing drill?', null, new Date(start + 1_000));
    const onPhaseTwo = await post(phase('filter-phase-two'), ana, 'Is clicking in the hip normal?', null, new Date(start + 2_000));
    await post(article(), coach, 'A coach note is never a question');

    expect(await ids({ q: 'Filter' })).toEqual([onArticle, onPhaseOne, onPhaseTwo]);
    expect(await ids({ q: 'Filter', order: 'newest' })).toEqual([onPhaseTwo, onPhaseOne, onArticle]);
    expect(await ids({ q: 'Filter', kind: 'phase' })).toEqual([onPhaseOne, onPhaseTwo]);
    expect(await ids({ q: 'Filter', kind: 'article', phase: 'filter-phase-two' })).toEqual([onPhaseTwo]); // a phase implies the type
    expect(await ids({ q: 'HAMSTRINGS' })).toEqual([onArticle]);
    expect(await ids({ q: ben.email })).toEqual([onPhaseOne]);
    expect(await ids({ q: 'nothing like this anywhere' })).toEqual([]);
  });

  it('pages through the questions with a total, and shows the conversation above each', async () => {
    const member = await person('Paula Pager');
    const coach = await person('Tom Pager', 'COACH');
    const target = article();
    const start = Date.now() - 3_600_000;
    const posted: string[] = [];
    for (let i = 0; i < INBOX_PAGE_SIZE + 3; i++) posted.push(await post(target, member, `Pager question ${i}`, null, new Date(start + i * 1_000)));
    const first = await loadQuestions(query({ q: 'Pager question' }), { db: prisma });
    expect(first.total).toBe(INBOX_PAGE_SIZE + 3);
    expect(first.questions.map((q) => q.id)).toEqual(posted.slice(0, INBOX_PAGE_SIZE));
    expect(await ids({ q: 'Pager question', page: 2 })).toEqual(posted.slice(INBOX_PAGE_SIZE));

    const answer = await post(target, coach, 'Pager answer: keep going', posted[0]);
    const followUp = await post(target, member, 'Pager follow-up: and tomorrow?', answer);
    const [shown] = (await loadQuestions(query({ q: 'Pager follow-up' }), { db: prisma })).questions;
    expect(shown.id).toBe(followUp);
    expect(shown.above.map((c) => [c.id, c.byStaff])).toEqual([[posted[0], false], [answer, true]]);
  });

  it('"No reply needed" takes a question out of the inbox and its thread, and reopening puts it back', async () => {
    const [member, coach] = await Promise.all([person('Nora Thanks'), person('Maya Closer', 'COACH')]);
    const target = article();
    const question = await post(target, member, 'How often should I do this?');
    const answer = await post(target, coach, 'Three times a week.', question);
    const thanks = await post(target, member, 'Thank you, that is reassuring.', answer);
    expect(await ids({ q: member.email })).toEqual([thanks]);
    const before = await loadInboxCounts({ db: prisma });

    expect(await setQuestionClosed(thanks, true, coach.id, { db: prisma })).toBe(true);
    expect(await setQuestionClosed(thanks, true, coach.id, { db: prisma })).toBe(false); // already closed
    expect(await ids({ q: member.email })).toEqual([]);
    const [closed] = (await loadQuestions(query({ view: 'all', q: 'reassuring' }), { db: prisma })).questions;
    expect(closed).toMatchObject({ id: thanks, answeredAt: null, closedBy: { name: 'Maya Closer' } });
    expect(closed.closedAt).toBeInstanceOf(Date);
    let thread = new Map((await loadThread(target, { db: prisma })).comments.map((c) => [c.id, c]));
    expect(thread.get(thanks)!.awaitingCoach).toBe(false); // no "Awaiting a coach" under it
    expect(thread.get(question)).toMatchObject({ awaitingCoach: true, answered: true });
    const after = await loadInboxCounts({ db: prisma });
    expect([after.awaiting, after.all]).toEqual([before.awaiting - 1, before.all]);

    expect(await setQuestionClosed(thanks, false, coach.id, { db: prisma })).toBe(true);
    expect(await ids({ q: member.email })).toEqual([thanks]);
    thread = new Map((await loadThread(target, { db: prisma })).comments.map((c) => [c.id, c]));
    expect(thread.get(thanks)).toMatchObject({ awaitingCoach: true, answered: false });

    // An answered question cannot be closed, and a member-to-member reply was never a question.
    await post(target, coach, 'You are welcome.', thanks);
    expect(await setQuestionClosed(thanks, true, coach.id, { db: prisma })).toBe(false);
  });

  it('lists reports and hidden comments with the same filters, and counts what is waiting', async () => {
    const [writer, reporter] = await Promise.all([person('Rita Reported'), person('Rob Reporter')]);
    const reported = await post(article(), writer, 'Buy my miracle belt (report me)');
    const hidden = await post(phase('filter-phase-one'), writer, 'Something to hide (hide me)');
    await reportComment(reported, reporter.id, 'spam', { db: prisma });
    await setHidden(hidden, true, { db: prisma });

    expect((await loadReports(query({ view: 'reports', q: writer.email }), { db: prisma })).reports.map((r) => r.comment.id)).toEqual([reported]);
    expect((await loadReports(query({ view: 'reports', q: writer.email, kind: 'phase' }), { db: prisma })).total).toBe(0);
    expect((await loadHidden(query({ view: 'hidden', q: 'hide me' }), { db: prisma })).hidden.map((h) => h.id)).toEqual([hidden]);

    const counts = await loadInboxCounts({ db: prisma });
    expect(counts).toEqual({
      awaiting: await prisma.comment.count({ where: { awaitingCoach: true, answeredAt: null, closedAt: null, status: 'PUBLISHED' } }),
      all: await prisma.comment.count({ where: { awaitingCoach: true, status: 'PUBLISHED' } }),
      reports: await prisma.commentReport.count({ where: { resolvedAt: null } }),
      hidden: await prisma.comment.count({ where: { status: 'HIDDEN' } }),
    });
    expect(counts.reports).toBeGreaterThanOrEqual(1);
    expect(counts.hidden).toBeGreaterThanOrEqual(1);
  });
});
