// "Ready to move on, still in their phase" checks every entitled member against the
// readiness rule, not only those with the most completions: 205 members who repeat one
// session (many completions, no run) must not hide 53 who are ready with fewer, and the
// count is the whole number even when the list shows the first 50.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/db/generated/client';
import { loadDashboard } from '@/lib/dashboard/dashboard';
import { LIST_LIMIT } from '@/lib/dashboard/programme';
import type { PhaseDefinition } from '@/lib/programme/progress';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/database';

const NOW = new Date('2026-06-15T12:00:00Z');
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);
const PHASES: PhaseDefinition[] = [
  { slug: 'phase-one', title: 'Phase One', sessionSlugs: ['a', 'b'], recommendedRuns: 2, minDaysBetweenRuns: 0 },
  { slug: 'phase-two', title: 'Phase Two', sessionSlugs: ['c'], recommendedRuns: 1, minDaysBetweenRuns: 0 },
];

let db: TestDatabase;
let prisma: PrismaClient;

/** `count` members in `phase`, each with the same completions; entitled through a complimentary grant unless told otherwise. */
async function members(prefix: string, count: number, phase: string, sessions: string[], entitled = true) {
  const users = Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${String(i).padStart(3, '0')}`, email: `${prefix}-${i}@example.com`, name: `${prefix} ${i}`, role: 'MEMBER' as const, createdAt: ago(200) }));
  await prisma.user.createMany({ data: users });
  if (entitled) await prisma.compGrant.createMany({ data: users.map((u) => ({ userId: u.id, reason: 'test' })) });
  await prisma.programmeState.createMany({ data: users.map((u) => ({ userId: u.id, currentPhaseSlug: phase })) });
  await prisma.sessionCompletion.createMany({
    data: users.flatMap((u) => sessions.map((sessionSlug, i) => ({ userId: u.id, phaseSlug: phase, sessionSlug, completedAt: ago(sessions.length - i), requestKey: `${u.id}-${i}` }))),
  });
}

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = db.connection.prisma;
  await members('repeater', 205, 'phase-one', ['a', 'a', 'a', 'a', 'a']); // five completions, no run
  await members('ready', 53, 'phase-one', ['a', 'b', 'b', 'a']); // two runs, four completions
  await members('unpaid', 2, 'phase-one', ['a', 'b', 'a', 'b'], false); // ready, but no access
  await members('finisher', 2, 'phase-two', ['c', 'c']); // ready in the last phase: nowhere to go
});
afterAll(() => db?.drop());

describe(`who is ready to move on, on ${testDatabaseKind()}`, () => {
  it('finds every ready member with access, however many completions others have', async () => {
    const d = await loadDashboard({ role: 'COACH', filter: {}, now: NOW, db: prisma, phases: PHASES });
    expect(d.stuck.total).toBe(53);
    expect(d.stuck.members).toHaveLength(LIST_LIMIT);
    expect(new Set(d.stuck.members.map((m) => m.name?.split(' ')[0]))).toEqual(new Set(['ready']));
    expect(d.stuck.members[0]).toMatchObject({ userId: 'ready-000', countedRuns: 2, recommendedRuns: 2, phaseSlug: 'phase-one', lastCompletedAt: ago(1) });
    // Runs per week count everyone's runs: 53 + 2 unpaid in phase one, and 2 × 2 in phase two.
    expect(d.weeks.reduce((sum, w) => sum + w.runs, 0)).toBe(53 * 2 + 2 * 2 + 2 * 2);
  });
});
