import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseConnection } from '@/lib/db/connection';
import { queueEmail } from '@/lib/email/send-email';
import { createScheduler, type Job, type Scheduler, type TickOutcome } from '@/lib/jobs/scheduler';
import { coachDigestJob, deliveryRunSize, emailDeliveryJob, lifecycleEmailJob, siteJobs } from '@/lib/jobs/site-jobs';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../helpers/database';
import { fakeTransport, testMessage } from '../helpers/fake-mail';

let db: TestDatabase;
/** A second app instance: its own pool on PostgreSQL; PGlite has only the one connection. */
let other: DatabaseConnection;
beforeAll(async () => {
  db = await createTestDatabase();
  other = db.kind === 'postgres' ? db.openAnother() : db.connection;
});
afterAll(async () => {
  await db?.drop();
});

const WAIT = { timeout: 10_000, interval: 10 };
const HOUR = 3_600_000;

/** A clock the test moves by hand, so a new round starts when the test says so. */
function manualClock() {
  const clock = { ms: Date.UTC(2026, 0, 1), now: () => clock.ms };
  return clock;
}

/** A job that counts its runs and, while `hold` is set, stays running until released. */
function countingJob(name: string, intervalMs = HOUR) {
  let release: () => void = () => {};
  const state = { runs: 0, hold: false };
  const job: Job = {
    name,
    intervalMs,
    async run() {
      state.runs++;
      if (state.hold) await new Promise<void>((resolve) => (release = resolve));
    },
  };
  return { job, state, release: () => release() };
}

function two(name: string, now: () => number, log: (line: string) => void = () => {}) {
  const counted = countingJob(name);
  const a = createScheduler({ connection: db.connection, now, log }).register(counted.job);
  const b = createScheduler({ connection: other, now, log }).register(counted.job);
  return { ...counted, a, b };
}

const ran = (outcomes: TickOutcome[]) => outcomes.filter((o) => o === 'ran').length;

