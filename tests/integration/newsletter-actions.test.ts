// The newsletter actions as an attacker would call them: a visitor, a member and a forged
// cookie are refused (nothing queued, nothing scheduled); staff get clear messages for a
// bad date, a time in the past, an unknown newsletter; and send now queues once.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PrismaClient } from '@/lib/db/generated/client';
import { idleResult } from '@/lib/viewer/action-result';
import { formOf as form, sessionCookieFor } from '../helpers/action-caller';
import { useAsAppDatabase } from '../helpers/auth-browser';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/database';

const SECRET = vi.hoisted(() => 'integration-test-secret-that-is-long-enough-0123');
vi.hoisted(() => vi.stubEnv('AUTH_SECRET', SECRET));
const request = vi.hoisted(() => ({ cookie: null as string | null }));
vi.mock('next/headers', () => ({ headers: async () => new Headers(request.cookie ? { cookie: request.cookie } : {}) }));
vi.mock('next/cache', () => ({ updateTag: () => {}, revalidateTag: () => {}, revalidatePath: () => {} }));

const { sendNowAction, scheduleAction, cancelScheduleAction, saveSubjectAction, discardAction } = await import('@/lib/newsletters/actions');

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
  const user = await prisma.user.create({ data: { email: `news-${role.toLowerCase()}-${++n}@example.com`, role } });
  if (role === 'MEMBER') await prisma.compGrant.create({ data: { userId: user.id, reason: 'test' } });
  await prisma.notificationSettings.create({ data: { userId: user.id, unsubscribeToken: `placeholder-${n}`, newsletter: true } });
  return { user, cookie: await sessionCookieFor(prisma, user.id, SECRET) };
}

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString().slice(0, 16);

describe(`newsletter actions on ${testDatabaseKind()}`, () => {
  it('refuse visitors, members and forged cookies, changing nothing', async () => {
    const member = await signedIn('MEMBER');
    const { id } = await prisma.newsletter.create({ data: { contentKind: 'article', contentSlug: 'building-a-resilient-core', subject: 'Original' } });
    const attempts = [
      () => sendNowAction(idleResult, form({ id })),
      () => scheduleAction(idleResult, form({ id, scheduledFor: inAnHour() })),
      () => cancelScheduleAction(idleResult, form({ id })),
      () => saveSubjectAction(idleResult, form({ id, subject: 'Hacked' })),
      () => discardAction(idleResult, form({ id })),
    ];
    for (const cookie of [null, member.cookie, 'authjs.session-token=forged.value.here']) {
      request.cookie = cookie;
      for (const attempt of attempts) expect(await attempt()).toMatchObject({ status: 'error', error: 'unauthorised' });
    }
    expect(await prisma.newsletter.findUniqueOrThrow({ where: { id }, select: { status: true, subject: true, scheduledFor: true } })).toEqual({ status: 'DRAFT', subject: 'Original', scheduledFor: null });
    expect(await prisma.outboxEmail.count()).toBe(0);
  });

  it('answer staff with clear messages for bad input, then schedule, cancel and send once', async () => {
    await prisma.notificationSettings.updateMany({ data: { newsletter: false } });
    const coach = await signedIn('COACH');
    request.cookie = coach.cookie;
    const { id } = await prisma.newsletter.create({ data: { contentKind: 'article', contentSlug: 'sciatica-myths', subject: 'Sciatica myths' } });
    expect(await scheduleAction(idleResult, form({ id, scheduledFor: 'next tuesday' }))).toMatchObject({ status: 'error', error: 'invalid', message: 'Choose a date and time, like 2026-12-10 08:00.' });
    expect(await scheduleAction(idleResult, form({ id, scheduledFor: '2026-02-30T08:00' }))).toMatchObject({ status: 'error', error: 'invalid', message: 'That is not a real date and time.' });
    expect(await scheduleAction(idleResult, form({ id, scheduledFor: '2020-01-01T08:00' }))).toMatchObject({ status: 'error', error: 'failed', message: 'Choose a time in the future, or send it now.' });
    expect(await scheduleAction(idleResult, form({ id: 'no-such-newsletter', scheduledFor: inAnHour() }))).toMatchObject({ status: 'error', message: 'That newsletter was not found.' });
    expect(await sendNowAction(idleResult, form({ id: 'no-such-newsletter' }))).toMatchObject({ status: 'error', message: 'That newsletter was not found.' });
    expect(await saveSubjectAction(idleResult, form({ id, subject: '  ' }))).toMatchObject({ status: 'error', error: 'invalid', message: 'Write a subject.' });
    expect(await cancelScheduleAction(idleResult, form({ id }))).toMatchObject({ status: 'error', message: 'This newsletter is not scheduled.' });

    expect(await saveSubjectAction(idleResult, form({ id, subject: 'Five sciatica myths' }))).toMatchObject({ status: 'success' });
    expect(await scheduleAction(idleResult, form({ id, scheduledFor: inAnHour() }))).toMatchObject({ status: 'success' });
    expect(await prisma.newsletter.findUniqueOrThrow({ where: { id }, select: { status: true, sentById: true } })).toEqual({ status: 'SCHEDULED', sentById: coach.user.id });
    expect(await cancelScheduleAction(idleResult, form({ id }))).toMatchObject({ status: 'success' });
    expect(await sendNowAction(idleResult, form({ id }))).toMatchObject({ status: 'success', message: 'Sending to 1 person.' });
    expect(await sendNowAction(idleResult, form({ id }))).toMatchObject({ status: 'error', error: 'failed' });
    expect(await saveSubjectAction(idleResult, form({ id, subject: 'Too late' }))).toMatchObject({ status: 'error', message: 'This newsletter is sending: it can no longer be changed.' });
    expect(await prisma.outboxEmail.findMany({ where: { newsletterId: id }, select: { to: true, subject: true } })).toEqual([{ to: coach.user.email, subject: 'Five sciatica myths' }]);
  });
});
