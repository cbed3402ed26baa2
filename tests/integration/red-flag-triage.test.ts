// Red-flag triage against a real database and outbox: a member's comment that mentions a
// red-flag symptom is stored flagged, comes first in the coach inbox (even a reply to
// another member), and is emailed at once to every coach whatever their email setting;
// a coach writing the same words is not flagged, and an edit can add a flag, never drop one.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadQuestions } from '@/lib/comments/inbox';
import { inboxQuerySchema } from '@/lib/comments/inbox-query';
import { notifyAboutNewComment, updateNotificationSettings } from '@/lib/comments/notifications';
import { editComment, postComment } from '@/lib/comments/store';
import { resolveTarget } from '@/lib/comments/targets';
import { recordCompletion } from '@/lib/programme/store';
import { loadUrgentNotes, markUrgentNoteSeen, notifyCoachesOfRedFlagNote } from '@/lib/triage/notes';
import type { PrismaClient } from '@/lib/db/generated/client';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/database';

let db: TestDatabase;
let prisma: PrismaClient;
beforeAll(async () => {
  db = await createTestDatabase();
  prisma = db.connection.prisma;
});
afterAll(() => db?.drop());
beforeEach(async () => {
  await prisma.outboxEmail.deleteMany();
  await prisma.comment.deleteMany();
  await prisma.sessionCompletion.deleteMany();
  await prisma.user.deleteMany();
});

const article = resolveTarget({ kind: 'article', slug: 'sciatica-myths' })!;
const RED_FLAG = 'Since this morning I have numbness around my groin and I could not pee properly.';
let n = 0;
const person = (name: string, role: 'MEMBER' | 'COACH' | 'ADMIN' = 'MEMBER') => prisma.user.create({ data: { email: `${name.toLowerCase()}-${++n}@example.com`, name, role } });
async function post(author: { id: string; role: string }, body: string, parentId: string | null = null, now?: Date) {
  const result = await postComment({ target: article, authorId: author.id, authorIsStaff: author.role !== 'MEMBER', parentId, body }, { db: prisma, now });
  if (!result.ok) throw new Error(result.problem);
  return result;
}