describe(`job scheduler on ${testDatabaseKind()}`, () => {
  it('two instances ticking one job at once run it exactly once per round', async () => {
    const clock = manualClock();
    const { a, b, state } = two('race', clock.now);

    const first = await Promise.all([a.tick('race'), b.tick('race'), b.tick('race'), a.tick('race')]);
    expect(ran(first)).toBe(1);
    expect(state.runs).toBe(1);
    // Same round, later: nobody runs it again (each finds it done, or the other checking).
    for (const outcome of await Promise.all([a.tick('race'), b.tick('race')])) expect(['not-due', 'locked']).toContain(outcome);
    expect(state.runs).toBe(1);

    clock.ms += HOUR;
    const second = await Promise.all([b.tick('race'), a.tick('race'), a.tick('race'), b.tick('race')]);
    expect(ran(second)).toBe(1);
    expect(state.runs).toBe(2);
  });

  it('while one instance runs a job, the other skips it (the advisory lock), and it never overlaps itself', async () => {
    const clock = manualClock();
    const { a, b, state, release } = two('held', clock.now);
    state.hold = true;
    const running = a.tick('held');
    await vi.waitFor(() => expect(state.runs).toBe(1), WAIT);

    expect(await a.tick('held')).toBe('overlap');
    // A new round has begun, so only the lock can stop the second instance. One PGlite
    // session always gets its own lock back; there the round claim held it.
    clock.ms += HOUR;
    state.hold = false; // a run that does happen returns at once
    expect(await b.tick('held')).toBe(db.kind === 'postgres' ? 'locked' : 'ran');

    release();
    expect(await running).toBe('ran');
    // Released: the next tick takes the lock again.
    clock.ms += HOUR;
    expect(await b.tick('held')).toBe('ran');
  });

  it('a failing job is logged and the next tick still runs it', async () => {
    const lines: string[] = [];
    let calls = 0;
    const scheduler = createScheduler({ connection: db.connection, log: (line) => lines.push(line) }).register({
      name: 'flaky',
      intervalMs: 20,
      async run() {
        calls++;
        if (calls === 1) throw new Error('SMTP said no');
      },
    });
    try {
      scheduler.start();
      await vi.waitFor(() => expect(calls).toBeGreaterThanOrEqual(2), WAIT);
    } finally {
      await scheduler.stop();
    }
    expect(lines[0]).toBe('[jobs] flaky failed: SMTP said no');
    expect(lines).toHaveLength(1);
  });

  it('stop() ends the timers and waits for a tick under way', async () => {
    const { job, state, release } = countingJob('stoppable', 20);
    const scheduler = createScheduler({ connection: db.connection }).register(job).start();
    await vi.waitFor(() => expect(state.runs).toBeGreaterThanOrEqual(2), WAIT);
    const before = state.runs;
    state.hold = true;
    // A run that started after this point is held until released.
    await vi.waitFor(() => expect(state.runs).toBeGreaterThan(before), WAIT);

    let stopped = false;
    const stopping = scheduler.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    release();
    await stopping;

    const runs = state.runs;
    // Ten intervals later, still no new run.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(state.runs).toBe(runs);
  });

  it('a job is registered once, and a database it cannot reach is logged, not thrown', async () => {
    const { job } = countingJob('once');
    expect(() => createScheduler({ connection: db.connection }).register(job).register(job)).toThrow(/registered twice/);
    const lines: string[] = [];
    const broken: DatabaseConnection = { ...db.connection, withOwnConnection: () => Promise.reject(new Error('connection refused')) };
    expect(await createScheduler({ connection: broken, log: (l) => lines.push(l) }).register(job).tick('once')).toBe('error');
    expect(lines).toEqual(['[jobs] once could not start: connection refused']);
  });

  it('the site runs digests, lifecycle emails and newsletters always and mail delivery only with SMTP', () => {
    expect(siteJobs(null).map((j) => j.name)).toEqual([coachDigestJob.name, lifecycleEmailJob.name, 'newsletter-drafts', 'newsletter-queue']);
    expect(siteJobs(fakeTransport().transport).map((j) => j.name)).toEqual(['email-delivery', 'coach-digests', 'lifecycle-emails', 'newsletter-drafts', 'newsletter-queue']);
    // A scheduled delivery run lasts about 25 s at EMAIL_SEND_RATE.
    expect(deliveryRunSize(10)).toEqual({ batchSize: 10, maxBatches: 25 });
    expect(deliveryRunSize(1000)).toEqual({ batchSize: 100, maxBatches: 250 });
    expect(deliveryRunSize(1)).toEqual({ batchSize: 10, maxBatches: 20 });
  });

  it('a queued email is delivered exactly once when two instances run delivery at once', async () => {
    const clock = manualClock();
    const one = fakeTransport({ delayMs: 5 });
    const two = fakeTransport({ delayMs: 5 });
    const a = createScheduler({ connection: db.connection, now: clock.now }).register(emailDeliveryJob(one.transport));
    const b = createScheduler({ connection: other, now: clock.now }).register(emailDeliveryJob(two.transport));
    const prisma = db.connection.prisma;
    for (let n = 0; n < 12; n++) await queueEmail(testMessage(`m${n}@example.com`, n), prisma, { transport: null });

    const outcomes = await Promise.all([a.tick('email-delivery'), b.tick('email-delivery')]);
    expect(ran(outcomes)).toBe(1);
    const sentTo = () => [...one.sent, ...two.sent].map((m) => m.to);
    expect(sentTo()).toHaveLength(12);
    expect(new Set(sentTo()).size).toBe(12);

    // Next round, on the timers of both instances: new mail goes, old mail is not sent again.
    clock.ms += HOUR;
    await queueEmail(testMessage('late@example.com'), prisma, { transport: null });
    const running: Scheduler[] = [a.start(), b.start()];
    try {
      await vi.waitFor(() => expect(sentTo()).toContain('late@example.com'), WAIT);
    } finally {
      await Promise.all(running.map((s) => s.stop()));
    }
    expect(sentTo()).toHaveLength(13);
    expect(await prisma.outboxEmail.count({ where: { status: 'SENT', attempts: 1 } })).toBe(13);
  });
});
