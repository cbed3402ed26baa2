// Comment emails against a real database and the real outbox: replies to the parent's
// author, member questions to coaches who want them at once, the daily digest (once per
// 24 hours, one email even when several instances run it together), settings and the
// one-click unsubscribe token.
import crypto from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  formatAge,
  getNotificationSettings,
  handleOneClickUnsubscribe,
  notifyAboutNewComment,
  sendCoachDigests,
  unsubscribeAll,
  unsubscribeToken,
  updateNotificationSettings,
} from '@/lib/comments/notifications';
import { deleteComment, postComment } from '@/lib/comments/store';
import { setQuestionClosed } from '@/lib/comments/moderation';
import { resolveTarget, type CommentTarget } from '@/lib/comments/targets';
import { deliverPendingEmails } from '@/lib/email/send-email';
import type { MailMessage } from '@/lib/email/transport';
import type { PrismaClient } from '@/lib/db/generated/client';
import { absoluteUrl } from '@/lib/site';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/database';
import { CLIENT_ADDRESS_HEADER, clientAddressStep } from '../../scripts/client-address.mjs';

let db: TestDatabase;
let prisma: PrismaClient;
beforeAll(async () => {
  db = await createTestDatabase();
  prisma = db.connection.prisma;
});
afterAll(async () => {
  await db?.drop();
});
beforeEach(async () => {
  // Every coach in the database gets member questions: each test starts with nobody.
  await prisma.outboxEmail.deleteMany();
  await prisma.comment.deleteMany();
  await prisma.user.deleteMany();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const article = resolveTarget({ kind: 'article', slug: 'sciatica-myths' })!;
const HOUR = 3_600_000;

type Role = 'MEMBER' | 'COACH' | 'ADMIN';
type Person = { id: string; email: string; role: Role; name: string | null };
let n = 0;
async function person(name: string, role: Role = 'MEMBER', settings?: { replies?: boolean; coachQuestions?: 'IMMEDIATE' | 'DAILY_DIGEST' | 'OFF' }): Promise<Person> {
  const user = await prisma.user.create({ data: { email: `${name.split(' ')[0].toLowerCase()}-${++n}@example.com`, name, role }, select: { id: true, email: true, role: true, name: true } });
  if (settings) await updateNotificationSettings(user.id, { replies: settings.replies ?? true, coachQuestions: settings.coachQuestions ?? 'IMMEDIATE' }, { db: prisma });
  return user;
}

async function post(author: Person, body: string, parentId: string | null = null, options: { target?: CommentTarget; now?: Date; asStaff?: boolean } = {}) {
  const result = await postComment(
    { target: options.target ?? article, authorId: author.id, authorIsStaff: options.asStaff ?? author.role !== 'MEMBER', parentId, body },
    { db: prisma, now: options.now },
  );
  if (!result.ok) throw new Error(result.problem);
  return result.id;
}

/** Posts, then notifies, as the post action does. */
async function postAndNotify(author: Person, body: string, parentId: string | null = null, options: Parameters<typeof post>[3] = {}) {
  const id = await post(author, body, parentId, options);
  const { emailed } = await notifyAboutNewComment(id, { db: prisma });
  return { id, emailed };
}

const outbox = (template?: string) =>
  prisma.outboxEmail.findMany({ where: template ? { template } : {}, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { to: true, template: true, subject: true, text: true, html: true } });

const tokenIn = (text: string) => /\/notifications\/unsubscribe\?token=([A-Za-z0-9_-]+)/.exec(text)?.[1];

describe(`comment notifications on ${testDatabaseKind()}`, () => {
  it('emails the parent author about a reply, with the reply text, its link and an unsubscribe link', async () => {
    const member = await person('Morgan Lee');
    const coach = await person('Maya Okafor', 'COACH', { coachQuestions: 'OFF' });
    const { id: question } = await postAndNotify(member, 'Does sitting all day cause sciatica?');
    expect(await outbox()).toEqual([]); // the only coach asked for no question emails

    const { id: reply, emailed } = await postAndNotify(coach, 'Not on its own. **Move every hour**, and see [the walking plan](https://example.com/walk).\n\n- short walks\n- gentle stretches', question);
    expect(emailed).toEqual([member.email]);
    const [email] = await outbox();
    expect(email).toMatchObject({ to: member.email, template: 'comment-reply', subject: 'Maya Okafor (coach) replied to your comment' });
    // Plain text of the reply: no Markdown, no link targets.
    expect(email.text).toContain('Not on its own. Move every hour, and see the walking plan.');
    expect(email.text).toContain('• short walks\n• gentle stretches');
    expect(email.text).not.toContain('**');
    expect(email.text).not.toContain('https://example.com/walk');
    expect(email.text).toContain(`On “${article.title}”`);
    const readUrl = absoluteUrl(`/articles/sciatica-myths#comment-${reply}`);
    expect(email.text).toContain(`Read the reply: ${readUrl}`);
    expect(email.html).toContain(`href="${readUrl}"`);
    expect(email.html).toContain('Read the reply</a>');
    // The footnote: settings page and the one-click unsubscribe page.
    const token = tokenIn(email.text);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(email.text).toContain(absoluteUrl(`/notifications/unsubscribe?token=${token}`));
    expect(email.text).toContain(`Choose which emails you get: ${absoluteUrl('/account')}`);
    expect(email.html).toContain(`/notifications/unsubscribe?token=${token}`);

    // A member's reply: no "(coach)".
    const sam = await person('Sam');
    await postAndNotify(sam, 'Same question here, thanks!', reply);
    expect((await outbox()).at(-1)).toMatchObject({ to: coach.email, subject: 'Sam replied to your comment' });
  });

  it('sends no reply email for a self-reply, when replies are off, or to a deleted comment', async () => {
    const member = await person('Riley');
    const quiet = await person('Quinn', 'MEMBER', { replies: false });
    const other = await person('Pat');
    const first = await post(member, 'My own thread');
    expect((await postAndNotify(member, 'Adding a detail to my own comment', first)).emailed).toEqual([]);

    const quietComment = await post(quiet, 'Please do not email me');
    expect((await postAndNotify(other, 'A reply Quinn does not want emailed', quietComment)).emailed).toEqual([]);

    // A reply to a comment whose author deleted it after the reply was posted.
    const doomed = await post(other, 'I will delete this');
    const late = await post(member, 'Replying before it goes', doomed);
    await deleteComment(doomed, other.id, { db: prisma });
    expect((await notifyAboutNewComment(late, { db: prisma })).emailed).toEqual([]);
    expect(await outbox()).toEqual([]);
  });

  it('emails a member question to coaches and admins who want each one at once, and to nobody else', async () => {
    const member = await person('Morgan');
    const byDefault = await person('Avery Coach', 'COACH'); // no settings row: IMMEDIATE
    const immediate = await person('Blake Coach', 'COACH', { coachQuestions: 'IMMEDIATE' });
    await person('Casey Coach', 'COACH', { coachQuestions: 'DAILY_DIGEST' });
    await person('Drew Coach', 'COACH', { coachQuestions: 'OFF' });
    const admin = await person('Emery Admin', 'ADMIN');
    await person('Other Member');

    const { id, emailed } = await postAndNotify(member, 'Is it safe to run with a **disc bulge**?');
    expect(emailed.sort()).toEqual([byDefault.email, immediate.email, admin.email].sort());
    const emails = await outbox();
    expect(emails.map((e) => e.to).sort()).toEqual(emailed.sort());
    for (const email of emails) {
      expect(email.template).toBe('coach-question');
      expect(email.subject).toBe(`Morgan asked a question on “${article.title}”`);
      expect(email.text).toContain('Is it safe to run with a disc bulge?');
      expect(email.text).toContain(`Answer in the coach inbox: ${absoluteUrl(`/staff/inbox?question=${id}#comment-${id}`)}`);
      expect(email.html).toContain(`href="${absoluteUrl(`/staff/inbox?question=${id}#comment-${id}`)}"`);
      expect(tokenIn(email.text)).toBeDefined();
    }
    // Each coach's own link.
    expect(new Set(emails.map((e) => tokenIn(e.text))).size).toBe(emails.length);
  });

  it('does not email the author of a question, even one who is staff by now', async () => {
    // Posted as a member, promoted to coach before the notification went out.
    const promoted = await person('Jordan', 'COACH');
    const colleague = await person('Kim', 'COACH');
    const { emailed } = await postAndNotify(promoted, 'A question I asked as a member', null, { asStaff: false });
    expect(emailed).toEqual([colleague.email]);
  });

  it('a staff reply emails the member it answers, and no coach about itself; a follow-up emails the coaches, each once', async () => {
    const member = await person('Morgan');
    const coach = await person('Maya Okafor', 'COACH');
    const otherCoach = await person('Tom Coach', 'COACH');
    const { id: question } = await postAndNotify(member, 'How often should I do the bridges?');
    await prisma.outboxEmail.deleteMany();

    const answer = await postAndNotify(coach, 'Three times a week is plenty.', question);
    expect(answer.emailed).toEqual([member.email]);
    expect((await outbox()).map((e) => e.template)).toEqual(['comment-reply']);
    expect(await prisma.comment.findUniqueOrThrow({ where: { id: answer.id }, select: { awaitingCoach: true } })).toEqual({ awaitingCoach: false });
    await prisma.outboxEmail.deleteMany();

    // The follow-up replies to Maya and awaits a coach: Maya hears once (as the reply), Tom as a question.
    const followUp = await postAndNotify(member, 'And on rest days?', answer.id);
    expect(followUp.emailed.sort()).toEqual([coach.email, otherCoach.email].sort());
    const emails = await outbox();
    expect(emails.find((e) => e.to === coach.email)).toMatchObject({ template: 'comment-reply', subject: 'Morgan replied to your comment' });
    expect(emails.find((e) => e.to === otherCoach.email)).toMatchObject({ template: 'coach-question', subject: `Morgan followed up on “${article.title}”` });
  });

  it('sends nothing for hidden or deleted comments, or when the page is gone', async () => {
    const member = await person('Morgan');
    await person('Maya', 'COACH');
    const hidden = await post(member, 'To be hidden');
    await prisma.comment.update({ where: { id: hidden }, data: { status: 'HIDDEN' } });
    const deleted = await post(member, 'To be deleted');
    await deleteComment(deleted, member.id, { db: prisma });
    const gone = await post(member, 'On an article that was removed', null, { target: { kind: 'article', slug: 'no-such-article', title: 'Gone', url: '/articles/no-such-article', membersOnly: false } });
    for (const id of [hidden, deleted, gone, 'no-such-comment']) expect((await notifyAboutNewComment(id, { db: prisma })).emailed).toEqual([]);
    expect(await outbox()).toEqual([]);
  });

  it('does not email a reply on members-only content to someone who can no longer read it', async () => {
    const phase = resolveTarget({ kind: 'phase', slug: 'phase-one' })!;
    expect(phase.membersOnly).toBe(true);
    const lapsed = await person('Lapsed Member');
    const coach = await person('Maya', 'COACH', { coachQuestions: 'OFF' });
    const question = await post(lapsed, 'A question from when I was a member', null, { target: phase });
    expect((await postAndNotify(coach, 'An answer', question, { target: phase })).emailed).toEqual([]);

    await prisma.compGrant.create({ data: { userId: lapsed.id } });
    expect((await postAndNotify(coach, 'Another answer', question, { target: phase })).emailed).toEqual([lapsed.email]);
  });

  it('sends a daily digest of the questions still waiting, once per 24 hours, oldest first', async () => {
    const now = new Date(Date.UTC(2026, 2, 10, 8, 0));
    const at = (hoursFromNow: number) => new Date(now.getTime() + hoursFromNow * HOUR);
    const digest = await person('Dana Digest', 'COACH', { coachQuestions: 'DAILY_DIGEST' });
    const immediate = await person('Ivy Immediate', 'COACH', { coachQuestions: 'IMMEDIATE' });
    await person('Olly Off', 'COACH', { coachQuestions: 'OFF' });
    await person('Mo Member', 'MEMBER', { coachQuestions: 'DAILY_DIGEST' }); // members get no digest, whatever the row says
    const member = await person('Morgan');
    const sam = await person('Sam');

    await post(member, 'Too old for the first digest', null, { now: at(-30) });
    const second = await post(member, 'Second: **ten hours** ago', null, { now: at(-10) });
    await post(sam, 'Third: two hours ago', null, { now: at(-2) });
    const answered = await post(member, 'Answered already', null, { now: at(-5) });
    await post(immediate, 'Here is your answer', answered, { now: at(-4) });
    const deleted = await post(member, 'Deleted question', null, { now: at(-3) });
    await deleteComment(deleted, member.id, { db: prisma });
    await post(sam, 'Member to member chat, not a question', second, { now: at(-1) });
    const thanks = await post(sam, 'Thanks, that helps', null, { now: at(-1) });
    expect(await setQuestionClosed(thanks, true, immediate.id, { db: prisma })).toBe(true); // "No reply needed"

    expect(await sendCoachDigests({ db: prisma, now })).toBe(1);
    const [email] = await outbox();
    expect(email).toMatchObject({ to: digest.email, template: 'coach-digest', subject: '2 member questions are waiting for a coach' });
    expect(email.text).toContain(`1. Morgan, 10 hours ago, on “${article.title}”:\nSecond: ten hours ago`);
    expect(email.text).toContain(`2. Sam, 2 hours ago, on “${article.title}”:\nThird: two hours ago`);
    expect(email.text.indexOf('Second:')).toBeLessThan(email.text.indexOf('Third:'));
    for (const left of ['Too old', 'Answered already', 'Deleted question', 'Member to member', 'Thanks, that helps']) expect(email.text).not.toContain(left);
    expect(email.text).toContain(`Open the coach inbox: ${absoluteUrl('/staff/inbox')}`);
    expect(email.html).toContain(`href="${absoluteUrl('/staff/inbox')}"`);
    expect(tokenIn(email.text)).toBeDefined();
    const lastDigestAt = async () => (await prisma.notificationSettings.findUniqueOrThrow({ where: { userId: digest.id } })).lastDigestAt?.getTime();
    expect(await lastDigestAt()).toBe(now.getTime());

    // Hourly checks within the day send nothing more, even with a new question.
    expect(await sendCoachDigests({ db: prisma, now: at(1) })).toBe(0);
    await post(sam, 'Fourth, after the digest', null, { now: at(2) });
    expect(await sendCoachDigests({ db: prisma, now: at(23.9) })).toBe(0);
    expect(await outbox('coach-digest')).toHaveLength(1);

    // A day later: only what came in since the last digest.
    expect(await sendCoachDigests({ db: prisma, now: at(24) })).toBe(1);
    const next = (await outbox('coach-digest'))[1];
    expect(next.subject).toBe('One member question is waiting for a coach');
    expect(next.text).toContain('1. Sam, 22 hours ago');
    expect(next.text).toContain('Fourth, after the digest');
    expect(next.text).not.toContain('Second:');

    // Nothing new: no email, but the clock still moves, so the next one is a day later.
    expect(await sendCoachDigests({ db: prisma, now: at(48) })).toBe(0);
    expect(await lastDigestAt()).toBe(at(48).getTime());
    await post(member, 'Fifth', null, { now: at(50) });
    expect(await sendCoachDigests({ db: prisma, now: at(71) })).toBe(0);
    expect(await sendCoachDigests({ db: prisma, now: at(72) })).toBe(1);
    expect(await outbox('coach-digest')).toHaveLength(3);
  });

  it('a first digest covers the last 24 hours; none when nothing waits', async () => {
    const now = new Date(Date.UTC(2026, 2, 10, 8, 0));
    const coach = await person('Dana', 'COACH', { coachQuestions: 'DAILY_DIGEST' });
    expect(await sendCoachDigests({ db: prisma, now })).toBe(0);
    expect(await outbox()).toEqual([]);
    expect((await getNotificationSettings(coach.id, { db: prisma })).coachQuestions).toBe('DAILY_DIGEST');
    expect((await prisma.notificationSettings.findUniqueOrThrow({ where: { userId: coach.id } })).lastDigestAt?.getTime()).toBe(now.getTime());
  });

  it('a digest that cannot be queued is given back, to be tried again at the next run', async () => {
    const now = new Date(Date.UTC(2026, 2, 10, 8, 0));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const coach = await person('Dana', 'COACH', { coachQuestions: 'DAILY_DIGEST' });
    // An address queueEmail refuses (the outbox validates every message).
    await prisma.user.update({ where: { id: coach.id }, data: { email: 'not-an-address' } });
    await post(await person('Morgan'), 'Waiting for a coach', null, { now: new Date(now.getTime() - HOUR) });
    expect(await sendCoachDigests({ db: prisma, now })).toBe(0);
    expect((await prisma.notificationSettings.findUniqueOrThrow({ where: { userId: coach.id } })).lastDigestAt).toBeNull();
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining('digest for user'));

    await prisma.user.update({ where: { id: coach.id }, data: { email: 'dana@example.com' } });
    expect(await sendCoachDigests({ db: prisma, now: new Date(now.getTime() + HOUR) })).toBe(1);
    expect((await outbox('coach-digest')).map((e) => e.to)).toEqual(['dana@example.com']);
  });

  it('two instances running the digest at once send each coach one email', async () => {
    const now = new Date(Date.UTC(2026, 2, 10, 8, 0));
    const coaches = await Promise.all([person('Dana', 'COACH', { coachQuestions: 'DAILY_DIGEST' }), person('Eli', 'ADMIN', { coachQuestions: 'DAILY_DIGEST' })]);
    const member = await person('Morgan');
    await post(member, 'Waiting for a coach', null, { now: new Date(now.getTime() - HOUR) });
    // On PostgreSQL a second connection pool is a second app instance; PGlite has one connection.
    const other = db.kind === 'postgres' ? db.openAnother().prisma : prisma;
    await other.$queryRaw`SELECT 1`;

    const runs = await Promise.all([
      sendCoachDigests({ db: prisma, now }),
      sendCoachDigests({ db: other, now }),
      sendCoachDigests({ db: prisma, now }),
      sendCoachDigests({ db: other, now }),
    ]);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(2);
    expect((await outbox('coach-digest')).map((e) => e.to).sort()).toEqual(coaches.map((c) => c.email).sort());
  });

  it('the unsubscribe link turns every comment email off, works more than once, and only for real tokens', async () => {
    const member = await person('Morgan');
    const coach = await person('Maya', 'COACH', { coachQuestions: 'IMMEDIATE' });
    // A settings row written before any email: its token is fixed up when the first email is made.
    await updateNotificationSettings(member.id, { replies: true, coachQuestions: 'IMMEDIATE' }, { db: prisma });
    const question = await post(member, 'A question');
    await notifyAboutNewComment(question, { db: prisma });
    await postAndNotify(coach, 'An answer', question);
    await postAndNotify(coach, 'And another thought', question);
    const replies = await outbox('comment-reply');
    expect(replies).toHaveLength(2);
    const token = tokenIn(replies[0].text)!;
    expect(tokenIn(replies[1].text)).toBe(token); // the same link in every email
    expect(await unsubscribeToken(member.id, { db: prisma })).toBe(token);

    // Only the token's SHA-256 is stored.
    const row = await prisma.notificationSettings.findUniqueOrThrow({ where: { userId: member.id } });
    expect(row.unsubscribeToken).toBe(crypto.createHash('sha256').update(token).digest('hex'));
    expect(row.unsubscribeToken).not.toContain(token);

    expect(await unsubscribeAll(crypto.randomBytes(32).toString('base64url'), { db: prisma })).toBe(false);
    for (const bad of ['', 'abc', `${token}x`, row.unsubscribeToken]) expect(await unsubscribeAll(bad, { db: prisma })).toBe(false);
    expect(await getNotificationSettings(member.id, { db: prisma })).toEqual({ replies: true, coachQuestions: 'IMMEDIATE' });

    expect(await unsubscribeAll(token, { db: prisma })).toBe(true);
    expect(await unsubscribeAll(token, { db: prisma })).toBe(true);
    expect(await getNotificationSettings(member.id, { db: prisma })).toEqual({ replies: false, coachQuestions: 'OFF' });
    expect((await postAndNotify(coach, 'A third reply, not emailed', question)).emailed).toEqual([]);

    // A coach's own link stops question emails too.
    const coachToken = tokenIn((await outbox('coach-question'))[0].text)!;
    expect(await unsubscribeAll(coachToken, { db: prisma })).toBe(true);
    expect((await postAndNotify(member, 'A new question nobody is emailed about')).emailed).toEqual([]);
  });

  it("sends List-Unsubscribe with one-click POST (RFC 8058), and a mail app's POST unsubscribes while a GET-ing scanner cannot", async () => {
    const member = await person('Morgan');
    const coach = await person('Maya', 'COACH', { coachQuestions: 'OFF' });
    const question = await post(member, 'A question');
    await postAndNotify(coach, 'An answer', question);
    const sent: MailMessage[] = [];
    expect(await deliverPendingEmails({ db: prisma, transport: { sendMail: async (m) => sent.push(m) } })).toMatchObject({ sent: 1 });
    const token = tokenIn(sent[0].text)!;
    const oneClick = absoluteUrl(`/api/notifications/unsubscribe?token=${token}`);
    expect(sent[0].headers).toEqual({ 'List-Unsubscribe': `<${oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });

    const postTo = (url: string, body: string) => handleOneClickUnsubscribe(new Request(url, { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }), { db: prisma });
    // Not a one-click body, or not our token: nothing changes.
    expect((await postTo(oneClick, '')).status).toBe(400);
    expect((await postTo(oneClick.replace(token, 'x'.repeat(43)), 'List-Unsubscribe=One-Click')).status).toBe(404);
    expect(await getNotificationSettings(member.id, { db: prisma })).toEqual({ replies: true, coachQuestions: 'IMMEDIATE' });
    expect((await postTo(oneClick, 'List-Unsubscribe=One-Click')).status).toBe(200);
    expect(await getNotificationSettings(member.id, { db: prisma })).toEqual({ replies: false, coachQuestions: 'OFF' });

    // Account emails (sign-in links and the like) carry no such header: they are not a list.
    await prisma.outboxEmail.create({ data: { to: member.email, subject: 'Sign in', text: 'Link', html: '<p>Link</p>', template: 'magic-link' } });
    await deliverPendingEmails({ db: prisma, transport: { sendMail: async (m) => sent.push(m) } });
    expect(sent.at(-1)!.headers).toBeUndefined();
  });

  it('one-click unsubscribe: 429 once one network posts too many unknown tokens; real ones from elsewhere still work', async () => {
    const member = await person('Guess Target', 'MEMBER');
    const token = await unsubscribeToken(member.id, { db: prisma });
    const post = (t: string, ip: string) =>
      handleOneClickUnsubscribe(
        new Request(absoluteUrl(`/api/notifications/unsubscribe?token=${t}`), { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { [CLIENT_ADDRESS_HEADER]: ip } }),
        { db: prisma },
      );
    clientAddressStep(undefined); // as the server does: the resolved client address is read from this header
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await post(`${'g'.repeat(40)}${String(i).padStart(3, '0')}`, '198.51.100.77')).status);
    expect(statuses).toEqual([...Array<number>(30).fill(404), 429]);
    // A mail provider posting a real unsubscribe from another address is not held up.
    expect((await post(token, '203.0.113.78')).status).toBe(200);
    expect(await getNotificationSettings(member.id, { db: prisma })).toEqual({ replies: false, coachQuestions: 'OFF' });
  });

  it('settings default without a row and keep what was chosen', async () => {
    const coach = await person('Maya', 'COACH');
    expect(await getNotificationSettings(coach.id, { db: prisma })).toEqual({ replies: true, coachQuestions: 'IMMEDIATE' });
    expect(await prisma.notificationSettings.count({ where: { userId: coach.id } })).toBe(0);
    // Two saves at once: one row, the row is valid.
    await Promise.all([
      updateNotificationSettings(coach.id, { replies: false, coachQuestions: 'DAILY_DIGEST' }, { db: prisma }),
      updateNotificationSettings(coach.id, { replies: false, coachQuestions: 'DAILY_DIGEST' }, { db: prisma }),
    ]);
    expect(await getNotificationSettings(coach.id, { db: prisma })).toEqual({ replies: false, coachQuestions: 'DAILY_DIGEST' });
    const [a, b] = await Promise.all([unsubscribeToken(coach.id, { db: prisma }), unsubscribeToken(coach.id, { db: prisma })]);
    expect(a).toBe(b);
    expect(await getNotificationSettings(coach.id, { db: prisma })).toEqual({ replies: false, coachQuestions: 'DAILY_DIGEST' });
  });

  it('formats how long a question has waited', () => {
    expect(formatAge(20_000)).toBe('just now');
    expect(formatAge(60_000)).toBe('1 minute ago');
    expect(formatAge(45 * 60_000)).toBe('45 minutes ago');
    expect(formatAge(HOUR)).toBe('1 hour ago');
    expect(formatAge(23.9 * HOUR)).toBe('23 hours ago');
    expect(formatAge(24 * HOUR)).toBe('1 day ago');
    expect(formatAge(80 * HOUR)).toBe('3 days ago');
  });
});
