// The demo's year of members gives the staff dashboard a story, the same on every seed,
// and leaves the demo accounts' own data alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/db/generated/client';
import { loadDashboard } from '@/lib/dashboard/dashboard';
import { seedDashboardStory } from '@/lib/demo/dashboard-story';
import { seedDemoAccounts } from '@/lib/demo/demo-accounts';
import { DEMO_USERS } from '@/lib/demo/demo-users';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/database';

const NOW = new Date('2026-12-06T10:00:00Z');
const PRICES = { currency: 'gbp', unavailable: false, prices: [{ priceId: 'price_membership_monthly', amount: 1900 }, { priceId: 'price_membership_annual', amount: 19000 }] };
let db: TestDatabase;
let prisma: PrismaClient;
beforeAll(async () => {
  db = await createTestDatabase();
  prisma = db.connection.prisma;
  await seedDemoAccounts(prisma);
});
afterAll(() => db?.drop());

describe(`the demo dashboard story on ${testDatabaseKind()}`, () => {
  it('has joins over the year, lapses, failed cards, quiet and stuck members, and questions answered at different speeds', async () => {
    expect(await seedDashboardStory(prisma, NOW)).toBe('seeded');
    const d = await loadDashboard({ role: 'ADMIN', filter: {}, now: NOW, db: prisma, prices: PRICES });
    expect(d.counts).toMatchObject({ trialing: 2, complimentary: 2 });
    expect(d.counts.active).toBeGreaterThan(20);
    expect(d.counts.past_due).toBeGreaterThan(0);
    expect(d.counts.cancelling).toBeGreaterThan(0);
    expect(d.counts.lapsed).toBeGreaterThan(3);
    expect(d.months.filter((m) => m.joined > 0).length).toBeGreaterThanOrEqual(11);
    expect(d.months.filter((m) => m.lapsed > 0).length).toBeGreaterThanOrEqual(4);
    expect(d.money!.months[11].mrr).toBeGreaterThan(d.money!.months[0].mrr);
    expect(d.quiet.total).toBeGreaterThanOrEqual(4);
    expect(d.stuck.total).toBeGreaterThanOrEqual(3);
    expect(d.weeks.filter((w) => w.runs > 0).length).toBeGreaterThanOrEqual(6);
    expect(d.trend.some((t) => t.pain !== null)).toBe(true);
    expect(d.questions.waiting).toBe(2);
    expect(d.questions.perCoach).toHaveLength(2);
    expect(d.questions.overall!.p90Seconds).toBeGreaterThan(d.questions.overall!.medianSeconds * 4);
  });

  it('seeds once, and adds nothing to the demo accounts but coaches\u2019 answers', async () => {
    expect(await seedDashboardStory(prisma, NOW)).toBe('exists');
    const demo = await prisma.user.findMany({ where: { email: { in: DEMO_USERS.map((u) => u.email) } }, select: { _count: { select: { subscriptions: true, completions: true, compGrants: true } }, role: true } });
    for (const user of demo) expect(user._count).toEqual({ subscriptions: 0, completions: 0, compGrants: 0 });
    expect(await prisma.user.count({ where: { email: { endsWith: '@example.com' } } })).toBe(42);
  });
});
