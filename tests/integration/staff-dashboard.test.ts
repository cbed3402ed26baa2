// The staff dashboard's figures on a small hand-built business with a fixed clock, and its
// query count: the same statements for 12 members as for 2,000 with 20,000 completions
// (the 10,000 / 200,000 run is staff-dashboard-scale.postgres.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/db/generated/client';
import { loadDashboard, type PriceList } from '@/lib/dashboard/dashboard';
import { loadMemberList } from '@/lib/dashboard/member-list';
import type { PhaseDefinition } from '@/lib/programme/progress';
import { seedDashboardScale } from '../../bench/dashboard-data';
import { createCountingTestDatabase, testDatabaseKind, type CountingTestDatabase } from '../helpers/database';

const NOW = new Date('2026-06-15T12:00:00Z');
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);
const at = (iso: string) => new Date(iso);

// Small phases so the readiness rule is easy to satisfy by hand (the warm-up holds a coach's
// runs across the chart's first week and a restart).
const PHASES: PhaseDefinition[] = [
  { slug: 'warm-up', title: 'Warm-up', sessionSlugs: ['d', 'e'], recommendedRuns: 1, minDaysBetweenRuns: 0 },
  { slug: 'phase-one', title: 'Phase One', sessionSlugs: ['a', 'b'], recommendedRuns: 2, minDaysBetweenRuns: 0 },
  { slug: 'phase-two', title: 'Phase Two', sessionSlugs: ['c'], recommendedRuns: 3, minDaysBetweenRuns: 0 },
];
const PRICES: PriceList = { currency: 'gbp', unavailable: false, prices: [{ priceId: 'price_m', amount: 1900 }, { priceId: 'price_y', amount: 19000 }] };

let db: CountingTestDatabase;
let prisma: PrismaClient;
const ids: Record<string, string> = {};

async function person(key: string, createdAt: Date, role: 'MEMBER' | 'COACH' = 'MEMBER') {
  const user = await prisma.user.create({ data: { email: `${key}@example.com`, name: key, role, createdAt } });
  ids[key] = user.id;
  return user.id;
}

let subs = 0;
async function subscription(userId: string, data: { status: string; createdAt: Date; yearly?: boolean; periodEnd?: Date; cancelAtPeriodEnd?: boolean; endedAt?: Date; trialEnd?: Date }) {
  await prisma.subscription.create({
    data: {
      id: `sub_${++subs}`, userId, customerId: `cus_${subs}`, status: data.status, priceId: data.yearly ? 'price_y' : 'price_m', interval: data.yearly ? 'year' : 'month',
      currentPeriodEnd: data.periodEnd ?? at('2026-07-01T00:00:00Z'), cancelAtPeriodEnd: data.cancelAtPeriodEnd ?? false,
      endedAt: data.endedAt ?? null, trialEnd: data.trialEnd ?? null, createdAt: data.createdAt,
    },
  });
}

let keys = 0;
async function completions(userId: string, phaseSlug: string, rows: { session: string; at: Date; pain?: number; effort?: number }[]) {
  await prisma.sessionCompletion.createMany({
    data: rows.map((r) => ({ userId, phaseSlug, sessionSlug: r.session, completedAt: r.at, requestKey: `key-${++keys}`, pain: r.pain ?? null, effort: r.effort ?? null })),
  });
  await prisma.programmeState.upsert({ where: { userId }, create: { userId, currentPhaseSlug: phaseSlug }, update: { currentPhaseSlug: phaseSlug } });
}

let comments = 0;
async function question(authorId: string, askedAt: Date, answer?: { coachId: string; at: Date }, closed = false) {
  const id = `q-${++comments}`;
  await prisma.comment.create({
    data: { id, targetKind: 'phase', targetSlug: 'phase-one', rootId: id, authorId, body: 'How?', bodyHash: id, awaitingCoach: true, answeredAt: answer?.at ?? null, closedAt: closed ? askedAt : null, createdAt: askedAt },
  });
  if (answer) {
    await prisma.comment.create({
      data: { id: `${id}-a`, targetKind: 'phase', targetSlug: 'phase-one', parentId: id, rootId: id, depth: 1, authorId: answer.coachId, body: 'Like this.', bodyHash: `${id}-a`, byStaff: true, createdAt: answer.at },
    });
  }
}

