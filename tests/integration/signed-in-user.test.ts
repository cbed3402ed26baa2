// Who is signed in, and what they may see, from one statement (lib/auth/current-user.ts):
// the same user fields Prisma reads and the same entitlements loadEntitlements decides,
// for every kind of account, and no one for a token whose session was ended, expired or
// belongs to someone else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSignedInUser } from '@/lib/auth/current-user';
import { endSession, SESSION_MAX_AGE_SECONDS, startSession } from '@/lib/auth/sessions';
import { loadEntitlements } from '@/lib/billing/entitlements';
import type { PrismaClient } from '@/lib/db/generated/client';
import { createCountingTestDatabase, testDatabaseKind, type CountingTestDatabase } from '../helpers/database';

let db: CountingTestDatabase;
let prisma: PrismaClient;
beforeAll(async () => {
  db = await createCountingTestDatabase();
  prisma = db.connection.prisma;
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

describe(`the signed-in user on ${testDatabaseKind()}`, () => {
  it('reads every kind of account and its entitlements exactly as the separate queries do, in one statement', async () => {
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

    const premium: Record<string, boolean> = {};
    for (const user of [plain, active, cancelling, pastDue, lapsed, comped, compEnded, coach, admin]) {
      const sessionId = await startSession(user.id, { db: prisma, now });
      const { result: signedIn, statements } = await db.countStatements(() => loadSignedInUser({ userId: user.id, sessionId }, { db: prisma, now }));
      expect(statements).toBe(1);
      expect(signedIn?.user).toEqual({ id: user.id, email: user.email, name: user.name, role: user.role, emailVerified: user.emailVerified });
      expect(signedIn?.entitlements).toEqual(await loadEntitlements(user.id, { db: prisma, now }));
      premium[user.email.split('-')[0]] = signedIn!.entitlements.premium;
    }
    // The cases differ (a control that the equality above compares something).
    expect(premium).toMatchObject({ plain: false, active: true, cancelling: true, past: true, lapsed: false, comped: true, comp: false, coach: true, admin: true });
  });

  it('finds no one once the session is ended or expired, for a session of another user, or for a deleted user', async () => {
    const user = await account('ended');
    const other = await account('other');
    const session = { userId: user.id, sessionId: await startSession(user.id, { db: prisma, now }) };
    const kept = { userId: user.id, sessionId: await startSession(user.id, { db: prisma, now }) };
    expect(await loadSignedInUser(session, { db: prisma, now })).not.toBeNull();
    expect(await loadSignedInUser({ userId: other.id, sessionId: session.sessionId }, { db: prisma, now })).toBeNull();
    expect(await loadSignedInUser(session, { db: prisma, now: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) })).toBeNull();
    await endSession(session.sessionId, { db: prisma });
    expect(await loadSignedInUser(session, { db: prisma, now })).toBeNull();
    expect(await loadSignedInUser(kept, { db: prisma, now })).not.toBeNull();
    await prisma.user.delete({ where: { id: user.id } });
    expect(await loadSignedInUser(kept, { db: prisma, now })).toBeNull();
    expect(await prisma.authSession.count({ where: { userId: user.id } })).toBe(0);
  });
});
