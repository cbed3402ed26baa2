// The staff dashboard at the size the issue names, on the PostgreSQL server only (PGlite
// takes too long to insert it): 10,000 members and 200,000 completions load in the same
// number of statements as an empty business, and the lists stay within their limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDashboard } from '@/lib/dashboard/dashboard';
import { LIST_LIMIT } from '@/lib/dashboard/programme';
import { phaseDefinitions } from '@/lib/programme/store';
import { seedDashboardScale } from '../../bench/dashboard-data';
import { createCountingTestDatabase, type CountingTestDatabase } from '../helpers/database';

const NOW = new Date('2026-06-15T12:00:00Z');
const PRICES = { currency: 'gbp', unavailable: false, prices: [{ priceId: 'price_membership_monthly', amount: 1900 }, { priceId: 'price_membership_annual', amount: 19000 }] };

let db: CountingTestDatabase;
beforeAll(async () => {
  db = await createCountingTestDatabase();
});
afterAll(() => db?.drop());

describe('staff dashboard at 10,000 members and 200,000 completions (PostgreSQL)', () => {
  it('runs the same statements as for an empty business', async () => {
    const prisma = db.connection.prisma;
    const phases = phaseDefinitions();
    const load = () => loadDashboard({ role: 'ADMIN', filter: {}, now: NOW, db: prisma, phases, prices: PRICES });
    const empty = await db.countStatements(load);
    await seedDashboardScale(prisma, { members: 10_000, completions: 200_000, now: NOW, phases });
    expect(await prisma.sessionCompletion.count()).toBe(200_000);
    const large = await db.countStatements(load);
    expect(large.statements).toBe(empty.statements);
    const d = large.result;
    expect(Object.values(d.counts).reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(d.counts.past_due).toBe(500);
    expect(d.money!.months[11].mrr).toBeGreaterThan(0);
    expect(d.quiet.members.length).toBeLessThanOrEqual(LIST_LIMIT);
    expect(d.list.rows).toHaveLength(100);
    expect(d.list.total).toBe(10_000);
    expect(d.questions.overall?.answered).toBeGreaterThan(0);
    // Runs are replayed from each member's whole history: some close every week, and a run
    // takes at least the smallest phase's sessions.
    const fewestSessions = Math.min(...phases.map((p) => p.sessionSlugs.length));
    expect(d.weeks.every((w) => w.runs > 0 && w.runs * fewestSessions <= w.sessions)).toBe(true);
  });
});