beforeAll(async () => {
  db = await createCountingTestDatabase();
  prisma = db.connection.prisma;
  const coach1 = await person('coach1', ago(400), 'COACH');
  const coach2 = await person('coach2', ago(400), 'COACH');
  await prisma.user.update({ where: { id: coach2 }, data: { role: 'ADMIN' } });

  const alice = await person('alice', at('2026-01-10T00:00:00Z'));
  await subscription(alice, { status: 'active', createdAt: at('2026-01-10T00:00:00Z') });
  await completions(alice, 'phase-one', [
    { session: 'a', at: ago(5), pain: 4, effort: 5 }, { session: 'b', at: ago(4), pain: 6, effort: 5 },
    { session: 'a', at: ago(3), pain: 2, effort: 6 }, { session: 'b', at: ago(2), pain: 4, effort: 8 },
  ]);
  const bob = await person('bob', at('2026-06-02T00:00:00Z'));
  await subscription(bob, { status: 'active', yearly: true, createdAt: at('2026-06-02T00:00:00Z'), periodEnd: at('2027-06-02T00:00:00Z') });
  const cara = await person('cara', at('2026-06-06T00:00:00Z'));
  await subscription(cara, { status: 'trialing', createdAt: at('2026-06-06T00:00:00Z'), trialEnd: at('2026-06-20T00:00:00Z'), periodEnd: at('2026-06-20T00:00:00Z') });
  const dan = await person('dan', at('2025-12-01T00:00:00Z'));
  await subscription(dan, { status: 'past_due', createdAt: at('2025-12-01T00:00:00Z'), periodEnd: at('2026-06-20T00:00:00Z') });
  await completions(dan, 'phase-two', [{ session: 'c', at: ago(20) }]);
  const eve = await person('eve', at('2026-03-01T00:00:00Z'));
  await subscription(eve, { status: 'active', cancelAtPeriodEnd: true, createdAt: at('2026-03-01T00:00:00Z'), periodEnd: at('2026-06-30T00:00:00Z') });
  await completions(eve, 'phase-one', [{ session: 'a', at: ago(3) }, { session: 'b', at: ago(2) }, { session: 'a', at: ago(1) }]);
  const finn = await person('finn', at('2026-02-01T00:00:00Z'));
  await prisma.compGrant.create({ data: { userId: finn, reason: 'friend' } });
  // Ready in the last phase: nowhere to move on to, so not stuck.
  await completions(finn, 'phase-two', [{ session: 'c', at: ago(32) }, { session: 'c', at: ago(31) }, { session: 'c', at: ago(30) }]);
  const gus = await person('gus', at('2026-02-01T00:00:00Z'));
  await subscription(gus, { status: 'canceled', createdAt: at('2026-02-01T00:00:00Z'), endedAt: at('2026-06-05T00:00:00Z'), periodEnd: at('2026-06-05T00:00:00Z') });
  await person('hana', at('2026-05-01T00:00:00Z'));
  const ivy = await person('ivy', at('2026-01-05T00:00:00Z'));
  await subscription(ivy, { status: 'canceled', createdAt: at('2026-01-05T00:00:00Z'), endedAt: at('2026-04-10T00:00:00Z'), periodEnd: at('2026-04-10T00:00:00Z') });

  // A run begun before the chart's 12 weeks and finished in its first week; then a run open
  // at a restart is dropped, so the next run closes only on the restart's second session.
  await completions(coach1, 'warm-up', [{ session: 'd', at: ago(100) }, { session: 'e', at: ago(76) }, { session: 'd', at: ago(60) }, { session: 'e', at: ago(44) }, { session: 'd', at: ago(36) }]);
  await prisma.programmeState.update({ where: { userId: coach1 }, data: { restartedAt: ago(45) } });

  const h = 3_600_000;
  await question(alice, at('2026-06-10T10:00:00Z'), { coachId: coach1, at: at('2026-06-10T11:00:00Z') });
  await question(eve, at('2026-06-11T09:00:00Z'), { coachId: coach1, at: new Date(at('2026-06-11T09:00:00Z').getTime() + 3 * h) });
  await question(dan, at('2026-06-12T08:00:00Z'), { coachId: coach2, at: at('2026-06-13T08:00:00Z') });
  await question(finn, at('2026-06-13T08:00:00Z'), { coachId: coach2, at: at('2026-06-13T10:00:00Z') });
  await question(alice, at('2026-04-01T08:00:00Z'), { coachId: coach1, at: at('2026-04-05T08:00:00Z') }); // outside the 30 days
  await question(bob, at('2026-06-14T08:00:00Z'));
  await question(cara, at('2026-06-15T09:00:00Z'));
  await question(bob, at('2026-06-14T09:00:00Z'), undefined, true); // closed: "no reply needed"
});
afterAll(() => db?.drop());

const dashboard = (role: 'ADMIN' | 'COACH') => loadDashboard({ role, filter: {}, now: NOW, db: prisma, phases: PHASES, prices: PRICES });

