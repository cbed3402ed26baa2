// Newsletters against a real database and the real outbox: drafts appear for new items
// only (not the back catalogue), queuing writes one copy per opted-in recipient with the
// member's or non-member's rendering and only public text (the premium-leak check for
// email), exactly once when queued twice at once or after a half-done run, schedules come
// due, and the newsletter link unsubscribes from the newsletter only.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNewsletterDrafts } from '@/lib/newsletters/drafts';
import { createScheduler } from '@/lib/jobs/scheduler';
import { newsletterQueueJob } from '@/lib/jobs/site-jobs';
import { markFinishedNewsletters, queueDueNewsletters, queueNewsletter } from '@/lib/newsletters/queue';
import { newsletterProgress } from '@/lib/newsletters/queries';
import { handleNewsletterOneClick, unsubscribeFromNewsletter } from '@/lib/newsletters/opt-in';
import { getNotificationSettings, updateNotificationSettings } from '@/lib/comments/notifications';
import { deliverPendingEmails } from '@/lib/email/send-email';
import type { MailMessage } from '@/lib/email/transport';
import type { PrismaClient } from '@/lib/db/generated/client';
import { normalize, premiumOnlySentences } from '../helpers/content-text';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

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
  await prisma.outboxEmail.deleteMany();
  await prisma.newsletter.deleteMany();
  await prisma.user.deleteMany();
  await prisma.systemState.deleteMany({ where: { key: 'newsletters:since' } });
});

const MEMBERS_ARTICLE = 'building-a-resilient-core'; // access: members, published 2026-09-30
const at = (iso: string) => new Date(iso);

/** `count` opted-in people, every other one entitled (a comp grant), plus two who did not opt in. */
async function people(count: number): Promise<{ members: string[]; others: string[] }> {
  const members: string[] = [];
  const others: string[] = [];
  for (let i = 0; i < count + 2; i++) {
    const user = await prisma.user.create({ data: { email: `reader-${i}@example.com` }, select: { id: true, email: true } });
    await prisma.notificationSettings.create({ data: { userId: user.id, unsubscribeToken: `placeholder-${i}`, newsletter: i < count } });
    if (i >= count) continue;
    if (i % 2 === 0) {
      await prisma.compGrant.create({ data: { userId: user.id } });
      members.push(user.email);
    } else others.push(user.email);
  }
  return { members, others };
}

async function draftFor(slug = MEMBERS_ARTICLE, kind = 'article') {
  return prisma.newsletter.create({ data: { contentKind: kind, contentSlug: slug, subject: 'Building a resilient core' }, select: { id: true } });
}

describe('drafts', () => {
  it('are made for items published since the first run (less the look-back), not for the back catalogue', async () => {
    expect(await createNewsletterDrafts({ db: prisma, now: at('2026-10-01T09:00:00Z'), lookbackDays: 3 })).toBe(1);
    expect(await prisma.newsletter.findMany({ select: { contentKind: true, contentSlug: true, status: true } })).toEqual([
      { contentKind: 'article', contentSlug: MEMBERS_ARTICLE, status: 'DRAFT' },
    ]);
    // Later runs: the watermark stays, already-drafted items are not made again, new ones are.
    expect(await createNewsletterDrafts({ db: prisma, now: at('2026-10-02T09:00:00Z'), lookbackDays: 3 })).toBe(0);
    expect(await createNewsletterDrafts({ db: prisma, now: at('2026-11-15T00:00:00Z'), lookbackDays: 3 })).toBe(1);
    expect((await prisma.newsletter.findMany({ select: { contentSlug: true }, orderBy: { contentSlug: 'asc' } })).map((n) => n.contentSlug)).toEqual([
      MEMBERS_ARTICLE,
      'sciatica-myths',
    ]);
  });

  it('wait for an item whose date has not come', async () => {
    expect(await createNewsletterDrafts({ db: prisma, now: at('2026-11-14T23:59:00Z'), lookbackDays: 0 })).toBe(0);
    expect(await createNewsletterDrafts({ db: prisma, now: at('2026-11-15T00:00:00Z'), lookbackDays: 0 })).toBe(1);
  });
});