describe(`red-flag triage on ${testDatabaseKind()}`, () => {
  it('flags a member’s comment, puts it first in the inbox, and emails every coach at once whatever their setting', async () => {
    const member = await person('Maya');
    const [immediate, digest, off] = [await person('Coach', 'COACH'), await person('Digest', 'COACH'), await person('Quiet', 'ADMIN')];
    await updateNotificationSettings(digest.id, { replies: true, coachQuestions: 'DAILY_DIGEST' }, { db: prisma });
    await updateNotificationSettings(off.id, { replies: true, coachQuestions: 'OFF' }, { db: prisma });
    const earlier = await post(member, 'Is it fine to do the bridge twice a day?', null, new Date(Date.now() - 3_600_000));
    expect(earlier.redFlag).toBe(false);
    await notifyAboutNewComment(earlier.id, { db: prisma });
    expect((await prisma.outboxEmail.findMany()).map((m) => m.to)).toEqual([immediate.email]);
    await prisma.outboxEmail.deleteMany();

    const urgent = await post(member, RED_FLAG);
    expect(urgent.redFlag).toBe(true);
    const { emailed } = await notifyAboutNewComment(urgent.id, { db: prisma });
    expect(emailed.sort()).toEqual([immediate.email, digest.email, off.email].sort());
    const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { to: digest.email } });
    expect(mail.subject).toMatch(/^URGENT: possible red flag from Maya/);
    expect(mail.text).toContain('Numbness or altered feeling in the saddle area');
    expect(mail.text).toContain('New trouble passing urine');

    // Oldest first is the inbox's order, but the red flag, though newer, comes first.
    const { questions } = await loadQuestions(inboxQuerySchema.parse({}), { db: prisma });
    expect(questions.map((q) => q.id)).toEqual([urgent.id, earlier.id]);
    expect(questions[0].redFlag).toBe(true);
  });

  it('sends a member’s red-flag reply to another member to the coaches too', async () => {
    const [asker, replier] = [await person('Asker'), await person('Replier')];
    const question = await post(asker, 'How long did your flare last?');
    const reply = await post(replier, 'Mine went on for weeks and now my left leg is getting weaker every day', question.id);
    const plain = await post(replier, 'About two weeks for me', question.id);
    const rows = await prisma.comment.findMany({ where: { id: { in: [reply.id, plain.id] } }, select: { id: true, awaitingCoach: true, redFlag: true } });
    expect(rows.find((r) => r.id === reply.id)).toMatchObject({ awaitingCoach: true, redFlag: true });
    expect(rows.find((r) => r.id === plain.id)).toMatchObject({ awaitingCoach: false, redFlag: false });
  });

  it('does not flag a coach’s words, and an edit adds a flag but never removes one', async () => {
    const [member, coach] = [await person('Member'), await person('Coach', 'COACH')];
    const question = await post(member, 'Any tips for sitting at work?');
    const advice = await post(coach, 'If you ever notice numbness around your groin, call 111 at once.', question.id);
    expect(advice.redFlag).toBe(false);

    const edited = await post(member, 'My back aches after the drive');
    expect(await editComment({ id: edited.id, authorId: member.id, body: 'My back aches after the drive and I cannot control my bladder' }, { db: prisma })).toEqual({ ok: true });
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: edited.id } })).redFlag).toBe(true);
    await editComment({ id: edited.id, authorId: member.id, body: 'My back aches after the drive' }, { db: prisma });
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: edited.id } })).redFlag).toBe(true);
  });

  it('flags a session note, emails every coach once, and keeps it atop the inbox until a coach marks it seen', async () => {
    const member = await person('Sam');
    const [coach, admin] = [await person('Coach', 'COACH'), await person('Admin', 'ADMIN')];
    await updateNotificationSettings(coach.id, { replies: true, coachQuestions: 'OFF' }, { db: prisma });
    const completion = (requestKey: string, note: string | null) => ({ phaseSlug: 'phase-two', sessionSlug: 'single-leg-balance', requestKey, note, effort: 5, pain: 6 });
    expect(await recordCompletion(member.id, completion('plain-note-key-0001', 'Felt wobbly on the left side'), { db: prisma })).toBe(true);
    expect(await notifyCoachesOfRedFlagNote(member.id, 'plain-note-key-0001', { db: prisma })).toEqual([]);

    expect(await recordCompletion(member.id, completion('urgent-note-key-0001', 'My left leg is getting weaker every day and my foot is dragging'), { db: prisma })).toBe(true);
    expect((await notifyCoachesOfRedFlagNote(member.id, 'urgent-note-key-0001', { db: prisma })).sort()).toEqual([coach.email, admin.email].sort());
    const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { to: coach.email } });
    expect(mail.subject).toMatch(/^URGENT: possible red flag from Sam on “a session note \(Phase Two, /);
    expect(mail.text).toContain('Leg weakness that is getting worse, or foot drop');
    // The same form sent again records nothing more (the action then sends no second email).
    expect(await recordCompletion(member.id, completion('urgent-note-key-0001', 'My left leg is getting weaker every day and my foot is dragging'), { db: prisma })).toBe(false);

    const notes = await loadUrgentNotes({ db: prisma });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ note: expect.stringContaining('getting weaker'), user: { id: member.id, name: 'Sam' } });
    expect(notes[0].signs).toEqual(['Leg weakness that is getting worse, or foot drop']);
    expect(await markUrgentNoteSeen(notes[0].id, { db: prisma })).toBe(true);
    expect(await markUrgentNoteSeen(notes[0].id, { db: prisma })).toBe(false);
    expect(await loadUrgentNotes({ db: prisma })).toEqual([]);
  });
});
