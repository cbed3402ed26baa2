// The staff member list (lib/auth/members.ts): search by email or name, case-insensitive
// and literal (a % or _ in the search is not a wildcard), newest first, a page at a time,
// each member's membership decided on the shared entitlement rows, as a member's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMBERS_PER_PAGE, searchMembers } from '@/lib/auth/members';
import { loadEntitlements } from '@/lib/billing/entitlements';
import type { PrismaClient } from '@/lib/db/generated/client';
import { useAsAppDatabase } from '../helpers/auth-browser';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/database';

let db: TestDatabase;
let prisma: PrismaClient;
beforeAll(async () => {
  db = await createTestDatabase();
  prisma = db.connection.prisma;
  useAsAppDatabase(db.connection);
});
afterAll(() => db?.drop());

describe(`member search on ${testDatabaseKind()}`, () => {
  it('finds by email or name, literally, and decides each membership as loadEntitlements does for a member', async () => {
    const base = Date.parse('2026-01-01T00:00:00Z');
    const paid = await prisma.user.create({ data: { email: 'paid@example.com', name: 'Pat 100% Steady', createdAt: new Date(base) } });
    await prisma.subscription.create({ data: { id: 'sub_search', userId: paid.id, customerId: 'cus_search', status: 'active', priceId: 'price_monthly', interval: 'month', currentPeriodEnd: new Date(Date.now() + 86_400_000) } });
    const coach = await prisma.user.create({ data: { email: 'coach_one@example.com', name: 'Casey', role: 'COACH', createdAt: new Date(base + 1000) } });
    const newest = await prisma.user.create({ data: { email: 'coachXone@example.com', name: null, createdAt: new Date(base + 2000) } });

    expect((await searchMembers({ q: 'PAID', page: 1 })).members.map((m) => m.id)).toEqual([paid.id]);
    expect((await searchMembers({ q: '100%', page: 1 })).members.map((m) => m.id)).toEqual([paid.id]);
    expect((await searchMembers({ q: 'coach_', page: 1 })).members.map((m) => m.id)).toEqual([coach.id]);
    const all = await searchMembers({ q: '', page: 1 });
    expect(all.total).toBe(3);
    expect(all.members.map((m) => m.id)).toEqual([newest.id, coach.id, paid.id]);
    const [paidRow] = (await searchMembers({ q: 'paid', page: 1 })).members;
    expect(paidRow).toMatchObject({ email: 'paid@example.com', name: 'Pat 100% Steady', role: 'MEMBER', emailVerified: null });
    expect(paidRow.membership).toEqual(await loadEntitlements(paid.id));
    // Staff access is not a membership: a coach without one shows none.
    expect((await searchMembers({ q: 'casey', page: 1 })).members[0].membership.premium).toBe(false);
  });

  it('pages through the list', async () => {
    await prisma.user.createMany({ data: Array.from({ length: MEMBERS_PER_PAGE + 2 }, (_, i) => ({ email: `paging-${i}@example.com` })) });
    const first = await searchMembers({ q: 'paging-', page: 1 });
    const second = await searchMembers({ q: 'paging-', page: 2 });
    expect(first).toMatchObject({ total: MEMBERS_PER_PAGE + 2, pageCount: 2 });
    expect(first.members).toHaveLength(MEMBERS_PER_PAGE);
    expect(second.members).toHaveLength(2);
    expect(new Set([...first.members, ...second.members].map((m) => m.id)).size).toBe(MEMBERS_PER_PAGE + 2);
  });
});
