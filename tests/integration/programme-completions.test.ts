// Recording completed sessions: idempotent per request, and nothing lost or double
// counted when two tabs (or two app instances) record at the same moment.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPhases } from '@/lib/content/programme';
import type { PrismaClient } from '@/lib/db/generated/client';
import { loadMemberProgramme, recordCompletion, restartProgramme, setCurrentPhase } from '@/lib/programme/store';
import { createCountingTestDatabase, testDatabaseKind, type CountingTestDatabase } from '../helpers/database';

let db: CountingTestDatabase;
let prisma: PrismaClient;
beforeAll(async () => {
  db = await createCountingTestDatabase();
  prisma = db.connection.prisma;
});
afterAll(() => db?.drop());

const phase = () => getPhases()[0];
const key = () => crypto.randomBytes(12).toString('base64url');
const input = (sessionSlug: string, requestKey = key()) => ({ phaseSlug: phase().slug, sessionSlug, requestKey, note: null, effort: 3, pain: 2 });

let n = 0;
async function member() {
  n++;
  return (await prisma.user.create({ data: { email: `runner-${n}-${Date.now()}@example.com` } })).id;
}

describe(`programme completions on ${testDatabaseKind()}`, () => {
  it('records a double click once', async () => {
    const userId = await member();
    const same = input(phase().sessions[0].slug);
    const results = await Promise.all([recordCompletion(userId, same, { db: prisma }), recordCompletion(userId, same, { db: prisma })]);
    expect(results.sort()).toEqual([false, true]);
    expect(await prisma.sessionCompletion.count({ where: { userId } })).toBe(1);
  });

  it('keeps every completion when two app instances record a whole run at once, and counts the run once', async () => {
    const userId = await member();
    const instances = db.kind === 'postgres' ? [prisma, db.openAnother().prisma] : [prisma, prisma];
    const sessions = phase().sessions;
    // Every session twice, from alternating instances, all at the same moment.
    const writes = [...sessions, ...sessions].map((s, i) => recordCompletion(userId, input(s.slug), { db: instances[i % 2] }));
    expect((await Promise.all(writes)).every(Boolean)).toBe(true);
    expect(await prisma.sessionCompletion.count({ where: { userId } })).toBe(sessions.length * 2);
    const progress = (await loadMemberProgramme(userId, { db: prisma })).overview.phases[0];
    // Whatever order they landed in: the first of each session makes one run, the rest are repeats or the next run's.
    expect(progress.completedRuns.length + progress.currentRun.done.length / sessions.length).toBeGreaterThanOrEqual(1);
    expect(progress.completedRuns.length * sessions.length + progress.currentRun.done.length + progress.repeats).toBe(sessions.length * 2);
    expect(await prisma.programmeState.count({ where: { userId } })).toBe(1);
  });

  it('counts runs, moves between phases and restarts from the database', async () => {
    const userId = await member();
    const start = Date.now() - 10 * 86_400_000;
    for (const [i, s] of phase().sessions.entries()) await recordCompletion(userId, input(s.slug), { db: prisma, now: new Date(start + i * 60_000) });
    let programme = await loadMemberProgramme(userId, { db: prisma });
    expect(programme.overview.phases[0].countedRuns).toBe(1);
    expect(programme.overview.currentPhaseSlug).toBe(phase().slug);

    await setCurrentPhase(userId, getPhases()[1].slug, { db: prisma });
    programme = await loadMemberProgramme(userId, { db: prisma });
    expect(programme.overview.currentPhaseSlug).toBe(getPhases()[1].slug);

    await restartProgramme(userId, { db: prisma });
    programme = await loadMemberProgramme(userId, { db: prisma });
    expect(programme.overview.currentPhaseSlug).toBe(phase().slug);
    expect(programme.overview.phases[0].countedRuns).toBe(0);
    expect(programme.completions).toHaveLength(phase().sessions.length); // history kept
  });

  it('loads completions and state exactly as stored, oldest first (ties by id), in one statement', async () => {
    const userId = await member();
    const at = new Date('2026-03-01T08:15:30.123Z');
    const sessions = phase().sessions;
    await recordCompletion(userId, { ...input(sessions[0].slug), note: 'Felt "great" – <b>no</b> pain ✓', effort: 0, pain: 10 }, { db: prisma, now: new Date(at.getTime() + 60_000) });
    // Two at the same millisecond: the id decides their order.
    await recordCompletion(userId, { ...input(sessions[1].slug), effort: null, pain: null }, { db: prisma, now: at });
    await recordCompletion(userId, input(sessions[2].slug), { db: prisma, now: at });
    await restartProgramme(userId, { db: prisma, now: new Date('2026-02-01T00:00:00.007Z') });
    const stored = await prisma.sessionCompletion.findMany({
      where: { userId },
      orderBy: [{ completedAt: 'asc' }, { id: 'asc' }],
      select: { id: true, phaseSlug: true, sessionSlug: true, completedAt: true, note: true, effort: true, pain: true },
    });

    const { result: programme, statements } = await db.countStatements(() => loadMemberProgramme(userId, { db: prisma }));
    expect(statements).toBe(1);
    expect(programme.completions).toEqual(stored);
    expect(programme.restartedAt).toEqual(new Date('2026-02-01T00:00:00.007Z'));
    expect(programme.overview.currentPhaseSlug).toBe(phase().slug);

    const nobody = await loadMemberProgramme(await member(), { db: prisma });
    expect(nobody.completions).toEqual([]);
    expect(nobody.restartedAt).toBeNull();
  });

  it('refuses a session that is not in the phase', async () => {
    const userId = await member();
    await expect(recordCompletion(userId, input('no-such-session'), { db: prisma })).rejects.toThrow('Unknown session');
    expect(await prisma.sessionCompletion.count({ where: { userId } })).toBe(0);
  });
});