describe(`staff dashboard figures on ${testDatabaseKind()}`, () => {
  it('counts members by status, joins, lapses, MRR and churn', async () => {
    const d = await dashboard('ADMIN');
    expect(d.counts).toEqual({ active: 2, trialing: 1, past_due: 1, cancelling: 1, complimentary: 1, lapsed: 2, free: 1 });
    expect(d.months).toHaveLength(12);
    expect(d.months[0].month).toEqual(at('2025-07-01T00:00:00Z'));
    const june = d.months[11];
    expect(june).toEqual({ month: at('2026-06-01T00:00:00Z'), members: 5, joined: 2, lapsed: 1 });
    expect(d.months[9]).toMatchObject({ lapsed: 1 }); // ivy, April
    expect(d.months[5]).toMatchObject({ joined: 1 }); // dan, December
    // alice 19 + bob 190/12 + dan (past due) 19 + eve (cancelling, still paid) 19; cara's trial pays nothing.
    expect(d.money?.months[11]).toEqual({ month: at('2026-06-01T00:00:00Z'), mrr: 7283, churn: 0.25 });
    // At the end of May: alice, dan, eve, gus.
    expect(d.money?.months[10].mrr).toBe(7600);
    expect(d.money?.months[9].churn).toBeCloseTo(1 / 5);
    expect(d.money?.unpricedSubscriptions).toBe(0);
  });

  it('gives a coach every figure but money', async () => {
    const d = await dashboard('COACH');
    expect(d.money).toBeNull();
    expect(JSON.stringify(d)).not.toMatch(/mrr|churn|7283/i);
    expect(d.counts.active).toBe(2);
  });

  it('finds the programme figures: per phase, gone quiet, stuck, pain and effort', async () => {
    const d = await dashboard('COACH');
    expect(d.perPhase).toEqual([{ phaseSlug: null, members: 2 }, { phaseSlug: 'phase-one', members: 2 }, { phaseSlug: 'phase-two', members: 2 }]);
    expect(d.quiet.total).toBe(2);
    expect(d.quiet.members.map((m) => m.name)).toEqual(['dan', 'finn']);
    expect(d.quiet.members[0].lastCompletedAt).toEqual(ago(20));
    expect(d.stuck.total).toBe(1);
    expect(d.stuck.members.map((m) => ({ name: m.name, runs: m.countedRuns }))).toEqual([{ name: 'alice', runs: 2 }]);
    expect(d.weeks).toHaveLength(12);
    expect(d.weeks.reduce((sum, w) => sum + w.sessions, 0)).toBe(15);
    // alice 2 and eve 1 this week; dan 1; finn 3; the coach's warm-up in the first week and,
    // after the restart, in the week of 4 May (not the week of 27 April).
    expect(d.weeks.filter((w) => w.runs > 0).map((w) => [w.week.toISOString().slice(0, 10), w.runs])).toEqual([
      ['2026-03-30', 1], ['2026-05-04', 1], ['2026-05-11', 3], ['2026-05-25', 1], ['2026-06-08', 3],
    ]);
    expect(d.weeks[0].week).toEqual(at('2026-03-30T00:00:00Z'));
    const phaseOneJune = d.trend.find((t) => t.phaseSlug === 'phase-one' && t.month.getTime() === at('2026-06-01T00:00:00Z').getTime());
    expect(phaseOneJune).toEqual({ phaseSlug: 'phase-one', month: at('2026-06-01T00:00:00Z'), sessions: 7, pain: 4, effort: 6 });
  });

  it('measures the time to a first answer, overall and per coach', async () => {
    const { questions } = await dashboard('COACH');
    expect(questions.waiting).toBe(2);
    expect(questions.oldestWaitingSince).toEqual(at('2026-06-14T08:00:00Z'));
    // 1 h, 2 h, 3 h, 24 h
    expect(questions.overall).toEqual({ answered: 4, medianSeconds: 9000, p90Seconds: 63720 });
    expect(questions.perCoach).toEqual([
      { coachId: ids.coach1, name: 'coach1', email: 'coach1@example.com', answered: 2, medianSeconds: 7200, p90Seconds: 10080 },
      { coachId: ids.coach2, name: 'coach2', email: 'coach2@example.com', answered: 2, medianSeconds: 46800, p90Seconds: 78480 },
    ]);
  });

  it('filters the member list by status and phase', async () => {
    const names = async (filter: Parameters<typeof loadMemberList>[2]) => (await loadMemberList(prisma, NOW, filter, 100)).rows.map((r) => r.name).sort();
    expect(await names({ status: 'lapsed' })).toEqual(['gus', 'ivy']);
    expect(await names({ phase: 'phase-one' })).toEqual(['alice', 'eve']);
    expect(await names({ phase: 'none', status: 'active' })).toEqual(['bob']);
    const { total, rows } = await loadMemberList(prisma, NOW, {}, 3);
    expect(total).toBe(9);
    expect(rows).toHaveLength(3);
    const alice = (await loadMemberList(prisma, NOW, { phase: 'phase-one', status: 'active' }, 10)).rows[0];
    expect(alice).toMatchObject({ name: 'alice', status: 'active', recentSessions: 4, lastCompletedAt: ago(2) });
  });

  it('runs the same number of statements for 2,000 members as for 12', async () => {
    const small = await db.countStatements(() => dashboard('ADMIN'));
    await seedDashboardScale(prisma, { members: 2_000, completions: 20_000, now: NOW, phases: PHASES });
    const large = await db.countStatements(() => dashboard('ADMIN'));
    expect(large.result.counts.active + large.result.counts.past_due).toBeGreaterThan(1_000);
    expect(large.result.quiet.members.length).toBeLessThanOrEqual(50);
    expect(large.statements).toBe(small.statements);
    expect(small.statements).toBeLessThanOrEqual(9);
  });
});