describe('queuing', () => {
  it('writes one copy per opted-in recipient, the members-only text never in any of them', async () => {
    const { members, others } = await people(20);
    const { id } = await draftFor();
    expect(await queueNewsletter(id, { db: prisma })).toEqual({ status: 'queued', recipients: 20 });
    const emails = await prisma.outboxEmail.findMany({ where: { newsletterId: id }, select: { to: true, text: true, html: true, listUnsubscribeUrl: true } });
    expect(emails.map((e) => e.to).sort()).toEqual([...members, ...others].sort());

    const hidden = premiumOnlySentences().filter((s) => s.source === `article:${MEMBERS_ARTICLE}`);
    expect(hidden.length).toBeGreaterThan(0);
    for (const email of emails) {
      const body = normalize(`${email.text} ${email.html}`);
      expect(hidden.filter((s) => body.includes(s.normalized)).map((s) => s.sentence), email.to).toEqual([]);
      const isMember = members.includes(email.to);
      expect(email.text.includes('Read it now:'), email.to).toBe(isMember);
      expect(email.text.includes('Become a member:'), email.to).toBe(!isMember);
      // Each recipient's own token, in the links and the List-Unsubscribe header.
      const token = /newsletters\/unsubscribe\?token=([\w-]+)/.exec(email.text)![1];
      expect(email.listUnsubscribeUrl).toContain(`/api/newsletters/unsubscribe?token=${token}`);
      expect(email.html).toContain(token);
      expect(email.text).not.toContain('NEWSLETTER0UNSUBSCRIBE0TOKEN');
    }
    expect(new Set(emails.map((e) => e.listUnsubscribeUrl)).size).toBe(20);
    expect(await prisma.newsletter.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({ status: 'SENDING' });
  });

  it('queues once when two runs race, and a repeat or a half-done earlier run adds nobody twice', async () => {
    const { members, others } = await people(30);
    const { id } = await draftFor();
    // A run that wrote some copies and died before its status change (belt and braces: the transaction prevents it).
    await prisma.outboxEmail.create({ data: { to: members[0], subject: 's', text: 't', html: 'h', template: 'newsletter', newsletterId: id } });
    const outcomes = await Promise.all([queueNewsletter(id, { db: prisma }), queueNewsletter(id, { db: prisma })]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['not-due', 'queued']);
    expect(await queueNewsletter(id, { db: prisma })).toEqual({ status: 'not-due' });
    const rows = await prisma.outboxEmail.findMany({ where: { newsletterId: id }, select: { to: true } });
    expect(rows.map((r) => r.to).sort()).toEqual([...members, ...others].sort());
  });

  it('a run that fails halfway leaves it unqueued, and the next run queues everyone once', async () => {
    const { members, others } = await people(6);
    const { id } = await draftFor();
    // The INSERT fails after the status change, inside the same transaction.
    await prisma.$executeRawUnsafe(`ALTER TABLE "OutboxEmail" ADD CONSTRAINT crash_halfway CHECK ("to" <> '${others[1]}')`);
    try {
      await expect(queueNewsletter(id, { db: prisma })).rejects.toThrow();
    } finally {
      await prisma.$executeRawUnsafe('ALTER TABLE "OutboxEmail" DROP CONSTRAINT crash_halfway');
    }
    expect(await prisma.newsletter.findUniqueOrThrow({ where: { id }, select: { status: true, queuedAt: true } })).toEqual({ status: 'DRAFT', queuedAt: null });
    expect(await prisma.outboxEmail.count({ where: { newsletterId: id } })).toBe(0);
    expect(await queueNewsletter(id, { db: prisma })).toEqual({ status: 'queued', recipients: 6 });
    expect((await prisma.outboxEmail.findMany({ where: { newsletterId: id }, select: { to: true } })).map((r) => r.to).sort()).toEqual([...members, ...others].sort());
  });

  it('queues a schedule only once it is due, and never a cancelled one', async () => {
    await people(4);
    const { id } = await draftFor();
    const other = await draftFor('sciatica-myths');
    await prisma.newsletter.update({ where: { id }, data: { status: 'SCHEDULED', scheduledFor: at('2026-12-10T08:00:00Z') } });
    await prisma.newsletter.update({ where: { id: other.id }, data: { status: 'CANCELLED', scheduledFor: at('2026-12-10T08:00:00Z') } });
    expect(await queueDueNewsletters({ db: prisma, now: at('2026-12-10T07:59:00Z') })).toBe(0);
    expect(await queueDueNewsletters({ db: prisma, now: at('2026-12-10T08:00:00Z') })).toBe(1);
    expect(await prisma.outboxEmail.count({ where: { newsletterId: id } })).toBe(4);
    expect(await prisma.outboxEmail.count({ where: { newsletterId: other.id } })).toBe(0);
  });
});

describe('the queue job', () => {
  it('run by two schedulers at once (two instances) queues a due newsletter once', async () => {
    await people(10);
    const { id } = await draftFor();
    await prisma.newsletter.update({ where: { id }, data: { status: 'SCHEDULED', scheduledFor: new Date(Date.now() - 60_000) } });
    const schedulers = [createScheduler({ connection: db.connection, log: () => {} }), createScheduler({ connection: db.connection, log: () => {} })];
    for (const scheduler of schedulers) scheduler.register(newsletterQueueJob);
    const ticks = await Promise.all(schedulers.map((s) => s.tick(newsletterQueueJob.name)));
    expect(ticks.filter((t) => t === 'ran').length).toBe(1);
    expect(await prisma.outboxEmail.count({ where: { newsletterId: id } })).toBe(10);
    expect(await prisma.newsletter.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({ status: 'SENDING' });
  });
});

describe('delivery', () => {
  it('two deliverers send each of 200 recipients exactly one copy, then the newsletter is SENT', async () => {
    const { members, others } = await people(200);
    const { id } = await draftFor();
    await queueNewsletter(id, { db: prisma });
    const received: MailMessage[] = [];
    const transport = { sendMail: async (m: MailMessage) => void received.push(m) };
    const deliver = () => deliverPendingEmails({ db: prisma, transport, batchSize: 25, ratePerSecond: 100_000 });
    await Promise.all([deliver(), deliver()]);
    expect(received.map((m) => m.to).sort()).toEqual([...members, ...others].sort());
    expect(received.every((m) => m.headers?.['List-Unsubscribe-Post'] === 'List-Unsubscribe=One-Click')).toBe(true);
    expect(await newsletterProgress(id, { db: prisma })).toEqual({ sent: 200, failed: 0, left: 0, total: 200 });
    expect(await markFinishedNewsletters(prisma)).toBe(1);
    expect(await prisma.newsletter.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({ status: 'SENT' });
  });
});

describe('unsubscribe', () => {
  it('turns off the newsletter only, with one click (POST) or the page, and refuses a bad token', async () => {
    const user = await prisma.user.create({ data: { email: 'leaving@example.com' }, select: { id: true } });
    await updateNotificationSettings(user.id, { replies: true, coachQuestions: 'IMMEDIATE' }, { db: prisma });
    await prisma.notificationSettings.update({ where: { userId: user.id }, data: { newsletter: true } });
    const { id } = await draftFor();
    await queueNewsletter(id, { db: prisma });
    const { listUnsubscribeUrl } = await prisma.outboxEmail.findFirstOrThrow({ where: { newsletterId: id }, select: { listUnsubscribeUrl: true } });

    const get = await handleNewsletterOneClick(new Request(listUnsubscribeUrl!, { method: 'POST', body: '' }), { db: prisma });
    expect(get.status).toBe(400);
    const post = await handleNewsletterOneClick(new Request(listUnsubscribeUrl!, { method: 'POST', body: 'List-Unsubscribe=One-Click' }), { db: prisma });
    expect(post.status).toBe(200);
    const row = await prisma.notificationSettings.findUniqueOrThrow({ where: { userId: user.id }, select: { newsletter: true } });
    expect(row.newsletter).toBe(false);
    expect(await getNotificationSettings(user.id, { db: prisma })).toEqual({ replies: true, coachQuestions: 'IMMEDIATE' });
    const token = new URL(listUnsubscribeUrl!).searchParams.get('token')!;
    expect(await unsubscribeFromNewsletter(token, { db: prisma })).toBe(true);
    expect(await unsubscribeFromNewsletter('x'.repeat(43), { db: prisma })).toBe(false);
    expect(await unsubscribeFromNewsletter('not a token', { db: prisma })).toBe(false);
  });
});
