// Who is viewing, and what they may see (lib/viewer/viewer.ts): from the request's real
// session cookie to role, entitlement and session validity in ONE statement, for every
// kind of account; anonymous (at no database cost) without a cookie; anonymous again once
// the session was ended, expired, belongs to someone else or the user is gone. The
// entitlements equal what loadEntitlements (the same row builder, alone) decides.
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { endSession, SESSION_MAX_AGE_SECONDS, startSession } from '@/lib/auth/sessions';
import { loadEntitlements } from '@/lib/billing/entitlements';
import type { PrismaClient } from '@/lib/db/generated/client';
import { getViewer, loadViewer, viewerFromCookie } from '@/lib/viewer/viewer';
import { useAsAppDatabase } from '../helpers/auth-browser';
import { createCountingTestDatabase, testDatabaseKind, type CountingTestDatabase } from '../helpers/database';

const SECRET = vi.hoisted(() => 'integration-test-secret-that-is-long-enough-0123');
vi.hoisted(() => vi.stubEnv('AUTH_SECRET', SECRET));

/** The request's Cookie header, as next/headers gives it to getViewer. */
const request = vi.hoisted(() => ({ cookie: null as string | null }));
vi.mock('next/headers', () => ({ headers: async () => new Headers(request.cookie ? { cookie: request.cookie } : {}) }));

let db: CountingTestDatabase;
let prisma: PrismaClient;
beforeAll(async () => {
  db = await createCountingTestDatabase();
  prisma = db.connection.prisma;
  useAsAppDatabase(db.connection);
});
afterAll(() => db?.drop());

const now = new Date('2026-06-15T12:00:00.000Z');
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);
let n = 0;

async function account(kind: string, role: 'MEMBER' | 'COACH' | 'ADMIN' = 'MEMBER') {
  n++;
  return prisma.user.create({
    data: { email: `${kind}-${n}@example.com`, name: n % 2 ? `Ana "${kind}" O'Neil` : null, role, emailVerified: n % 3 ? new Date('2026-01-02T03:04:05.678Z') : null },
  });
}

async function subscription(userId: string, status: string, periodEnd: Date, extra: { cancelAtPeriodEnd?: boolean; endedAt?: Date; trialEnd?: Date } = {}) {
  n++;
  await prisma.subscription.create({ data: { id: `sub_${n}`, userId, customerId: `cus_${n}`, status, priceId: 'price_monthly', interval: 'month', currentPeriodEnd: periodEnd, ...extra } });
}

/** The Cookie header a browser sends after signing in: Auth.js's own encoding of the session. */
async function cookieFor(userId: string, sessionId: string): Promise<string> {
  const token = await encode({ token: { uid: userId, sid: sessionId }, secret: SECRET, salt: 'authjs.session-token' });
  return `theme=dark; authjs.session-token=${token}`;
}

describe(`the viewer on ${testDatabaseKind()}`, () => {
  it('reads every kind of account, its role and entitlements from the cookie in one statement', async () => {
    const plain = await account('plain');
    const active = await account('active');
    await subscription(active.id, 'active', days(20), { trialEnd: days(-10) });
    const cancelling = await account('cancelling');
    await subscription(cancelling.id, 'active', days(3), { cancelAtPeriodEnd: true });
    await subscription(cancelling.id, 'canceled', days(-40), { endedAt: days(-40) });
    const pastDue = await account('past-due');
    await subscription(pastDue.id, 'past_due', days(2));
    const lapsed = await account('lapsed');
    await subscription(lapsed.id, 'canceled', days(-1), { endedAt: days(-1) });
    const comped = await account('comped');
    await prisma.compGrant.create({ data: { userId: comped.id, endsAt: days(30) } });
    await prisma.compGrant.create({ data: { userId: comped.id, revokedAt: days(-2) } });
    const compEnded = await account('comp-ended');
    await prisma.compGrant.create({ data: { userId: compEnded.id, endsAt: days(-1) } });
    const coach = await account('coach', 'COACH');
    const admin = await account('admin', 'ADMIN');

    const seen: Record<string, { entitled: boolean; isStaff: boolean }> = {};
    for (const user of [plain, active, cancelling, pastDue, lapsed, comped, compEnded, coach, admin]) {
      const sessionId = await startSession(user.id, { db: prisma, now });
      const cookie = await cookieFor(user.id, sessionId);
      const { result: viewer, statements } = await db.countStatements(() => viewerFromCookie(cookie, { db: prisma, now }));
      expect(statements).toBe(1);
      expect(viewer.session).toBe('valid');
      expect(viewer.sessionId).toBe(sessionId);
      expect(viewer.user).toEqual({ id: user.id, email: user.email, name: user.name, role: user.role, emailVerified: user.emailVerified });
      expect(viewer.entitlements).toEqual(await loadEntitlements(user.id, { db: prisma, now }));
      expect(viewer.entitled).toBe(viewer.entitlements.premium);
      seen[user.email.split('-')[0]] = { entitled: viewer.entitled, isStaff: viewer.isStaff };
    }
    // The cases differ (a control that the equality above compares something); staff count as entitled.
    expect(seen).toEqual({
      plain: { entitled: false, isStaff: false },
      active: { entitled: true, isStaff: false },
      cancelling: { entitled: true, isStaff: false },
      past: { entitled: true, isStaff: false },
      lapsed: { entitled: false, isStaff: false },
      comped: { entitled: true, isStaff: false },
      comp: { entitled: false, isStaff: false },
      coach: { entitled: true, isStaff: true },
      admin: { entitled: true, isStaff: true },
    });
  });

  it('is anonymous without a cookie, or with one that does not decrypt, and asks the database nothing', async () => {
    for (const cookie of [null, '', 'theme=dark', 'authjs.session-token=forged.value.here']) {
      const { result: viewer, statements } = await db.countStatements(() => viewerFromCookie(cookie, { db: prisma, now }));
      expect(statements).toBe(0);
      expect(viewer).toMatchObject({ user: null, session: 'none', sessionId: null, entitled: false, isStaff: false });
      expect(viewer.entitlements.premium).toBe(false);
    }
  });

  it('is anonymous, with the session marked ended, once it was ended or expired, for another user, or for a deleted user', async () => {
    const user = await account('ended', 'ADMIN');
    const other = await account('other');
    const session = { userId: user.id, sessionId: await startSession(user.id, { db: prisma, now }) };
    const kept = { userId: user.id, sessionId: await startSession(user.id, { db: prisma, now }) };
    const ended = { user: null, session: 'ended', sessionId: null, entitled: false, isStaff: false };
    expect(await loadViewer(session, { db: prisma, now })).toMatchObject({ session: 'valid', entitled: true, isStaff: true });
    expect(await loadViewer({ userId: other.id, sessionId: session.sessionId }, { db: prisma, now })).toMatchObject(ended);
    expect(await loadViewer(session, { db: prisma, now: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) })).toMatchObject(ended);
    await endSession(session.sessionId, { db: prisma });
    expect(await viewerFromCookie(await cookieFor(user.id, session.sessionId), { db: prisma, now })).toMatchObject(ended);
    expect(await loadViewer(kept, { db: prisma, now })).toMatchObject({ session: 'valid' });
    await prisma.user.delete({ where: { id: user.id } });
    expect(await loadViewer(kept, { db: prisma, now })).toMatchObject(ended);
    expect(await prisma.authSession.count({ where: { userId: user.id } })).toBe(0);
  });

  it('sees a role change at the next read: nothing about the role lives in the cookie', async () => {
    const user = await account('promoted');
    const cookie = await cookieFor(user.id, await startSession(user.id, { db: prisma, now }));
    expect(await viewerFromCookie(cookie, { db: prisma, now })).toMatchObject({ isStaff: false, entitled: false });
    await prisma.user.update({ where: { id: user.id }, data: { role: 'COACH' } });
    expect(await viewerFromCookie(cookie, { db: prisma, now })).toMatchObject({ isStaff: true, entitled: true, user: { role: 'COACH' } });
  });

  it('loads anyone else’s entitlements in one statement, on the same rows', async () => {
    const member = await account('by-id');
    await subscription(member.id, 'active', days(5));
    const { result, statements } = await db.countStatements(() => loadEntitlements(member.id, { db: prisma, now }));
    expect(statements).toBe(1);
    expect(result).toMatchObject({ premium: true, source: 'subscription', subscription: { status: 'active', currentPeriodEnd: days(5) } });
    expect((await loadEntitlements('no-such-user', { db: prisma, now })).premium).toBe(false);
  });

  it('getViewer reads the request cookie and answers from one statement', async () => {
    const coach = await account('request', 'COACH');
    request.cookie = await cookieFor(coach.id, await startSession(coach.id, { db: prisma }));
    const { result: viewer, statements } = await db.countStatements(() => getViewer());
    expect(statements).toBe(1);
    expect(viewer).toMatchObject({ session: 'valid', isStaff: true, entitled: true, user: { id: coach.id, role: 'COACH' } });
    request.cookie = null;
    expect(await db.countStatements(() => getViewer())).toEqual({ result: expect.objectContaining({ user: null, session: 'none' }), statements: 0 });
  });
});
